import { Writable } from "node:stream";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/app/logger.js";
import { systemClock } from "../../src/lib/clock.js";
import { createOutboundStore, type OutboundStore } from "../../src/slack/outbound-store.js";
import { NotOursError, SendError, Sender } from "../../src/slack/sender.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { BOT_TOKEN, FakeSlack } from "../support/fake-slack.js";
import { RedisServer, redisPort } from "../support/redis-server.js";

// Slack's timings, scaled down 20×: the fake allows a message per 50 ms in a channel and asks for
// Retry-After "1", which the sender reads as 50 ms. The logic is the same as at full scale.
const WINDOW_MS = 50;
let fake: FakeSlack;
let apiUrl: string;
let t: TestDatabase;
let store: OutboundStore;
const logger = createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, d) => d() }) });

function client() {
  return new WebClient(BOT_TOKEN, { slackApiUrl: apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
}
function sender(options: Partial<ConstructorParameters<typeof Sender>[0]> = {}) {
  return new Sender({
    client: client(),
    store,
    clock: systemClock,
    logger,
    perChannelIntervalMs: WINDOW_MS,
    retryAfterUnitMs: WINDOW_MS,
    sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
    ...options,
  });
}
const posts = (channel?: string) =>
  fake.callsTo("chat.postMessage").filter((c) => c.response.ok && (!channel || c.args.channel === channel));

beforeAll(async () => {
  fake = new FakeSlack();
  apiUrl = await fake.start();
  t = await createTestDatabase();
  store = createOutboundStore({ prisma: t.db.prisma });
});
afterAll(async () => {
  await t?.dispose();
  await fake?.stop();
});
beforeEach(() => {
  fake.calls.length = 0;
  fake.rateLimited = 0;
  fake.rateLimit = { windowMs: WINDOW_MS, retryAfterSeconds: 1 };
});

describe("the sender", () => {
  it("sends nothing for a run that no longer holds its occurrence, and leaves the message to the run that does", async () => {
    const s = sender();
    let ours = false;
    const message = { key: "not-ours:1", channel: "CNOTOURS", text: "a notice", stillOurs: () => ours };
    await expect(s.post(message)).rejects.toBeInstanceOf(NotOursError);
    expect(posts("CNOTOURS")).toEqual([]);
    // Pending, not failed: whoever holds the occurrence now looks in the channel, then sends it.
    expect(await store.find("not-ours:1")).toMatchObject({ status: "pending", attempts: 1 });
    ours = true;
    expect(await s.post(message)).toMatchObject({ posted: true });
    expect(posts("CNOTOURS")).toHaveLength(1);
    await s.stop();
  });

  it("delivers a burst over several channels with no 429 and no loss, each channel about one message per window", async () => {
    const s = sender();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        s.post({ key: `burst-${i}`, channel: `CBURST${i % 3}`, text: `message ${i}` }),
      ),
    );
    expect(fake.rateLimited).toBe(0);
    for (const ch of ["CBURST0", "CBURST1", "CBURST2"]) expect(posts(ch)).toHaveLength(10);
    // 10 messages a channel need at least 9 windows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(9 * WINDOW_MS * 0.9);
    await s.stop();
  });

  it("rides out a 429 storm: pauses the channel for Retry-After, loses nothing, doubles nothing", async () => {
    const s = sender({ perChannelIntervalMs: 0 }); // misconfigured on purpose: it will hit the limit
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => s.post({ key: `storm-${i}`, channel: "CSTORM", text: `storm ${i}` })),
    );
    expect(fake.rateLimited).toBeGreaterThan(0);
    expect(s.rateLimited).toBe(fake.rateLimited);
    const texts = posts("CSTORM").map((c) => c.args.text);
    expect(new Set(texts).size).toBe(20);
    expect(texts).toHaveLength(20);
    await s.stop();
  });

  it("posts a key once, however often it is asked", async () => {
    const s = sender();
    const first = await s.post({ key: "once", channel: "CONCE", text: "hello" });
    const again = await s.post({ key: "once", channel: "CONCE", text: "hello" });
    expect(first.posted).toBe(true);
    expect(again).toEqual({ channel: "CONCE", ts: first.ts, posted: false });
    expect(posts("CONCE")).toHaveLength(1);
    await s.stop();
  });

  it("after a crash between sending and recording, finds the message in the channel instead of posting it again", async () => {
    const crashing: OutboundStore = {
      ...store,
      markSent: async () => {
        throw new Error("process killed");
      },
    };
    const before = sender({ store: crashing });
    await expect(before.post({ key: "crash-after-send", channel: "CCRASH", text: "once only" })).rejects.toThrow();
    expect(posts("CCRASH")).toHaveLength(1);
    const row = await store.find("crash-after-send");
    expect(row?.status).not.toBe("sent");
    expect(row?.attempts).toBe(1);

    const after = sender(); // the restarted process
    const result = await after.post({ key: "crash-after-send", channel: "CCRASH", text: "once only" });
    expect(result.posted).toBe(false);
    expect(posts("CCRASH")).toHaveLength(1);
    expect((await store.find("crash-after-send"))?.status).toBe("sent");
    await Promise.all([before.stop(), after.stop()]);
  });

  it("after a crash between recording the intent and sending, sends once", async () => {
    const row = await store.begin("crash-before-send", "CCRASH2", undefined);
    await store.recordAttempt(row.id, "CCRASH2");
    const s = sender();
    const result = await s.post({ key: "crash-before-send", channel: "CCRASH2", text: "late but once" });
    expect(result.posted).toBe(true);
    expect(posts("CCRASH2")).toHaveLength(1);
    await s.stop();
  });

  it("finds a DM sent before a crash too (through the IM channel)", async () => {
    const crashing: OutboundStore = { ...store, markSent: async () => Promise.reject(new Error("killed")) };
    await expect(
      sender({ store: crashing }).post({ key: "dm-crash", channel: "U0MANAGER", text: "digest" }),
    ).rejects.toThrow();
    const result = await sender().post({ key: "dm-crash", channel: "U0MANAGER", text: "digest" });
    expect(result).toMatchObject({ channel: "D0MANAGER", posted: false });
    expect(posts()).toHaveLength(1);
  });

  it("gives up at once on an error another try cannot fix, and records it", async () => {
    fake.override("chat.postMessage", () => ({ ok: false, error: "channel_not_found" }));
    try {
      await expect(sender().post({ key: "nowhere", channel: "CGONE", text: "x" })).rejects.toThrow(SendError);
      expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
      expect((await store.find("nowhere"))?.status).toBe("failed");
    } finally {
      fake.override("chat.postMessage", undefined);
    }
  });

  it("does not post twice when Slack posted but its answer was lost (a 500, a dropped connection)", async () => {
    for (const kind of ["http500", "drop"] as const) {
      const times = kind === "http500" ? 10 : 5;
      fake.lostAnswers = { method: "chat.postMessage", kind, times };
      const s = sender();
      const channel = `CLOST${kind.toUpperCase()}`;
      const sent = await Promise.all(
        Array.from({ length: times }, (_, i) => s.post({ key: `lost-${kind}-${i}`, channel, text: `message ${i}` })),
      );
      expect(fake.lostAnswers.times).toBe(0); // every one of them lost its answer
      expect(sent.every((r) => r.ts)).toBe(true);
      const texts = (fake.messages.get(channel) ?? []).map((m) => String(m.text)).sort();
      expect(texts).toEqual(Array.from({ length: times }, (_, i) => `message ${i}`).sort());
      for (let i = 0; i < times; i++) expect((await store.find(`lost-${kind}-${i}`))?.status).toBe("sent");
      fake.lostAnswers = undefined;
      await s.stop();
    }
  });

  it("after a crash, finds its message behind more than a page of newer ones", async () => {
    const crashing: OutboundStore = { ...store, markSent: async () => Promise.reject(new Error("killed")) };
    await expect(
      sender({ store: crashing }).post({ key: "buried", channel: "CBURIED", text: "the one" }),
    ).rejects.toThrow();
    // The channel goes on meanwhile: more than a page (200) of people's messages after it.
    fake.addMessagesByOthers(
      "CBURIED",
      Array.from({ length: 250 }, (_, i) => `newer ${i}`),
    );
    const result = await sender().post({ key: "buried", channel: "CBURIED", text: "the one" });
    expect(result.posted).toBe(false);
    expect((fake.messages.get("CBURIED") ?? []).filter((m) => m.text === "the one")).toHaveLength(1);
    expect(fake.callsTo("conversations.history").length).toBeGreaterThan(1); // it paged
  });

  it("retries a passing failure a bounded number of times", async () => {
    let failures = 2;
    fake.override("chat.postMessage", (args) =>
      failures-- > 0 ? { ok: false, error: "internal_error" } : { ok: true, channel: args.channel, ts: "1.000001" },
    );
    try {
      const result = await sender().post({ key: "flaky", channel: "CFLAKY", text: "x" });
      expect(result.posted).toBe(true);
      expect(fake.callsTo("chat.postMessage")).toHaveLength(3);
    } finally {
      fake.override("chat.postMessage", undefined);
    }
  });
});

// A private redis-server (test/support/redis-server.ts), or the one TEST_REDIS_URL names.
let redisServer: RedisServer | undefined;
let REDIS_URL = process.env.TEST_REDIS_URL ?? "";
if (!REDIS_URL) {
  redisServer = new RedisServer(await redisPort());
  REDIS_URL = redisServer.url;
}
afterAll(() => redisServer?.stop());

describe("two bot processes sharing Redis", () => {
  beforeAll(() => redisServer?.start());
  it("stay under one channel's limit together", async () => {
    const a = sender({ redisUrl: REDIS_URL, perChannelIntervalMs: 80 });
    const b = sender({ redisUrl: REDIS_URL, perChannelIntervalMs: 80 });
    fake.rateLimit = { windowMs: 80, retryAfterSeconds: 1 };
    const channel = `CREDIS${Date.now()}`;
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? a : b).post({ key: `redis-${channel}-${i}`, channel, text: `m${i}` }),
      ),
    );
    expect(posts(channel)).toHaveLength(16);
    expect(fake.rateLimited).toBe(0);
    expect([a.rateLimits(), b.rateLimits()]).toEqual(["shared", "shared"]);
    await Promise.all([a.stop(), b.stop()]);
  });
});
