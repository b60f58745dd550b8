// «Αργότερα»: the menu on a personal reminder, the choice recorded once (a Slack retry, a double
// click of another choice), and the reminder given back once when it is due.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { isWorkingDay, nextWorkingDay } from "../../src/calendar/working-days.js";
import { ManualClock } from "../../src/lib/clock.js";
import { snoozeUntil } from "../../src/scheduling/snooze.js";
import { validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const PRESS = "U0SNOOZE01";
const DM = "D0SNOOZE01";
const TZ = "Europe/Athens";

describe("when «later» is, on the person's clock and the office's working days", () => {
  const facts = { overrides: [], localHolidays: [] };
  const on = (zone: string) => ({
    timeZone: zone,
    nextWorkingDay: async (d: string) => nextWorkingDay(d, facts),
    isWorkingDay: async (d: string) => isWorkingDay(d, facts),
  });
  const later = async (choice: "hour" | "morning" | "workday", now: string, zone = TZ) =>
    (await snoozeUntil(choice, new Date(now), on(zone))).toISOString();

  it("is an hour from now, tomorrow at 09:00, and the next working morning at 09:00", async () => {
    const friday = "2026-12-04T12:10:00Z"; // 14:10 in Athens
    expect(await later("hour", friday)).toBe("2026-12-04T13:10:00.000Z");
    // Friday's "tomorrow morning" is Saturday's, as the person said; the next working day is Monday.
    expect(await later("morning", friday)).toBe("2026-12-05T07:00:00.000Z");
    expect(await later("workday", friday)).toBe("2026-12-07T07:00:00.000Z");
    // From Monday to Thursday the two are the same morning.
    expect(await later("morning", "2026-12-01T10:00:00Z")).toBe("2026-12-02T07:00:00.000Z");
    expect(await later("workday", "2026-12-01T10:00:00Z")).toBe("2026-12-02T07:00:00.000Z");
    // The day before 28 October (a Wednesday in 2026, a holiday): tomorrow is the 28th, the working day the 29th.
    expect(await later("morning", "2026-10-27T10:00:00Z")).toBe("2026-10-28T07:00:00.000Z");
    expect(await later("workday", "2026-10-27T10:00:00Z")).toBe("2026-10-29T07:00:00.000Z");
  });

  it("never brings it back at night there: an hour into the night waits for their working morning", async () => {
    // 20:30 Tuesday in Athens: 21:30 is night, so Wednesday 09:00.
    expect(await later("hour", "2026-12-01T18:30:00Z")).toBe("2026-12-02T07:00:00.000Z");
    // 06:30 Monday: 07:30 is still night, so 09:00 that Monday (a working day).
    expect(await later("hour", "2026-12-07T04:30:00Z")).toBe("2026-12-07T07:00:00.000Z");
    // 07:10 Monday: 08:10 is their day.
    expect(await later("hour", "2026-12-07T05:10:00Z")).toBe("2026-12-07T06:10:00.000Z");
    // 23:30 Saturday: Monday 09:00, not Sunday's morning.
    expect(await later("hour", "2026-12-05T21:30:00Z")).toBe("2026-12-07T07:00:00.000Z");
  });

  it("is their own morning and their own weekend, not the office's", async () => {
    // Friday 18:00 in Los Angeles is already Saturday 04:00 in Athens: Monday 09:00 in LA (17:00 UTC).
    expect(await later("workday", "2026-12-05T02:00:00Z", "America/Los_Angeles")).toBe("2026-12-07T17:00:00.000Z");
    // …and "tomorrow morning" is their Saturday 09:00 (17:00 UTC), not Athens' Sunday.
    expect(await later("morning", "2026-12-05T02:00:00Z", "America/Los_Angeles")).toBe("2026-12-05T17:00:00.000Z");
    // Friday 17:00 in Brussels: Monday 09:00 Brussels (10:00 Athens).
    expect(await later("workday", "2026-12-04T16:00:00Z", "Europe/Brussels")).toBe("2026-12-07T08:00:00.000Z");
    // Friday 22:00 in Shanghai, "in an hour": night there, so Monday 09:00 Shanghai (03:00 Athens).
    expect(await later("hour", "2026-12-04T14:00:00Z", "Asia/Shanghai")).toBe("2026-12-07T01:00:00.000Z");
  });

  it("keeps 09:00 across Athens' change to summer time on 29 March 2026", async () => {
    // Friday 27 March 14:00 (UTC+2) → Monday 30 March 09:00 (UTC+3).
    expect(await later("workday", "2026-03-27T12:00:00Z")).toBe("2026-03-30T06:00:00.000Z");
    // Saturday 28 March 14:00 (UTC+2), "tomorrow morning": Sunday 29 March 09:00, already UTC+3.
    expect(await later("morning", "2026-03-28T12:00:00Z")).toBe("2026-03-29T06:00:00.000Z");
    // "In an hour" at 02:30 on Sunday 29 March lands at 04:30 summer time (03:00-04:00 never was): Monday.
    expect(await later("hour", "2026-03-29T00:30:00Z")).toBe("2026-03-30T06:00:00.000Z");
    // The day before 25 March (a Wednesday, a holiday): Thursday 26 March 09:00 (UTC+2).
    expect(await later("workday", "2026-03-24T10:00:00Z")).toBe("2026-03-26T07:00:00.000Z");
    // New York is on summer time since 8 March: Friday 17:00 there → Monday 09:00 there (13:00 UTC).
    expect(await later("workday", "2026-03-27T21:00:00Z", "America/New_York")).toBe("2026-03-30T13:00:00.000Z");
  });

  it("keeps 09:00 across Athens' change back to winter time on 25 October 2026", async () => {
    // Friday 23 October 15:00 (UTC+3) → Monday 26 October 09:00 (UTC+2).
    expect(await later("workday", "2026-10-23T12:00:00Z")).toBe("2026-10-26T07:00:00.000Z");
    // Saturday 24 October 15:00 (UTC+3), "tomorrow morning": Sunday 25 October 09:00, already UTC+2.
    expect(await later("morning", "2026-10-24T12:00:00Z")).toBe("2026-10-25T07:00:00.000Z");
    // 03:30 on Sunday 25 October is lived twice in Athens; "in an hour" is night either way: Monday.
    expect(await later("hour", "2026-10-25T00:30:00Z")).toBe("2026-10-26T07:00:00.000Z");
    expect(await later("hour", "2026-10-25T01:30:00Z")).toBe("2026-10-26T07:00:00.000Z");
    // New York changes a week later (1 November): Monday 26 October 09:00 there is still UTC−4.
    expect(await later("workday", "2026-10-23T20:00:00Z", "America/New_York")).toBe("2026-10-26T13:00:00.000Z");
  });
});

describe("putting a reminder off, in Slack", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ clock: new ManualClock(new Date("2026-12-01T08:00:00Z")) });
    await t.grant(PRESS, "staff");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });

  const reminder = {
    ts: "1764576000.000100",
    text: "Υπενθύμιση: απάντηση για το πάρκο",
    blocks: [
      { type: "section", block_id: "s", text: { type: "mrkdwn", text: "Υπενθύμιση: απάντηση για το πάρκο" } },
      { type: "actions", block_id: "reminder_snooze", elements: [] },
    ],
  };
  const choose = (value: string, retryNum?: number) =>
    t.slack.blockAction(
      { userId: PRESS, actionId: "reminder_snooze", value, channelId: DM, message: reminder },
      retryNum === undefined ? {} : { retryNum, retryReason: "http_timeout" },
    );

  it("records the choice once, across a retry and a second click, and says it in place of the menu", async () => {
    const before = t.fake.calls.length;
    await choose("hour");
    const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
    expect(answer.args.replace_original).toBe(true);
    expect(JSON.stringify(answer.args.blocks)).toContain("Θα σας το θυμίσω ξανά 1/12/2026 11:00");
    expect(JSON.stringify(answer.args.blocks)).not.toContain("reminder_snooze");
    await choose("hour", 1); // Slack's retry
    await choose("workday"); // a second click, another choice
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const rows = await t.database.db.prisma.snoozedReminder.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: PRESS, channel: DM, choice: "hour", deliveredAt: null });
    expect(rows[0]?.dueAt.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    // The menu is gone from what is kept: it is added again when the reminder comes back.
    expect(JSON.stringify(rows[0]?.blocks)).not.toContain("reminder_snooze");
    const last = t.fake.callsTo("response_url").at(-1);
    expect(JSON.stringify(last?.args.blocks)).toContain("ήδη αναβάλει");
  });

  it("refuses a value that is no choice of the menu, and records nothing", async () => {
    await choose("next-year");
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(await t.database.db.prisma.snoozedReminder.count()).toBe(1);
  });
});

describe("a person's time zone from Slack's profile changes, in Slack", () => {
  let t: TestBot;
  const TRAVELLER = "U0SNOOZE02";
  beforeAll(async () => {
    t = await startTestBot({ clock: new ManualClock(new Date("2026-12-01T08:00:00Z")) }); // Tuesday 10:00 Athens
    await t.grant(TRAVELLER, "staff");
  });
  afterAll(() => t?.stop());

  it("keeps the new zone of someone it knows without asking users.info, and puts a reminder off on their clock", async () => {
    const zoneAsks = () => t.fake.callsTo("users.info").filter((c) => !c.args.include_locale).length;
    await t.slack.event({ type: "user_change", user: { id: TRAVELLER, tz: "Europe/Brussels" } });
    await t.slack.event({ type: "user_change", user: { id: "U0SNOOZE99", tz: "Europe/Brussels" } }); // a stranger
    await t.slack.event({ type: "user_change", user: { id: "not a user", tz: 3 } }); // does not decode
    const stored = async () =>
      (await t.database.db.prisma.user.findUnique({ where: { slackUserId: TRAVELLER } }))?.slackTz ?? null;
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(await stored()).toBe("Europe/Brussels");
    expect(await t.database.db.prisma.user.count({ where: { slackUserId: "U0SNOOZE99" } })).toBe(0);

    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: TRAVELLER,
      actionId: "reminder_snooze",
      value: "workday",
      channelId: "D0SNOOZE02",
      message: { ts: "1764576000.000200", text: "Υπενθύμιση", blocks: [] },
    });
    const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
    // Wednesday 09:00 in Brussels (10:00 in Athens), said on their clock.
    expect(JSON.stringify(answer.args.blocks)).toContain("2/12/2026 09:00 (Europe/Brussels)");
    const row = await t.database.db.prisma.snoozedReminder.findFirstOrThrow({ where: { userId: TRAVELLER } });
    expect(row.dueAt.toISOString()).toBe("2026-12-02T08:00:00.000Z");
    expect(zoneAsks()).toBe(0);
  });
});

describe("a reminder put off comes back once", () => {
  let h: JobHarness;
  afterAll(() => h?.dispose());

  const dms = () => h.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === DM);

  it("goes out with the menu, is put off until tomorrow morning, and is given back then, once", async () => {
    h = await createJobHarness({ now: new Date("2026-11-23T06:00:00Z") }); // Monday 08:00
    await h.services.roles.grantRole({ slackUserId: PRESS, role: "staff", grantedBy: "test" });
    const r = validateClipping(
      { ...validClip, url: "", medium: "print", title: "Απάντηση για το πάρκο" },
      { today: "2026-11-23", knownTopicIds: new Set() },
    );
    if (!r.ok) throw new Error("seed");
    const c = await h.services.clippings.createClipping({ draft: r.draft, createdBy: PRESS, submissionKey: "sn-1" });
    if (c.status !== "created") throw new Error("seed");
    await h.services.clippingReplies.requestReply({
      id: c.clipping.id,
      assignee: PRESS,
      dueOn: "2026-11-23",
      by: PRESS,
    });

    const p = h.process("A", h.jobs("clipping-reply-reminders", "reminder-snoozes"));
    await p.scheduler.tick(); // the jobs exist from 08:00 on
    h.clock.set(new Date("2026-11-23T07:00:30Z")); // 09:00: the reminder
    await p.scheduler.tick();
    expect(dms()).toHaveLength(1);
    const blocks = dms()[0]?.args.blocks as Json[];
    expect(JSON.stringify(blocks)).toContain('"action_id":"reminder_snooze"');
    expect(JSON.stringify(blocks)).toContain("Αύριο το πρωί");

    // The person chooses "tomorrow morning" on the message Slack shows them.
    const posted = h.fake.messages.get("D0SNOOZE01")?.[0] as Json;
    const snoozed = await h.services.reminders.snooze({
      userId: PRESS,
      channel: "D0SNOOZE01",
      message: posted as { ts: string; text?: string; blocks?: { type: string }[] },
      choice: "morning",
    });
    expect(snoozed).toMatchObject({ recorded: true });
    expect(snoozed.until.toISOString()).toBe("2026-11-24T07:00:00.000Z");

    // Every five minutes until then: nothing.
    h.clock.set(new Date("2026-11-23T16:00:30Z"));
    await p.scheduler.tick();
    expect(dms().filter((d) => String(d.args.text).includes("αναβάλατε"))).toHaveLength(0);

    // Tomorrow at 09:00 it is back, once, with the menu again, even with a second process.
    h.clock.set(new Date("2026-11-24T07:00:30Z"));
    await p.scheduler.tick();
    await h.process("B", h.jobs("reminder-snoozes")).scheduler.tick();
    h.clock.set(new Date("2026-11-24T07:10:30Z"));
    await p.scheduler.tick();
    const back = dms().filter((d) => String(d.args.text).includes("αναβάλατε"));
    expect(back).toHaveLength(1);
    expect(String(back[0]?.args.text)).toContain("Απάντηση για το πάρκο");
    expect(JSON.stringify(back[0]?.args.blocks)).toContain('"action_id":"reminder_snooze"');
    const row = await h.database.db.prisma.snoozedReminder.findFirstOrThrow();
    expect(row.deliveredAt).not.toBeNull();
  });
});
