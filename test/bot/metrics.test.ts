// GET /metrics through the running bot: Prometheus' text format, read back by a strict parser of
// that format (test/support/prometheus.ts), and the counters moving when a signed command comes in, a listener fails, the
// sender posts (and meets 429s), and a job runs through the scheduler as the bot runs it.
import { afterEach, describe, expect, it } from "vitest";
import { observeDatabaseErrors } from "../../src/db/errors.js";
import { systemClock } from "../../src/lib/clock.js";
import { createJobRuntime } from "../../src/scheduling/runtime.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { scrapeMetrics } from "../support/prometheus.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";

const scrape = (t: TestBot) => scrapeMetrics(t.baseUrl);

describe("GET /metrics", () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it("is Prometheus text with every metric the README lists, and Node's default metrics", async () => {
    t = await startTestBot();
    const m = await scrape(t);
    expect(Object.fromEntries([...m.types].filter(([n]) => n.startsWith("grafeio_")))).toEqual({
      grafeio_slack_requests_total: "counter",
      grafeio_slack_ack_seconds: "histogram",
      grafeio_listener_errors_total: "counter",
      grafeio_job_runs_total: "counter",
      grafeio_job_run_seconds: "histogram",
      grafeio_sender_messages_total: "counter",
      grafeio_sender_rate_limited_total: "counter",
      grafeio_database_errors_total: "counter",
      grafeio_sender_queue_depth: "gauge",
      grafeio_slack_connection_state: "gauge",
      grafeio_rate_limits_shared: "gauge",
      grafeio_redis_state: "gauge",
    });
    expect(m.types.get("process_cpu_user_seconds_total")).toBe("counter");
    expect(m.types.get("nodejs_eventloop_lag_seconds")).toBe("gauge");
    // HTTP mode: open once the bot token was accepted; no Redis: the limits are this process's.
    expect(m.value("grafeio_slack_connection_state", { state: "open" })).toBe(1);
    expect(m.value("grafeio_slack_connection_state", { state: "connecting" })).toBe(0);
    expect(m.value("grafeio_rate_limits_shared")).toBe(0);
    expect(m.value("grafeio_redis_state", { state: "off" })).toBe(1);
    expect(m.value("grafeio_redis_state", { state: "up" })).toBe(0);
    expect(m.value("grafeio_sender_queue_depth")).toBe(0);
  });

  it("counts a signed command and its acknowledgement, and a listener that failed", async () => {
    t = await startTestBot();
    await t.grant(STAFF, "staff");
    const before = await scrape(t);
    expect(before.value("grafeio_slack_requests_total", { kind: "command" })).toBe(0);

    const res = await t.slack.command({ command: "/grafeio", text: "help", userId: STAFF });
    expect(res.status).toBe(200);
    // The help comes after the acknowledgement.
    await t.fake.waitFor("response_url");
    const after = await scrape(t);
    expect(after.value("grafeio_slack_requests_total", { kind: "command" })).toBe(1);
    expect(after.value("grafeio_slack_ack_seconds_count", { kind: "command" })).toBe(1);
    expect(after.value("grafeio_slack_ack_seconds_bucket", { kind: "command", le: "+Inf" })).toBe(1);
    expect(after.value("grafeio_listener_errors_total")).toBe(0);

    // The clipping form cannot open: the listener fails and the user is told so.
    t.fake.override("views.open", () => ({ ok: false, error: "internal_error" }));
    const calls = t.fake.calls.length;
    await t.slack.command({ command: "/clip", userId: STAFF });
    await t.fake.waitFor("response_url", () => true, 30_000, calls);
    const failed = await scrape(t);
    expect(failed.value("grafeio_slack_requests_total", { kind: "command" })).toBe(2);
    expect(failed.value("grafeio_listener_errors_total", { kind: "command" })).toBe(1);
  });

  it("counts the sender's messages, 429s and failures, and a job's run through the scheduler", async () => {
    t = await startTestBot({ sender: { maxAttempts: 1 } });
    // Every second message of a channel within a minute is answered 429: the second one gives up.
    t.fake.rateLimit = { windowMs: 60_000, retryAfterSeconds: 1 };
    await t.bot.sender.post({ key: "metrics-1", channel: "C0METRICS", text: "one" });
    await expect(t.bot.sender.post({ key: "metrics-2", channel: "C0METRICS", text: "two" })).rejects.toThrow(
      /rate limited/,
    );
    await t.bot.sender.post({ key: "metrics-1", channel: "C0METRICS", text: "one" });
    let m = await scrape(t);
    expect(m.value("grafeio_sender_messages_total", { outcome: "sent" })).toBe(1);
    expect(m.value("grafeio_sender_messages_total", { outcome: "already_sent" })).toBe(1);
    expect(m.value("grafeio_sender_messages_total", { outcome: "failed" })).toBe(1);
    expect(m.value("grafeio_sender_rate_limited_total")).toBe(t.fake.rateLimited);
    expect(m.value("grafeio_sender_rate_limited_total")).toBeGreaterThan(20);
    expect(m.value("grafeio_sender_queue_depth")).toBe(0);

    // The scheduler as main.ts builds it beside the bot.
    const runtime = createJobRuntime({
      config: t.config,
      jobs: t.bot.jobs,
      services: t.bot.services,
      clock: systemClock,
      logger: (await import("../../src/app/logger.js")).createLogger({ level: "silent" }),
      sender: t.bot.sender,
      scheduler: { onAttempt: t.bot.metrics.jobAttempt },
    });
    try {
      const at = new Date("2026-11-23T06:45:00Z");
      expect(await runtime.scheduler.runByHand("calendar-notes", at)).toBe("succeeded");
      expect(await runtime.scheduler.runByHand("calendar-notes", at)).toBe("already_ran");
    } finally {
      await runtime.stop(1000);
    }
    m = await scrape(t);
    expect(m.value("grafeio_job_runs_total", { job: "calendar-notes", outcome: "succeeded", trigger: "manual" })).toBe(
      1,
    );
    expect(m.value("grafeio_job_run_seconds_count", { job: "calendar-notes" })).toBe(1);
  });
});

describe("database errors", () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("are told with their code and thrown on unchanged", async () => {
    database = await createTestDatabase();
    const codes: string[] = [];
    const prisma = observeDatabaseErrors(database.db.prisma, (code) => codes.push(code));
    await prisma.user.create({ data: { slackUserId: "U0TWICE01" } });
    await expect(prisma.user.create({ data: { slackUserId: "U0TWICE01" } })).rejects.toThrow();
    await expect(prisma.user.findUniqueOrThrow({ where: { slackUserId: "U0NOBODY1" } })).rejects.toThrow();
    await expect(
      prisma.$transaction(async (tx) => tx.user.create({ data: { slackUserId: "U0TWICE01" } })),
    ).rejects.toThrow();
    expect(codes).toEqual(["P2002", "P2025", "P2002"]);
    expect(await prisma.user.count()).toBe(1);
  });
});
