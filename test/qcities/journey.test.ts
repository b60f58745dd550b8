// Q-Cities through the running app (signed requests in, the fake Slack Web API out): a member from
// the form, a good practice from the form with its errors under the fields and stored once on a
// retry, found in Greeklish with a menu on its card; the member's dues from the card's menu; a
// meeting's minutes approved by a manager only (staff refused at the click, a forged value refused);
// and the year's dues list as CSV and XLSX.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const CHANNEL = "C0INTL001";

const text = (x?: string) => ({ value: { type: "plain_text_input", value: x ?? null } });
const select = (x?: string) => ({ value: { type: "static_select", selected_option: x ? { value: x } : null } });
const date = (x?: string) => ({ value: { type: "datepicker", selected_date: x ?? null } });
const checked = (on: boolean) => ({
  value: { type: "checkboxes", selected_options: on ? [{ value: "yes" }] : [] },
});

describe("Q-Cities in Slack", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let t: TestBot;
  let partnerId: number;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    await t.grant(STAFF, "staff");
    await t.grant(MANAGER, "manager");
    const p = await t.database.db.prisma.partner.create({
      data: {
        kind: "twinned_city",
        nameEl: "Φαέντσα",
        nameLatin: "Faenza",
        country: "IT",
        languages: ["it"],
        createdBy: STAFF,
      },
    });
    partnerId = p.id;
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  const openForm = async (commandText: string, userId = STAFF) => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/qcities", text: commandText, userId, triggerId, channelId: CHANNEL });
    return (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
  };
  const ephemerals = (needle: string) =>
    t.fake.calls.filter((c) => c.method === "chat.postEphemeral" && String(c.args.text).includes(needle));

  it("answers help", async () => {
    await t.slack.command({ command: "/qcities", text: "help", userId: STAFF, channelId: CHANNEL });
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("/qcities practice"));
  });

  let memberId: number;
  it("makes the partner a member from the form", async () => {
    const view = await openForm("member");
    expect(JSON.stringify(view)).toContain("Faenza");
    await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: { partner: select(String(partnerId)), joinedOn: date("2019-03-01"), status: select("active") },
    });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":handshake:"));
    const members = await t.database.db.prisma.qCitiesMember.findMany();
    expect(members).toHaveLength(1);
    memberId = members[0]?.id as number;
  });

  it("records a practice: errors under their fields, once on a retry; found in Greeklish with its menu", async () => {
    const view = await openForm("practice");
    const values = (link: string) => ({
      member: select(String(memberId)),
      title: text("Ανακύκλωση στα σχολεία"),
      field: text("Περιβάλλον"),
      description: text("Κάδοι σε κάθε σχολείο <!channel>"),
      link: text(link),
    });
    const bad = await t.slack.viewSubmission({ view, userId: STAFF, values: values("q-cities") });
    expect(((bad.json() as Json).errors as Json).link).toContain("http");
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("https://q-cities.eu/x") });
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("https://q-cities.eu/x") });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":bulb:"));
    expect(await t.database.db.prisma.qCitiesPractice.count()).toBe(1);
    expect(ephemerals(":bulb:")).toHaveLength(1);

    await t.slack.command({ command: "/qcities", text: "anakyklosi sxoleia", userId: STAFF, channelId: CHANNEL });
    const found = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("1 καλή πρακτική"));
    const blocks = JSON.stringify(found.args.blocks);
    expect(blocks).toContain("qcities_practice_menu");
    expect(blocks).not.toContain("<!channel>");
  });

  it("records the member's dues from the practice's menu; a forged value changes nothing", async () => {
    await t.slack.overflowAction({
      userId: STAFF,
      actionId: "qcities_practice_menu",
      value: `dues:${memberId}`,
      channelId: CHANNEL,
    });
    const view = (
      await t.fake.waitFor("views.open", (c) => (c.args.view as Json)?.callback_id === "qcities_dues_modal")
    ).response.view as Json;
    const values = (amount: string) => ({
      year: text("2026"),
      amount: text(amount),
      dueOn: date("2026-03-31"),
      paidOn: date(),
    });
    const bad = await t.slack.viewSubmission({ view, userId: STAFF, values: values("-10") });
    expect(((bad.json() as Json).errors as Json).amount).toContain("αρνητικό");
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("2.500,00") });
    await t.slack.viewSubmission({ view, userId: STAFF, values: values("2.500,00") });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":euro:"));
    expect(ephemerals(":euro:")).toHaveLength(1);
    expect(String(ephemerals(":euro:")[0]?.args.text)).toContain("ληξιπρόθεσμη");
    const opened = t.fake.calls.filter((c) => c.method === "views.open").length;
    await t.slack.overflowAction({
      userId: STAFF,
      actionId: "qcities_practice_menu",
      value: `delete:${memberId}`,
      channelId: CHANNEL,
    });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("επίκαιρο"));
    expect(t.fake.calls.filter((c) => c.method === "views.open")).toHaveLength(opened);
  });

  it("records a meeting and its minutes; staff may not approve them, a manager does, once", async () => {
    const view = await openForm("meeting");
    await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: {
        body: select("board"),
        heldOn: date("2026-11-20"),
        place: text(),
        online: checked(true),
        agenda: text("Προϋπολογισμός 2027"),
      },
    });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":spiral_calendar_pad:"));
    const meeting = (await t.database.db.prisma.qCitiesMeeting.findMany())[0];
    const id = meeting?.id as number;

    const menu = (userId: string, value: string) =>
      t.slack.overflowAction({ userId, actionId: "qcities_meeting_menu", value, channelId: CHANNEL });
    await menu(STAFF, `minutes:${id}`);
    const minutes = (
      await t.fake.waitFor("views.open", (c) => (c.args.view as Json)?.callback_id === "qcities_minutes_modal")
    ).response.view as Json;
    await t.slack.viewSubmission({
      view: minutes,
      userId: STAFF,
      values: { minutesText: text("Εγκρίθηκε."), minutesLink: text("https://marousi.slack.com/files/U1/F2/p.pdf") },
    });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":memo:"));

    await menu(STAFF, `approve:${id}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("Μόνο οι προϊστάμενοι"));
    await menu(MANAGER, `approve:${id}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":white_check_mark:"));
    await menu(MANAGER, `approve:${id}`);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("ήδη εγκριθεί"));
    expect(ephemerals(":white_check_mark:")).toHaveLength(1);
    const stored = await t.database.db.prisma.qCitiesMeeting.findUnique({ where: { id } });
    expect(stored?.approvedBy).toBe(MANAGER);

    await t.slack.command({ command: "/qcities", text: "meetings", userId: STAFF, channelId: CHANNEL });
    const list = await t.fake.waitFor("response_url", (c) =>
      JSON.stringify(c.args.blocks ?? []).includes("qcities_meeting_menu"),
    );
    expect(JSON.stringify(list.args.blocks)).toContain("αρχείο Slack");
  });

  it("sends the year's dues as CSV and XLSX to the requester's DM", async () => {
    await t.slack.command({ command: "/qcities", text: "dues 2026", userId: STAFF, channelId: CHANNEL });
    await t.fake.waitFor("files.completeUploadExternal");
    const names = t.fake.calls
      .filter((c) => c.method === "files.getUploadURLExternal")
      .map((c) => String(c.args.filename));
    expect(names).toEqual(["grafeio-qcities-dues-2026.csv", "grafeio-qcities-dues-2026.xlsx"]);
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("προσωπικό μήνυμα"));
  });
});
