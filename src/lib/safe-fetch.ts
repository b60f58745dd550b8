// Fetching what comes from outside (news feeds, a pasted article's page): every URL is someone
// else's. The address a host name resolves to is checked at connection time (the resolver is
// node's `lookup` hook of the very socket that connects, so a name that resolves to a public
// address when checked and to 127.0.0.1 when connected cannot slip through), and again after
// every redirect, which is followed by hand (5 at most). Bodies are streamed and cut off past a
// size, the whole fetch (redirects included) has one time-out, no cookie is sent or kept, nothing
// is run (text comes back as text), and the User-Agent says who is asking.

import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { BlockList, isIP } from "node:net";
import zlib from "node:zlib";
import iconv from "iconv-lite";

export const USER_AGENT = "Grafeio/0.1 (+municipality press office)";

export interface SafeFetchOptions {
  /** Let 127.0.0.0/8 and ::1 through (tests' local servers; never in production). Off by default. */
  allowLoopback?: boolean;
  /** Largest body accepted, after decompression. */
  maxBytes?: number;
  /** The whole fetch, redirects included. */
  timeoutMs?: number;
  maxRedirects?: number;
  /** The resolver (tests give one that answers a private address for a public-looking name). */
  lookup?: (hostname: string) => Promise<LookupAddress[]>;
}

export interface FetchRequest {
  url: string;
  /** What the caller expects (`application/rss+xml, …`). */
  accept?: string;
  /** Conditional request: the validators of the last answer. */
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchRefusal =
  | "bad_url"
  | "blocked_address"
  | "too_large"
  | "timeout"
  | "too_many_redirects"
  | "http_status"
  | "network";

export type FetchOutcome =
  | {
      ok: true;
      /** 304: the validators still hold; `text` is empty. */
      notModified: boolean;
      status: number;
      /** Where the body came from, after redirects. */
      url: string;
      contentType: string;
      text: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: false; refusal: FetchRefusal; status?: number; detail: string };

export const DEFAULT_FETCH_LIMITS = { maxBytes: 5 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 } as const;

// Addresses nothing from outside should make us connect to. Two lists: node's BlockList checks an
// IPv4 address against IPv6 rules too (as IPv4-mapped), so one list would refuse every address.
const BLOCKED_V4 = new BlockList();
const BLOCKED_V6 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  BLOCKED_V4.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local (ULA)
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const)
  BLOCKED_V6.addSubnet(net, prefix, "ipv6");

const LOOPBACK_V4 = new BlockList();
LOOPBACK_V4.addSubnet("127.0.0.0", 8, "ipv4");

/** An IPv4 address written inside an IPv6 one (::ffff:10.0.0.1, ::ffff:a00:1), as IPv4. */
function embeddedIpv4(address: string): string | undefined {
  const m = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return undefined;
  if (m[1]) return m[1];
  const hi = Number.parseInt(m[2] ?? "0", 16);
  const lo = Number.parseInt(m[3] ?? "0", 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Whether an address may be connected to: public, or loopback when tests allow it. */
export function isAllowedAddress(address: string, allowLoopback = false): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (allowLoopback && (family === 4 ? LOOPBACK_V4.check(address, "ipv4") : address === "::1")) return true;
  if (family === 4) return !BLOCKED_V4.check(address, "ipv4");
  // IPv4-mapped (::ffff:10.0.0.1) is judged as the IPv4 address it carries.
  const v4 = embeddedIpv4(address);
  if (v4) return isAllowedAddress(v4, allowLoopback);
  return !BLOCKED_V6.check(address, "ipv6");
}

class Refused extends Error {
  constructor(
    readonly refusal: FetchRefusal,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const defaultLookup = (hostname: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createSafeFetcher(options: SafeFetchOptions = {}) {
  const allowLoopback = options.allowLoopback ?? false;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects;
  const resolve = options.lookup ?? defaultLookup;

  /** node's lookup hook: every address the name has must be allowed, and the socket gets the first. */
  function checkedLookup(
    hostname: string,
    opts: { all?: boolean },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ): void {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((a) => !isAllowedAddress(a.address, allowLoopback));
        if (addresses.length === 0 || refused) {
          callback(new Refused("blocked_address", `${hostname} resolves to a private or reserved address`), "");
          return;
        }
        const first = addresses[0] as LookupAddress;
        if (opts.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: Error) => callback(error, ""),
    );
  }

  function checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Refused("bad_url", "not a URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Refused("bad_url", "not http(s)");
    if (url.username || url.password) throw new Refused("bad_url", "credentials in the URL");
    const host = url.hostname.replace(/^\[|\]$/g, "");
    // An address written as such never goes through the resolver: check it here.
    if (isIP(host) && !isAllowedAddress(host, allowLoopback))
      throw new Refused("blocked_address", "a private or reserved address");
    return url;
  }

  function once(url: URL, request: FetchRequest, signal: AbortSignal): Promise<IncomingMessage> {
    const headers: Record<string, string> = {
      "user-agent": USER_AGENT,
      accept: request.accept ?? "*/*",
      "accept-encoding": "gzip, deflate, br",
      "accept-language": "el, en;q=0.5",
    };
    if (request.etag) headers["if-none-match"] = request.etag;
    if (request.lastModified) headers["if-modified-since"] = request.lastModified;
    const get = url.protocol === "https:" ? https.get : http.get;
    return new Promise((resolveResponse, reject) => {
      const req = get(url, { headers, lookup: checkedLookup as never, signal, agent: false }, resolveResponse);
      req.on("error", reject);
    });
  }

  async function readBody(response: IncomingMessage): Promise<Buffer> {
    const declared = Number(response.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes && !response.headers["content-encoding"]) {
      response.destroy();
      throw new Refused("too_large", `over ${maxBytes} bytes`);
    }
    const encoding = String(response.headers["content-encoding"] ?? "").toLowerCase();
    const stream =
      encoding === "gzip" || encoding === "x-gzip"
        ? response.pipe(zlib.createGunzip())
        : encoding === "deflate"
          ? response.pipe(zlib.createInflate())
          : encoding === "br"
            ? response.pipe(zlib.createBrotliDecompress())
            : response;
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        // Counted after decompression: a small gzip of a huge body is cut off too.
        if (size > maxBytes) throw new Refused("too_large", `over ${maxBytes} bytes`);
        chunks.push(chunk);
      }
    } finally {
      if (size > maxBytes) {
        response.destroy();
        if (stream !== response) (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
      }
    }
    return Buffer.concat(chunks);
  }

  async function fetchText(request: FetchRequest): Promise<FetchOutcome> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      let url = checkUrl(request.url);
      for (let hop = 0; ; hop++) {
        const response = await once(url, request, controller.signal);
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status) && response.headers.location) {
          response.resume();
          if (hop >= maxRedirects) throw new Refused("too_many_redirects", `more than ${maxRedirects} redirects`);
          url = checkUrl(new URL(response.headers.location, url).toString());
          continue;
        }
        const etag = headerOf(response, "etag");
        const lastModified = headerOf(response, "last-modified");
        const contentType = headerOf(response, "content-type") ?? "";
        if (status === 304) {
          response.resume();
          return {
            ok: true,
            notModified: true,
            status,
            url: url.toString(),
            contentType,
            text: "",
            etag,
            lastModified,
          };
        }
        if (status < 200 || status >= 300) {
          response.resume();
          throw new Refused("http_status", `HTTP ${status}`, status);
        }
        const body = await readBody(response);
        const text = decodeBody(body, contentType);
        return { ok: true, notModified: false, status, url: url.toString(), contentType, text, etag, lastModified };
      }
    } catch (error) {
      if (error instanceof Refused)
        return { ok: false, refusal: error.refusal, status: error.status, detail: error.message };
      if (controller.signal.aborted)
        return { ok: false, refusal: "timeout", detail: `no answer within ${timeoutMs} ms` };
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof Refused) return { ok: false, refusal: cause.refusal, detail: cause.message };
      return { ok: false, refusal: "network", detail: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  return { fetchText };
}

export type SafeFetcher = ReturnType<typeof createSafeFetcher>;

function headerOf(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

/**
 * The body as text, in the charset the answer declares: the Content-Type's `charset`, else the XML
 * declaration's `encoding` or the HTML `<meta charset>`, else UTF-8 (a BOM wins over all).
 * Greek sites still serve ISO-8859-7 and Windows-1253.
 */
export function decodeBody(body: Buffer, contentType: string): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString("utf8");
  const declared = charsetOf(contentType) ?? charsetInDocument(body);
  const charset = declared && iconv.encodingExists(declared) ? declared : "utf-8";
  return iconv.decode(body, charset);
}

function charsetOf(contentType: string): string | undefined {
  return /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
}

function charsetInDocument(body: Buffer): string | undefined {
  // The declarations are ASCII in every charset concerned.
  const head = body.subarray(0, 2048).toString("latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (xml) return xml.toLowerCase();
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head)?.[1];
  return meta?.toLowerCase();
}
