// The red team's sequence through the running bot: Redis unreachable at start, then there, then
// stopped, then back; an event registered at each step gets its card in the PR channel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { RedisServer, redisPort } from "../support/redis-server.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const PR = "C0PRESS01";
const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));

const form = (title: string, day: string) => ({
  title: { value: { type: "plain_text_input", value: title } },
  typeSlug: { value: { type: "static_select", selected_option: { value: "ceremony" } } },
  startDate: { value: { type: "datepicker", selected_date: day } },
  startTime: { value: { type: "timepicker", selected_time: "19:00" } },
  endDate: { value: { type: "datepicker", selected_date: null } },
  endTime: { value: { type: "timepicker", selected_time: "21:00" } },
  allDay: { value: { type: "checkboxes", selected_options: [] } },
  venue: { value: { type: "plain_text_input", value: null } },
  organiser: { value: { type: "plain_text_input", value: null } },
  responsible: { value: { type: "multi_users_select", selected_users: [] } },
  expectedAttendance: { value: { type: "plain_text_input", value: null } },
  languages: { value: { type: "multi_static_select", selected_options: [] } },
  relatedOrganisation: { value: { type: "plain_text_input", value: null } },
  notes: { value: { type: "plain_text_input", value: null } },
  pastRecord: { value: { type: "checkboxes", selected_options: [] } },
});

/** Waits for a condition; the time-out only catches a hang (a busy machine's Redis probes are slow). */
async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: still not so after 60 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the bot with REDIS_URL when Redis goes away", () => {
  let t: TestBot;
  let redis: RedisServer;
  beforeAll(async () => {
    redis = new RedisServer(await redisPort());
    t = await startTestBot({
      clock,
      env: { PR_CHANNEL_ID: PR, REDIS_URL: redis.url },
      sender: { redisRetryMs: 100, redisTimeoutMs: 1000 },
    });
    t.fake.rateLimit = { windowMs: 5, retryAfterSeconds: 1 };
    await t.grant(STAFF, "staff");
  });
  afterAll(async () => {
    await t?.stop();
    await redis?.stop();
  });

  async function registerEvent(title: string, day: string): Promise<void> {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/event", text: "", userId: STAFF, triggerId, channelId: PR });
    const opened = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId);
    await t.slack.viewSubmission({ view: opened.response.view as Json, userId: STAFF, values: form(title, day) });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  }
  const cards = () => (t.fake.messages.get(PR) ?? []).map((m) => String((m as Json).text));

  it("posts every event's card: Redis unreachable at start, up, stopped, and back", async () => {
    await registerEvent("Πρώτη εκδήλωση", "2026-12-01");
    expect(cards()).toHaveLength(1);
    expect(t.bot.sender.rateLimits()).toBe("local");
    const warned = () => t.logs.filter((l) => l.includes('"level":40') && l.includes("Redis")).length;
    expect(warned()).toBe(1);

    await redis.start();
    await until("limits shared", () => t.bot.sender.rateLimits() === "shared");
    await registerEvent("Δεύτερη εκδήλωση", "2026-12-02");
    expect(cards()).toHaveLength(2);

    await redis.stop();
    await registerEvent("Τρίτη εκδήλωση", "2026-12-03");
    expect(cards()).toHaveLength(3);
    expect(t.bot.sender.rateLimitStatus()).toMatchObject({ limits: "local", redis: "down" });
    // Readiness says so, and stays ready: delivery goes on with the local limits.
    const ready = (await (await fetch(`${t.baseUrl}/readyz`)).json()) as { ready: boolean; checks: Json };
    expect(ready.ready).toBe(true);
    expect(String(ready.checks.rateLimits)).toMatch(/^local \(slower\) while Redis is down/);

    await redis.start();
    await until("limits shared again", () => t.bot.sender.rateLimits() === "shared");
    await registerEvent("Τέταρτη εκδήλωση", "2026-12-04");
    expect(cards()).toHaveLength(4);
    const rows = await t.database.db.prisma.outboundMessage.findMany({
      where: { idempotencyKey: { startsWith: "event-card:" } },
    });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent"]);
    expect(warned()).toBe(2);
  });
});
