// Networks and meetings through the running app (signed requests in, the fake Slack Web API out):
// the network's form with a malformed ΑΔΑ under its field, stored once on a retry; the meeting's
// form; the decision refused to staff at the click, a forged menu value refused, a manager's
// decision recorded once; and, through the real scheduler, the report's prompt two working days
// after the meeting across Christmas and the follow-up's reminders, once each across two processes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const CHANNEL = "C0INTL001";

const text = (x?: string) => ({ value: { type: "plain_text_input", value: x ?? null } });
const select = (x?: string) => ({ value: { type: "static_select", selected_option: x ? { value: x } : null } });
const date = (x?: string) => ({ value: { type: "datepicker", selected_date: x ?? null } });

describe("networks in Slack", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    for (const u of [STAFF, MANAGER]) await t.grant(u, "staff");
    await t.grant(MANAGER, "manager");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  const openForm = async (commandText: string, userId = STAFF) => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/network", text: commandText, userId, triggerId, channelId: CHANNEL });
    return (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
  };

  let networkId: number;
  it("records a network from the form: a bad ΑΔΑ under its field, one network on a retry, then its card", async () => {
    await t.slack.command({ command: "/network", text: "help", userId: STAFF, channelId: CHANNEL });
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("/network meeting new"));
    const view = await openForm("new");
    const values = (ada: string) => ({
      name: text("Eurocities <!channel>"),
      nameLatin: text(),
      website: text("https://eurocities.eu"),
      memberSince: date("2010-05-01"),
      decisionNumber: text("112/2010"),
      decisionDate: date("2010-03-02"),
      ada: text(ada),
      notes: text(),
    });
    const bad = await t.slack.viewSubmission({ view, userId: STAFF, values: values("ΑΒΓ-123") });
    expect(((bad.json() as Json).errors as Json).ada).toContain("ΑΔΑ");
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4") });
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4") });
    const card = await t.fake.waitFor("chat.postEphemeral", (c) =>
      JSON.stringify(c.args.blocks ?? []).includes("network_menu"),
    );
    expect(JSON.stringify(card.args.blocks)).toContain("diavgeia.gov.gr");
    expect(JSON.stringify(card.args)).not.toContain("<!channel>");
    const stored = await t.database.db.prisma.network.findMany();
    expect(stored).toHaveLength(1);
    networkId = stored[0]?.id as number;
  });

  it("records a meeting; staff are refused the decision at the click, a forged value changes nothing, a manager decides once", async () => {
    const view = await openForm("meeting new");
    const values = (place?: string) => ({
      host: select(`network:${networkId}`),
      title: text("Culture Forum"),
      startsOn: date("2026-12-07"),
      endsOn: date(),
      place: text(place),
      online: { value: { type: "checkboxes", selected_options: [] } },
      agenda: text(),
      registrationDeadline: date("2026-12-03"),
    });
    const bad = await t.slack.viewSubmission({ view, userId: STAFF, values: values() });
    expect(((bad.json() as Json).errors as Json).place).toContain("διαδικτυακά");
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("Λιόν") });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":calendar:"));
    const meetings = await t.database.db.prisma.networkMeeting.findMany();
    expect(meetings).toHaveLength(1);
    const id = meetings[0]?.id as number;

    const menu = (userId: string, value: string) =>
      t.slack.overflowAction({ userId, actionId: "network_meeting_menu", value, channelId: CHANNEL });
    const opened = t.fake.calls.filter((c) => c.method === "views.open").length;
    await menu(STAFF, `decide:${id}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("managers"));
    expect(t.fake.calls.filter((c) => c.method === "views.open")).toHaveLength(opened);
    await menu(MANAGER, `approve:${id}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("επίκαιρο"));

    await menu(MANAGER, `decide:${id}`);
    const form = (
      await t.fake.waitFor("views.open", (c) => (c.args.view as Json)?.callback_id === "network_decision_modal")
    ).response.view as Json;
    const decision = {
      decision: { value: { type: "radio_buttons", selected_option: { value: "attend" } } },
      attendees: { value: { type: "multi_users_select", selected_users: [] } },
      reason: text(),
    };
    const none = await t.slack.viewSubmission({ view: form, userId: MANAGER, values: decision });
    expect(((none.json() as Json).errors as Json).attendees).toBeTruthy();
    const chosen = { ...decision, attendees: { value: { type: "multi_users_select", selected_users: [STAFF] } } };
    await t.slack.viewSubmission({ view: form, userId: MANAGER, values: chosen });
    await t.slack.viewSubmission({ view: form, userId: MANAGER, values: chosen });
    const notice = await t.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === STAFF && String(c.args.text).includes(":airplane:"),
    );
    // The day as the office writes it, not as the database stores it.
    expect(String(notice.args.text)).toContain("(7/12/2026)");
    const m = await t.database.db.prisma.networkMeeting.findUniqueOrThrow({ where: { id } });
    expect(m).toMatchObject({ decision: "attend", attendees: [STAFF], decidedBy: MANAGER });
    expect(
      t.fake.calls.filter((c) => c.method === "chat.postMessage" && String(c.args.text).includes(":airplane:")),
    ).toHaveLength(1);
  });
});

describe("meetings' report prompts and follow-up reminders", () => {
  it("asks the delegate for the report two working days after the meeting, across Christmas, once; reminds the follow-up before and on the day", async () => {
    // Wednesday 23 December 2026, 09:00 in Athens.
    const h = await createJobHarness({ now: new Date("2026-12-23T07:00:00Z") });
    try {
      await h.services.roles.ensureRoleHolders([STAFF], "staff");
      await h.services.roles.ensureRoleHolders([MANAGER], "manager");
      const jobs = () => h.jobs("meeting-report-prompts", "meeting-follow-up-reminders");
      const p = h.process("A", jobs());
      const s = h.services.networks;
      const network = await s.createNetwork({ actor: STAFF, input: { name: "CEMR" }, submissionKey: "n" });
      if (network.status !== "created") throw new Error(network.status);
      const meeting = await s.createMeeting({
        actor: STAFF,
        input: {
          title: "Policy Committee",
          startsOn: "2026-12-23",
          place: "Βρυξέλλες",
          host: { kind: "network", id: network.network.id },
        },
        submissionKey: "m",
      });
      if (meeting.status !== "created") throw new Error(meeting.status);
      const id = meeting.meeting.meeting.id;
      await s.decide({ actor: MANAGER, id, input: { decision: "attend", attendees: [STAFF] } });
      const dms = () => (h.fake.messages.get(`D${STAFF.slice(1)}`) ?? []).map((m) => String(m.text));
      const at = async (iso: string) => {
        h.clock.set(new Date(iso));
        await p.scheduler.tick();
        await h.process("B", jobs()).scheduler.tick();
      };
      // Thursday 24 is one working day after; 25 is Christmas, 26–27 a weekend; Monday 28 is the second.
      await at("2026-12-24T08:00:00Z");
      expect(dms()).toHaveLength(0);
      await at("2026-12-28T08:00:00Z");
      expect(dms()).toHaveLength(1);
      expect(dms()[0]).toContain("Policy Committee");
      await at("2026-12-29T08:00:00Z");
      expect(dms()).toHaveLength(1);

      const reported = await s.report({
        actor: STAFF,
        id,
        input: {
          outcomes: "Θέσεις για την πολιτική συνοχής",
          followUps: [{ description: "Σημείωμα στον Δήμαρχο", owner: STAFF, dueOn: "2027-01-06" }],
        },
        submissionKey: "r",
      });
      expect(reported).toMatchObject({ status: "reported" });
      // Due on Epiphany (Wednesday 6 January, a holiday): before on Monday 4, "on the day" Tuesday 5.
      await at("2027-01-01T08:00:00Z");
      await at("2027-01-04T08:00:00Z");
      expect(dms()).toHaveLength(2);
      expect(dms()[1]).toContain("6/1/2027");
      await at("2027-01-05T08:00:00Z");
      expect(dms()).toHaveLength(3);
      expect(dms()[2]).toContain("Σήμερα");
      await at("2027-01-07T08:00:00Z");
      expect(dms()).toHaveLength(3);
    } finally {
      await h.dispose();
    }
  });
});
