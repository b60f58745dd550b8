// npm run bench:fanout — the sender against Slack's per-channel limit (a benchmark, not a test).
// 600 messages over 20 channels through the sender, with the fake Slack API enforcing about one
// message per second per channel (429 with Retry-After beyond it); then, in the same run, a naive
// Promise.all of chat.postMessage. Prints a table, then one JSON line.
import { performance } from "node:perf_hooks";
import { WebClient } from "@slack/web-api";
import { createLogger } from "../src/app/logger.js";
import { openDatabase } from "../src/db/database.js";
import { systemClock } from "../src/lib/clock.js";
import { createOutboundStore } from "../src/slack/outbound-store.js";
import { Sender } from "../src/slack/sender.js";
import { BOT_TOKEN, FakeSlack, type Json } from "../test/support/fake-slack.js";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 600);
const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 20);
const WINDOW_MS = 1000;

const fake = new FakeSlack();
const apiUrl = await fake.start();
fake.rateLimit = { windowMs: WINDOW_MS, retryAfterSeconds: 1 };
const db = await openDatabase({ dataDir: "memory://" });
await db.migrate();
const logger = createLogger({ level: "silent" });

function tally(prefix: string) {
  const seen = new Map<string, number>();
  for (const list of fake.messages.values()) {
    for (const m of list) {
      const text = String((m as Json).text);
      if (text.startsWith(prefix)) seen.set(text, (seen.get(text) ?? 0) + 1);
    }
  }
  const delivered = seen.size;
  const duplicates = [...seen.values()].reduce((sum, n) => sum + n - 1, 0);
  return { lost: MESSAGES - delivered, duplicates };
}
/**
 * Where the sender's time goes: how long before each channel's first message reached the fake,
 * and the gaps between a channel's messages as they reached it (its limit is one per window).
 */
function pace(startedAt: number) {
  const origin = Date.now() - (performance.now() - startedAt);
  const arrivals = new Map<string, number[]>();
  for (const c of fake.callsTo("chat.postMessage")) {
    if (!c.response.ok) continue;
    const channel = String(c.args.channel);
    arrivals.set(channel, [...(arrivals.get(channel) ?? []), c.at]);
  }
  const first: number[] = [];
  const gaps: number[] = [];
  for (const ats of arrivals.values()) {
    first.push((ats[0] ?? origin) - origin);
    for (let i = 1; i < ats.length; i++) gaps.push((ats[i] ?? 0) - (ats[i - 1] ?? 0));
  }
  gaps.sort((a, b) => a - b);
  const at = (q: number) => gaps[Math.floor(q * (gaps.length - 1))] ?? 0;
  return {
    first_post_ms: { min: Math.round(Math.min(...first)), max: Math.round(Math.max(...first)) },
    gap_ms: {
      min: at(0),
      p50: at(0.5),
      p99: at(0.99),
      mean: Number((gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length)).toFixed(1)),
    },
  };
}

const jobs = Array.from({ length: MESSAGES }, (_, i) => ({
  i,
  channel: `CFAN${String(i % CHANNELS).padStart(2, "0")}`,
}));
// At one message per second per channel, the busiest channel's last message cannot go before this.
const perChannel = Math.ceil(MESSAGES / CHANNELS);
const theoreticalMs = (perChannel - 1) * WINDOW_MS;

// 1. The sender.
const sender = new Sender({
  client: new WebClient(BOT_TOKEN, { slackApiUrl: apiUrl, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } }),
  store: createOutboundStore({ prisma: db.prisma }),
  clock: systemClock,
  logger,
});
let t0 = performance.now();
const results = await Promise.allSettled(
  jobs.map(({ i, channel }) => sender.post({ key: `fanout-${i}`, channel, text: `sender ${i}` })),
);
const senderMs = performance.now() - t0;
const senderFailed = results.filter((r) => r.status === "rejected").length;
const senderTally = tally("sender ");
const senderPace = pace(t0);
const sender429 = fake.rateLimited;
await sender.stop();

// 2. Naive: everything at once, a 429 is an error (as a bot without a queue would see it).
for (const k of [...fake.messages.keys()]) fake.messages.delete(k);
fake.rateLimited = 0;
await new Promise((r) => setTimeout(r, WINDOW_MS)); // let every channel's window pass
const naiveClient = new WebClient(BOT_TOKEN, {
  slackApiUrl: apiUrl,
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 0 },
});
t0 = performance.now();
const naive = await Promise.allSettled(
  jobs.map(({ i, channel }) => naiveClient.chat.postMessage({ channel, text: `naive ${i}` })),
);
const naiveMs = performance.now() - t0;
const naiveTally = tally("naive ");
const naive429 = fake.rateLimited;

await db.close();
await fake.stop();

const row = (name: string, s: { lost: number; duplicates: number }, r429: number, ms: number, failed: number) =>
  `| ${name} | ${MESSAGES - s.lost} | ${s.lost} | ${s.duplicates} | ${r429} | ${failed} | ${(ms / 1000).toFixed(2)} s | ${(ms / theoreticalMs).toFixed(3)}× |`;
console.log(
  `${MESSAGES} messages over ${CHANNELS} channels; fake Slack allows 1 message per ${WINDOW_MS} ms per channel (429 beyond)`,
);
console.log(
  `theoretical minimum: ${perChannel} messages in the busiest channel → ${(theoreticalMs / 1000).toFixed(1)} s`,
);
console.log("| way | delivered | lost | duplicates | 429s received | errors | total time | vs minimum |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
console.log(row("Grafeio sender", senderTally, sender429, senderMs, senderFailed));
console.log(
  row("naive Promise.all", naiveTally, naive429, naiveMs, naive.filter((r) => r.status === "rejected").length),
);
console.log(
  `sender's pace: first message of a channel after ${senderPace.first_post_ms.min}–${senderPace.first_post_ms.max} ms; ` +
    `gaps in a channel min ${senderPace.gap_ms.min} ms, p50 ${senderPace.gap_ms.p50} ms, p99 ${senderPace.gap_ms.p99} ms, mean ${senderPace.gap_ms.mean} ms`,
);
console.log(
  JSON.stringify({
    benchmark: "fanout",
    messages: MESSAGES,
    channels: CHANNELS,
    theoretical_min_s: theoreticalMs / 1000,
    sender: {
      lost: senderTally.lost,
      duplicates: senderTally.duplicates,
      rate_limited: sender429,
      failed: senderFailed,
      total_s: Number((senderMs / 1000).toFixed(2)),
      ratio: Number((senderMs / theoreticalMs).toFixed(3)),
      pace: senderPace,
    },
    naive: {
      lost: naiveTally.lost,
      duplicates: naiveTally.duplicates,
      rate_limited: naive429,
      total_s: Number((naiveMs / 1000).toFixed(2)),
    },
    goal: { lost: 0, duplicates: 0, ratio: 1.1 },
  }),
);
