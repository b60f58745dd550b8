import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign } from "../support/slack-driver.js";
import { SIGNING_SECRET, startTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await t.grant("U0STAFF01", "staff");
});
afterAll(() => t?.stop());

const body =
  "command=%2Fclip&text=&user_id=U0STAFF01&channel_id=C0001&team_id=T0001&trigger_id=1.2.3&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fr";

describe("request signing", () => {
  it("accepts a correctly signed request", async () => {
    const res = await t.slack.command({ command: "/grafeio", text: "help", userId: "U0STAFF01" });
    expect(res.status).toBe(200);
    await t.fake.waitFor("response_url");
    expect(await t.bot.inFlight.drain(2000)).toBe(true);
  });

  it("matches Slack's published signing example", () => {
    const example =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, example)).toBe(
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
    );
  });

  it.each([
    ["a wrong signature", { signature: sign("another-secret", Math.floor(Date.now() / 1000), body) }],
    ["no signature", { signature: null }],
    ["a timestamp older than 5 minutes", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])("rejects %s with 401 and does nothing", async (_name, options) => {
    const before = t.fake.calls.length;
    const res = await t.slack.send(body, "application/x-www-form-urlencoded", options);
    expect(res.status).toBe(401);
    expect(await t.bot.inFlight.drain(2000)).toBe(true);
    expect(t.fake.calls.slice(before).filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("rejects a body altered after signing", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const signature = sign(SIGNING_SECRET, ts, body);
    const res = await t.slack.send(body.replace("U0STAFF01", "U0ADMIN99"), "application/x-www-form-urlencoded", {
      timestamp: ts,
      signature,
    });
    expect(res.status).toBe(401);
  });
});

describe("/healthz and /readyz", () => {
  it("are 200 while the database answers: alive, and ready with each check's answer", async () => {
    const live = await fetch(`${t.baseUrl}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "alive" });
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    // HTTP mode has no connection to keep open: Slack reaches the bot.
    expect(await ready.json()).toEqual({ ready: true, checks: { database: "ok" } });
  });

  it("when the database does not answer: still alive, not ready, and why", async () => {
    const other = await startTestBot();
    try {
      await other.database.db.close();
      const live = await fetch(`${other.baseUrl}/healthz`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${other.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, checks: { database: "the database does not answer" } });
    } finally {
      await other.stop();
    }
  });

  // Last in the file: the check stays on this file's bot.
  it("take a check another part of the bot adds, by name", async () => {
    t.bot.readiness.add("rateLimits", async () => "Redis at redis://127.0.0.1:6390 does not answer");
    const ready = await fetch(`${t.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      checks: { database: "ok", rateLimits: "Redis at redis://127.0.0.1:6390 does not answer" },
    });
  });
});
