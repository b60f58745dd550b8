// The safe fetcher against a local server: addresses refused before connecting and after each
// redirect, the size limit on a streamed body, the time-out, conditional requests, no cookies,
// the User-Agent, and Greek charsets decoded from the header or the document's declaration.
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSafeFetcher, decodeBody, isAllowedAddress, USER_AGENT } from "../../src/lib/safe-fetch.js";
import { FeedServer, type Route } from "./feed-server.js";

describe("addresses", () => {
  it("refuses private, loopback, link-local, CGNAT, metadata and ULA ranges; lets public ones through", () => {
    for (const address of [
      "10.1.2.3",
      "127.0.0.1",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "::ffff:7f00:1",
      "224.0.0.1",
      "not an address",
    ])
      expect(isAllowedAddress(address), address).toBe(false);
    for (const address of ["151.101.1.1", "2a00:1450:4017:80b::200e", "8.8.8.8"])
      expect(isAllowedAddress(address), address).toBe(true);
  });

  it("lets loopback through only when the setting allows it, and nothing else private", () => {
    expect(isAllowedAddress("127.0.0.1", true)).toBe(true);
    expect(isAllowedAddress("::1", true)).toBe(true);
    expect(isAllowedAddress("10.0.0.1", true)).toBe(false);
    expect(isAllowedAddress("169.254.169.254", true)).toBe(false);
  });
});

describe("charsets", () => {
  const greek = "Ο Δήμαρχος εγκαινίασε το πάρκο";
  it("decodes Windows-1253 and ISO-8859-7 from the header, the XML declaration or the HTML meta", () => {
    expect(decodeBody(iconv.encode(greek, "win1253"), "text/xml; charset=windows-1253")).toBe(greek);
    expect(decodeBody(iconv.encode(greek, "iso-8859-7"), "text/html; charset=ISO-8859-7")).toBe(greek);
    const xml = iconv.encode(`<?xml version="1.0" encoding="windows-1253"?><t>${greek}</t>`, "win1253");
    expect(decodeBody(xml, "application/xml")).toContain(greek);
    const html = iconv.encode(`<html><head><meta charset="iso-8859-7"></head><body>${greek}</body>`, "iso-8859-7");
    expect(decodeBody(html, "text/html")).toContain(greek);
    const equiv = iconv.encode(
      `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1253"></head>${greek}`,
      "win1253",
    );
    expect(decodeBody(equiv, "text/html")).toContain(greek);
  });
  it("reads UTF-8 by default and an unknown charset as UTF-8", () => {
    expect(decodeBody(Buffer.from(greek), "")).toBe(greek);
    expect(decodeBody(Buffer.from(greek), "text/plain; charset=x-nonsense")).toBe(greek);
  });
});

describe("fetching from a local server", () => {
  const server = new FeedServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  const fetcher = createSafeFetcher({ allowLoopback: true, maxBytes: 256 * 1024, timeoutMs: 1500 });

  it("refuses 127.0.0.1 unless the setting allows it (off by default)", async () => {
    const url = server.set("/plain", { body: "ok", headers: { "content-type": "text/plain" } });
    const strict = createSafeFetcher();
    expect(await strict.fetchText({ url })).toMatchObject({ ok: false, refusal: "blocked_address" });
    // localhost goes through the resolver, and is refused after resolution.
    const byName = url.replace("127.0.0.1", "localhost");
    expect(await strict.fetchText({ url: byName })).toMatchObject({ ok: false, refusal: "blocked_address" });
    expect(await fetcher.fetchText({ url })).toMatchObject({ ok: true, text: "ok" });
  });

  it("refuses a name that resolves to a private address, checked when the socket connects", async () => {
    const evil = createSafeFetcher({
      allowLoopback: true,
      lookup: async () => [{ address: "10.0.0.5", family: 4 }],
    });
    const port = new URL(server.base).port;
    const outcome = await evil.fetchText({ url: `http://news.example.gr:${port}/plain` });
    expect(outcome).toMatchObject({ ok: false, refusal: "blocked_address" });
    expect(server.requestsTo("/plain").every((r) => r.headers.host !== `news.example.gr:${port}`)).toBe(true);
  });

  it("follows up to 5 redirects, checking each; refuses a sixth and a redirect to a private address", async () => {
    for (let i = 1; i <= 6; i++) server.set(`/hop${i}`, { status: 302, headers: { location: `/hop${i + 1}` } });
    server.set("/hop7", { body: "arrived", headers: { "content-type": "text/plain" } });
    server.set("/five", { status: 301, headers: { location: "/hop3" } });
    const ok = await fetcher.fetchText({ url: server.url("/five") });
    expect(ok).toMatchObject({ ok: true, text: "arrived", url: server.url("/hop7") });
    expect(await fetcher.fetchText({ url: server.url("/hop1") })).toMatchObject({
      ok: false,
      refusal: "too_many_redirects",
    });
    server.set("/to-metadata", { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
    expect(await fetcher.fetchText({ url: server.url("/to-metadata") })).toMatchObject({
      ok: false,
      refusal: "blocked_address",
    });
    server.set("/to-file", { status: 302, headers: { location: "file:///etc/passwd" } });
    expect(await fetcher.fetchText({ url: server.url("/to-file") })).toMatchObject({ ok: false, refusal: "bad_url" });
  });

  it("cuts off an enormous body, streamed or compressed, past the limit", async () => {
    server.set("/huge", { streamBytes: 20 * 1024 * 1024, headers: { "content-type": "application/rss+xml" } });
    const started = Date.now();
    expect(await fetcher.fetchText({ url: server.url("/huge") })).toMatchObject({ ok: false, refusal: "too_large" });
    expect(Date.now() - started).toBeLessThan(1500);
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    server.set("/bomb", { body: bomb, headers: { "content-type": "text/xml", "content-encoding": "gzip" } });
    expect(await fetcher.fetchText({ url: server.url("/bomb") })).toMatchObject({ ok: false, refusal: "too_large" });
    const small = gzipSync(Buffer.from("<rss/>"));
    server.set("/gz", { body: small, headers: { "content-type": "text/xml", "content-encoding": "gzip" } });
    expect(await fetcher.fetchText({ url: server.url("/gz") })).toMatchObject({ ok: true, text: "<rss/>" });
  });

  it("gives up on a slow server at the time-out", async () => {
    const quick = createSafeFetcher({ allowLoopback: true, timeoutMs: 150 });
    server.set("/slow", { delayMs: 1000, body: "late" });
    expect(await quick.fetchText({ url: server.url("/slow") })).toMatchObject({ ok: false, refusal: "timeout" });
  });

  it("asks conditionally, says who it is, sends no cookie even when given one", async () => {
    server.set("/cond", {
      handle: (headers): Route =>
        headers["if-none-match"] === '"v1"'
          ? { status: 304, headers: {} }
          : {
              body: "<rss/>",
              headers: { etag: '"v1"', "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT", "set-cookie": "s=1" },
            },
    });
    const first = await fetcher.fetchText({ url: server.url("/cond") });
    expect(first).toMatchObject({ ok: true, notModified: false, etag: '"v1"' });
    const second = await fetcher.fetchText({ url: server.url("/cond"), etag: '"v1"', lastModified: "x" });
    expect(second).toMatchObject({ ok: true, notModified: true, text: "" });
    const [a, b] = server.requestsTo("/cond");
    expect(a?.headers["user-agent"]).toBe(USER_AGENT);
    expect(b?.headers["if-none-match"]).toBe('"v1"');
    expect(b?.headers.cookie).toBeUndefined();
  });

  it("says an HTTP error's status", async () => {
    server.set("/gone", { status: 410, body: "gone" });
    expect(await fetcher.fetchText({ url: server.url("/gone") })).toMatchObject({
      ok: false,
      refusal: "http_status",
      status: 410,
    });
  });
});
