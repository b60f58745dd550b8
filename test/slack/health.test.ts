// The readiness list and the kit's small helpers around it, as plain functions.
import { describe, expect, it } from "vitest";
import { loggableUrl, reasonOf } from "../../src/slack/connection.js";
import { Readiness } from "../../src/slack/health.js";
import { matchPath } from "../../src/slack/receiver.js";

describe("Readiness", () => {
  it("is ready when every check is, and names each", async () => {
    const r = new Readiness();
    r.add("database", async () => true);
    r.add("slack", async () => true);
    expect(await r.report()).toEqual({ ready: true, checks: { database: "ok", slack: "ok" } });
  });

  it("gives a check's reason, a failure's message, and a hung check's time-out, without waiting for it", async () => {
    const r = new Readiness(50);
    r.add("database", async () => true);
    r.add("slack", async () => "waiting for the Socket Mode connection");
    r.add("broken", async () => {
      throw new Error("boom");
    });
    r.add("hung", () => new Promise(() => {}));
    expect(await r.report()).toEqual({
      ready: false,
      checks: {
        database: "ok",
        slack: "waiting for the Socket Mode connection",
        broken: "failed: boom",
        hung: "no answer within 50 ms",
      },
    });
  });

  it("reports a note beside the checks without it deciding readiness", async () => {
    const r = new Readiness();
    r.add("database", async () => true);
    let limits = "shared through Redis";
    r.note("rateLimits", () => limits);
    expect(await r.report()).toEqual({ ready: true, checks: { database: "ok", rateLimits: limits } });
    limits = "local (slower) while Redis is down";
    expect(await r.report()).toEqual({ ready: true, checks: { database: "ok", rateLimits: limits } });
    expect(() => r.note("database", () => "x")).toThrow(/already/);
  });

  it("refuses a second check under a name already taken", () => {
    const r = new Readiness();
    r.add("database", async () => true);
    expect(() => r.add("database", async () => true)).toThrow(/already/);
  });
});

describe("what the start logs say", () => {
  it("drops a URL's query, where a Socket Mode URL carries its ticket", () => {
    expect(loggableUrl("wss://wss-primary.slack.com/link/?ticket=abc-123&app_id=A1")).toBe(
      "wss://wss-primary.slack.com/link/",
    );
    expect(loggableUrl("not a url")).toBe("(unreadable URL)");
  });

  it("finds the reason under undici's bare 'fetch failed'", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
    expect(reasonOf(new TypeError("fetch failed", { cause: refused }))).toBe("connect ECONNREFUSED 127.0.0.1:9");
    const dns = Object.assign(new Error("getaddrinfo failed"), { code: "ENOTFOUND" });
    expect(reasonOf(new TypeError("fetch failed", { cause: dns }))).toBe("ENOTFOUND: getaddrinfo failed");
    expect(reasonOf(new AggregateError([refused], ""))).toBe("connect ECONNREFUSED 127.0.0.1:9");
  });
});

describe("the Socket Mode health server's routes", () => {
  it("match fixed paths and one-segment parameters", () => {
    expect(matchPath("/readyz", "/readyz")).toEqual({});
    expect(matchPath("/readyz", "/readyz/x")).toBeUndefined();
    expect(matchPath("/calendar/:file", "/calendar/abc.ics")).toEqual({ file: "abc.ics" });
    expect(matchPath("/calendar/:file", "/calendar/")).toBeUndefined();
    expect(matchPath("/calendar/:file", "/calendar/%E0%A4%A")).toBeUndefined();
  });
});
