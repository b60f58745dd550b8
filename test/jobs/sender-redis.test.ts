// Redis only shares Slack's rate limits between bot processes: it must never be able to stop a post.
// A private redis-server is started, stopped, frozen and started again under the sender; every
// message posted before, during and after an outage arrives exactly once.
import { Writable } from "node:stream";
import { WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/app/logger.js";
import { systemClock } from "../../src/lib/clock.js";
import { createOutboundStore, type OutboundStore } from "../../src/slack/outbound-store.js";
import { Sender, type SenderOptions } from "../../src/slack/sender.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { BOT_TOKEN, FakeSlack, type Json } from "../support/fake-slack.js";
import { RedisServer, redisPort } from "../support/redis-server.js";

const WINDOW_MS = 50;
let fake: FakeSlack;
let apiUrl: string;
let t: TestDatabase;
let store: OutboundStore;
let redis: RedisServer;
let logs: { level: number; msg: string }[];
const senders: Sender[] = [];

function sender(options: Partial<SenderOptions> = {}): Sender {
  const logger = createLogger({
    level: "debug",
    destination: new Writable({
      write(chunk, _e, done) {
        const line = JSON.parse(String(chunk)) as { level: number; msg: string };
        logs.push({ level: line.level, msg: line.msg });
        done();
      },
    }),
  });
  const s = new Sender({
    client: new WebClient(BOT_TOKEN, {
      slackApiUrl: apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    }),
    store,
    clock: systemClock,
    logger,
    perChannelIntervalMs: WINDOW_MS,
    retryAfterUnitMs: WINDOW_MS,
    redisUrl: redis.url,
    // Reconnect and give up on a silent Redis quickly, so that an outage fits in a test (but not so
    // quickly that a busy machine looks like an outage).
    redisRetryMs: 100,
    redisTimeoutMs: 1000,
    ...options,
  });
  senders.push(s);
  return s;
}

/** Fails the test, instead of hanging it, when a post never completes. */
function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms);
    }),
  ]);
}

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: still not so after 10 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function postMany(s: Sender, prefix: string, n: number, channels: string[]) {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      s.post({ key: `${prefix}-${i}`, channel: channels[i % channels.length] as string, text: `${prefix} ${i}` }),
    ),
  );
}

/** How many times each text reached the fake Slack. */
function delivered(prefix: string): Map<string, number> {
  const seen = new Map<string, number>();
  for (const list of fake.messages.values()) {
    for (const m of list) {
      const text = String((m as Json).text);
      if (text.startsWith(`${prefix} `)) seen.set(text, (seen.get(text) ?? 0) + 1);
    }
  }
  return seen;
}

function expectEachOnce(prefix: string, n: number) {
  const seen = delivered(prefix);
  expect(seen.size).toBe(n);
  expect([...seen.values()].every((count) => count === 1)).toBe(true);
}

const warnings = (text: string) => logs.filter((l) => l.level === 40 && l.msg.includes(text));
const infos = (text: string) => logs.filter((l) => l.level === 30 && l.msg.includes(text));

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
beforeEach(async () => {
  logs = [];
  fake.rateLimit = { windowMs: WINDOW_MS, retryAfterSeconds: 1 };
  redis = new RedisServer(await redisPort());
});
afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
  redis.thaw();
  await redis.stop();
});

describe("the sender when Redis is away", () => {
  it("delivers with Redis unreachable at start, says so once at warn, and shares the limits once Redis comes", async () => {
    const s = sender();
    const sent = await within(10_000, "posts with Redis down", postMany(s, "start-down", 6, ["CSTART1", "CSTART2"]));
    expect(sent.every((m) => m.posted)).toBe(true);
    expectEachOnce("start-down", 6);
    expect(s.rateLimits()).toBe("local");
    expect(s.rateLimitStatus()).toMatchObject({ limits: "local", redis: "down" });
    expect(s.rateLimitStatus().reason).toMatch(/ECONNREFUSED|connect/i);
    expect(warnings("Redis")).toHaveLength(1);

    await redis.start();
    await until("limits shared again", () => s.rateLimits() === "shared");
    expect(infos("Redis")).toHaveLength(1);
    await within(10_000, "posts with Redis back", postMany(s, "start-up", 4, ["CSTART1", "CSTART2"]));
    expectEachOnce("start-up", 4);
    // Several reconnection attempts failed meanwhile; still one warning.
    expect(warnings("Redis")).toHaveLength(1);
    const rows = await t.db.prisma.outboundMessage.findMany({ where: { idempotencyKey: { startsWith: "start-" } } });
    expect(rows.map((r) => r.status)).toEqual(Array(10).fill("sent"));
  });

  it("keeps delivering when Redis stops while running, exactly once, and shares the limits again when it is back", async () => {
    await redis.start();
    const s = sender();
    await within(10_000, "posts with Redis up", postMany(s, "before", 4, ["CRUN1", "CRUN2"]));
    expect(s.rateLimits()).toBe("shared");

    // A queue in one channel is still being worked through when Redis goes away.
    const queued = postMany(s, "queued", 12, ["CRUN1"]);
    await until("a few of the queue sent", () => (delivered("queued").size ?? 0) >= 3);
    await redis.stop();
    const during = postMany(s, "during", 6, ["CRUN1", "CRUN2", "CRUN3"]);
    await within(10_000, "the queue", queued);
    await within(10_000, "posts during the outage", during);
    expect(s.rateLimits()).toBe("local");
    expect(s.rateLimitStatus()).toMatchObject({ limits: "local", redis: "down" });
    // Some seconds away.
    await new Promise((r) => setTimeout(r, 1500));
    expect(s.rateLimits()).toBe("local");

    await redis.start();
    await until("limits shared again", () => s.rateLimits() === "shared");
    await within(10_000, "posts after the outage", postMany(s, "after", 6, ["CRUN1", "CRUN2", "CRUN4"]));

    expectEachOnce("before", 4);
    expectEachOnce("queued", 12);
    expectEachOnce("during", 6);
    expectEachOnce("after", 6);
    expect(warnings("Redis")).toHaveLength(1);
    expect(infos("Redis")).toHaveLength(1);
    const rows = await t.db.prisma.outboundMessage.findMany({ where: { idempotencyKey: { startsWith: "queued-" } } });
    expect(rows.map((r) => r.status)).toEqual(Array(12).fill("sent"));
  });

  it("keeps delivering when Redis freezes (connections open, nothing answered)", async () => {
    await redis.start();
    const s = sender();
    await within(10_000, "posts with Redis up", postMany(s, "warm", 2, ["CFRZ1"]));
    expect(s.rateLimits()).toBe("shared");
    redis.freeze();
    await within(10_000, "posts with Redis frozen", postMany(s, "frozen", 5, ["CFRZ1", "CFRZ2"]));
    expectEachOnce("frozen", 5);
    expect(s.rateLimits()).toBe("local");
    redis.thaw();
    await until("limits shared again", () => s.rateLimits() === "shared");
    await within(10_000, "posts after the thaw", postMany(s, "thawed", 3, ["CFRZ1", "CFRZ2"]));
    expectEachOnce("thawed", 3);
    expect(warnings("Redis")).toHaveLength(1);
  });
});
