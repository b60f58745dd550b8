// «Αργότερα»: the menu on a personal reminder, the choice recorded once (a Slack retry, a double
// click of another choice), and the reminder given back once when it is due.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { ManualClock } from "../../src/lib/clock.js";
import { snoozeUntil } from "../../src/scheduling/snooze.js";
import { validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const PRESS = "U0SNOOZE01";
const DM = "D0SNOOZE01";
const TZ = "Europe/Athens";

describe("when «later» is", () => {
  const calendar = { timeZone: TZ, nextWorkingDay: async (d: string) => (d === "2026-12-04" ? "2026-12-07" : "x") };
  it("is an hour from now, tomorrow at 09:00 office time, or the next working day at 09:00", async () => {
    const friday = new Date("2026-12-04T12:10:00Z"); // 14:10 in Athens
    expect((await snoozeUntil("hour", friday, calendar)).toISOString()).toBe("2026-12-04T13:10:00.000Z");
    expect((await snoozeUntil("morning", friday, calendar)).toISOString()).toBe("2026-12-05T07:00:00.000Z");
    expect((await snoozeUntil("workday", friday, calendar)).toISOString()).toBe("2026-12-07T07:00:00.000Z");
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
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
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
    const answer = await t.fake.waitFor("response_url", () => true, 5000, before);
    expect(answer.args.replace_original).toBe(true);
    expect(JSON.stringify(answer.args.blocks)).toContain("Θα σας το θυμίσω ξανά 1/12/2026 11:00");
    expect(JSON.stringify(answer.args.blocks)).not.toContain("reminder_snooze");
    await choose("hour", 1); // Slack's retry
    await choose("workday"); // a second click, another choice
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
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
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(await t.database.db.prisma.snoozedReminder.count()).toBe(1);
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
