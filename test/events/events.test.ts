import nodeIcal from "node-ical";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildSection } from "../../src/areas/digest/digest-section.js";
import { type EventInput, validateEvent } from "../../src/areas/events/event-validation.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const RESPONSIBLE = "U0RESP001";
const PR = "C0PRESS01";
const now = new Date("2026-11-23T08:00:00Z"); // Monday 23 Nov 2026, 10:00 in Athens
const types = new Set(["ceremony", "parade", "national_day"]);

function check(input: EventInput) {
  return validateEvent(input, { now, timeZone: "Europe/Athens", knownTypes: types });
}
const codes = (input: EventInput) => {
  const r = check(input);
  return r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v?.code]));
};

describe("event validation", () => {
  const base: EventInput = {
    title: "Παρέλαση",
    typeSlug: "parade",
    startDate: "2027-03-25",
    startTime: "10:00",
    endTime: "12:00",
  };

  it("applies every rule, field by field", () => {
    expect(codes({})).toEqual({
      title: "required",
      typeSlug: "required",
      startDate: "required",
      startTime: "required",
      endTime: "required",
    });
    expect(codes({ ...base, typeSlug: "rave" })).toEqual({ typeSlug: "unknownType" });
    expect(codes({ ...base, startDate: "2027-02-30" })).toEqual({ startDate: "dateInvalid" });
    expect(codes({ ...base, startTime: "25:00" })).toEqual({ startTime: "timeInvalid" });
    expect(codes({ ...base, endTime: "09:00" })).toEqual({ endTime: "endBeforeStart" });
    expect(codes({ ...base, endDate: "2027-03-24" })).toEqual({ endTime: "endBeforeStart" });
    expect(codes({ ...base, startDate: "2026-11-01" })).toEqual({ startDate: "inThePast" });
    expect(codes({ ...base, startDate: "2026-11-01", pastRecord: true })).toEqual({});
    expect(codes({ ...base, expectedAttendance: "πολλοί" })).toEqual({ expectedAttendance: "attendanceInvalid" });
    expect(codes({ ...base, languages: ["xx"] })).toEqual({ languages: "unknownLanguage" });
    expect(codes({ ...base, title: "x".repeat(201) })).toEqual({ title: "tooLong" });
  });

  it("reads times on Athens' wall clock, in winter and in summer", () => {
    const summer = check({ ...base, startDate: "2027-03-28", startTime: "10:00", endTime: "11:00" }); // the day clocks go forward
    const winter = check({ ...base });
    if (!summer.ok || !winter.ok) throw new Error("invalid");
    expect(winter.draft.startsAt.toISOString()).toBe("2027-03-25T08:00:00.000Z");
    expect(summer.draft.startsAt.toISOString()).toBe("2027-03-28T07:00:00.000Z");
    const allDay = check({ title: "Γιορτή", typeSlug: "ceremony", startDate: "2026-12-06", allDay: true });
    if (!allDay.ok) throw new Error("invalid");
    expect(allDay.draft.startsAt.toISOString()).toBe("2026-12-05T22:00:00.000Z");
  });
});

describe("/event in Slack", () => {
  const clock = new ManualClock(now);
  let t: TestBot;
  let id: number;
  beforeAll(async () => {
    t = await startTestBot({ clock, env: { PR_CHANNEL_ID: PR } });
    t.fake.rateLimit = { windowMs: 5, retryAfterSeconds: 1 };
    await t.grant(STAFF, "staff");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  const form = (v: Record<string, string | string[] | boolean | undefined>) => ({
    title: { value: { type: "plain_text_input", value: v.title ?? null } },
    typeSlug: { value: { type: "static_select", selected_option: v.typeSlug ? { value: v.typeSlug } : null } },
    startDate: { value: { type: "datepicker", selected_date: v.startDate ?? null } },
    startTime: { value: { type: "timepicker", selected_time: v.startTime ?? null } },
    endDate: { value: { type: "datepicker", selected_date: v.endDate ?? null } },
    endTime: { value: { type: "timepicker", selected_time: v.endTime ?? null } },
    allDay: { value: { type: "checkboxes", selected_options: v.allDay ? [{ value: "yes" }] : [] } },
    venue: { value: { type: "plain_text_input", value: v.venue ?? null } },
    organiser: { value: { type: "plain_text_input", value: null } },
    responsible: { value: { type: "multi_users_select", selected_users: v.responsible ?? [] } },
    expectedAttendance: { value: { type: "plain_text_input", value: null } },
    languages: { value: { type: "multi_static_select", selected_options: [] } },
    relatedOrganisation: { value: { type: "plain_text_input", value: null } },
    notes: { value: { type: "plain_text_input", value: null } },
    pastRecord: { value: { type: "checkboxes", selected_options: [] } },
  });

  async function openForm(): Promise<Json> {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/event", text: "", userId: STAFF, triggerId, channelId: PR });
    return (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
  }

  it("registers an event once and posts its card; the same venue at the same time asks first", async () => {
    const view = await openForm();
    const values = form({
      title: "Δεξίωση για την αντιπροσωπεία της Λεμεσού",
      typeSlug: "ceremony",
      startDate: "2026-12-10",
      startTime: "19:00",
      endTime: "21:00",
      venue: "Αίθουσα Δημοτικού Συμβουλίου",
      responsible: [RESPONSIBLE],
    });
    await t.slack.viewSubmission({ view, userId: STAFF, values });
    await t.slack.viewSubmission({ view, userId: STAFF, values });
    const saved = await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":date:"));
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(t.fake.messages.get(PR)).toHaveLength(1);
    id = (await t.database.db.prisma.event.findFirstOrThrow()).id;
    // Registered 17 days ahead: the invitations' design and printing and the procurement request
    // (25 and 20 days before) are due today, and the confirmation says so; nothing is overdue.
    expect(String(saved.args.text)).toContain("3 εργασίες του καταλόγου θα έπρεπε να έχουν ήδη γίνει");
    const items = await t.database.db.prisma.eventChecklistItem.findMany({
      where: { eventId: id },
      orderBy: { dueOn: "asc" },
    });
    expect(items[0]?.dueOn.toISOString().slice(0, 10)).toBe("2026-11-23");
    expect(items.filter((i) => i.dueOn.toISOString().slice(0, 10) === "2026-11-23")).toHaveLength(3);

    const second = await openForm();
    const clash = form({
      title: "Συναυλία",
      typeSlug: "ceremony",
      startDate: "2026-12-10",
      startTime: "20:00",
      endTime: "22:00",
      venue: "ΑΙΘΟΥΣΑ ΔΗΜΟΤΙΚΟΥ ΣΥΜΒΟΥΛΙΟΥ",
    });
    const warned = (await t.slack.viewSubmission({ view: second, userId: STAFF, values: clash })).json() as Json;
    expect(warned.response_action).toBe("update");
    expect(JSON.stringify((warned.view as Json).blocks)).toContain(`#${id}`);
    expect(await t.database.db.prisma.event.count()).toBe(1);
    await t.slack.viewSubmission({ view: { ...(warned.view as Json), id: second.id }, userId: STAFF, values: clash });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("Συναυλία"));
    expect(await t.database.db.prisma.event.count()).toBe(2);
  });

  it("gives a calendar file that an iCalendar reader reads back with the right time", async () => {
    const card = (t.fake.messages.get(PR) ?? [])[0] as Json;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "event_ics",
      value: String(id),
      channelId: PR,
      message: card,
    });
    await t.fake.waitFor("files.completeUploadExternal");
    const ics = t.fake.uploadedFile(`grafeio-event-${id}.ics`)?.toString("utf8") ?? "";
    const parsed = Object.values(nodeIcal.sync.parseICS(ics)).filter((c) => c?.type === "VEVENT") as {
      summary: string;
      start: Date;
      location: string;
    }[];
    expect(parsed).toHaveLength(1);
    expect(parsed[0]?.summary).toBe("Δεξίωση για την αντιπροσωπεία της Λεμεσού");
    expect(new Date(parsed[0]?.start as Date).toISOString()).toBe("2026-12-10T17:00:00.000Z");
    expect(parsed[0]?.location).toBe("Αίθουσα Δημοτικού Συμβουλίου");
  });

  it("lists the period's events and shows them in the managers' digest", async () => {
    await t.slack.command({ command: "/event", text: "list 1/12 31/12", userId: STAFF, channelId: PR });
    const list = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("Λεμεσού"));
    expect(String(list.args.text)).toContain("10/12/2026 19:00 – 21:00");
    const digest = await Promise.all(
      t.bot.digestSections.map((s) =>
        buildSection(s, {
          date: "2026-12-07",
          since: new Date(0),
          until: new Date("2026-12-07T06:00:00Z"),
          timeZone: "Europe/Athens",
          locale: "el",
        }),
      ),
    );
    expect(JSON.stringify(digest)).toContain("Λεμεσού");
  });

  it("cancels once and tells everyone involved", async () => {
    const card = (t.fake.messages.get(PR) ?? [])[0] as Json;
    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "event_cancel",
      value: String(id),
      channelId: PR,
      message: card,
    });
    const opened = await t.fake.waitFor("views.open", () => true, 5000, before);
    const values = { reason: { value: { type: "plain_text_input", value: "Αναβολή λόγω καιρού" } } };
    await t.slack.viewSubmission({ view: opened.response.view as Json, userId: STAFF, values });
    await t.slack.viewSubmission({ view: opened.response.view as Json, userId: STAFF, values });
    await t.fake.waitFor(
      "chat.postMessage",
      (c) => c.args.channel === "D0RESP001" && String(c.args.text).includes("καιρού"),
    );
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(t.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === "D0RESP001")).toHaveLength(1);
    expect((await t.bot.services.events.get(id))?.status).toBe("cancelled");
    expect(JSON.stringify(card.blocks)).not.toContain("event_cancel");
  });

  it("shows an event's checklist and marks an item done once; the feedback form keeps one answer a person", async () => {
    const second = (await t.database.db.prisma.event.findFirstOrThrow({ where: { title: "Συναυλία" } })).id;
    await t.slack.command({ command: "/event", text: `${second} checklist`, userId: STAFF, channelId: PR });
    const list = await t.fake.waitFor("response_url", (c) =>
      JSON.stringify(c.args.blocks ?? "").includes("Δελτίο τύπου"),
    );
    const item = (list.args.blocks as Json[]).find((b) => JSON.stringify(b).includes("Δελτίο τύπου")) as Json;
    const done = (((item.accessory as Json).options as Json[])[0] as Json).value as string;
    for (let i = 0; i < 2; i++)
      await t.slack.overflowAction({ userId: STAFF, actionId: "event_item_done", value: done, channelId: PR });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    const items = await t.bot.services.events.checklist(second);
    expect(items.find((i) => i.title === "Δελτίο τύπου")).toMatchObject({ status: "done", doneBy: STAFF });

    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "event_feedback",
      value: String(second),
      channelId: "D0STAFF01",
    });
    const view = (await t.fake.waitFor("views.open", () => true, 5000, before)).response.view as Json;
    const answer = (attendance: string) => ({
      wentWell: { value: { type: "plain_text_input", value: "Καλός ήχος" } },
      toImprove: { value: { type: "plain_text_input", value: "Περισσότερες καρέκλες" } },
      attendance: { value: { type: "plain_text_input", value: attendance } },
      suggestions: { value: { type: "plain_text_input", value: null } },
    });
    const bad = (await t.slack.viewSubmission({ view, userId: STAFF, values: answer("πολλοί") })).json() as Json;
    expect(Object.keys(bad.errors as Json)).toEqual(["attendance"]);
    await t.slack.viewSubmission({ view, userId: STAFF, values: answer("120") });
    await t.slack.viewSubmission({ view, userId: STAFF, values: answer("120") });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(await t.bot.services.events.feedbackFor(second)).toHaveLength(1);
  });

  it("gives a checklist item another owner or due date: the new owner is told once, the list redrawn", async () => {
    const OTHER = "U0OTHER01";
    const second = (await t.database.db.prisma.event.findFirstOrThrow({ where: { title: "Συναυλία" } })).id;
    const open = (await t.bot.services.events.checklist(second)).find((i) => i.status === "open");
    if (!open) throw new Error("no open item");
    // This command's answer: the first event's checklist, answered earlier, has items of the same titles.
    const asked = t.fake.calls.length;
    await t.slack.command({ command: "/event", text: `${second} checklist`, userId: STAFF, channelId: PR });
    const list = await t.fake.waitFor(
      "response_url",
      (c) => JSON.stringify(c.args.blocks ?? "").includes(open.title),
      undefined,
      asked,
    );
    const block = (list.args.blocks as Json[]).find((b) => JSON.stringify(b).includes(open.title)) as Json;
    const reassign = ((block.accessory as Json).options as Json[])
      .map((o) => String(o.value))
      .find((v) => v.startsWith("reassign:")) as string;
    let before = t.fake.calls.length;
    await t.slack.overflowAction({ userId: STAFF, actionId: "event_item_done", value: reassign, channelId: PR });
    const view = (await t.fake.waitFor("views.open", () => true, 5000, before)).response.view as Json;
    expect(JSON.stringify(view.blocks)).toContain(`"initial_date":"${open.dueOn.toISOString().slice(0, 10)}"`);

    const answer = (user: string | null, date: string | null) => ({
      owner: { value: { type: "users_select", selected_user: user } },
      dueOn: { value: { type: "datepicker", selected_date: date } },
    });
    const bad = (await t.slack.viewSubmission({ view, userId: STAFF, values: answer(OTHER, "2026-02-30") })).json();
    expect(bad).toMatchObject({ response_action: "errors", errors: { dueOn: "Η ημερομηνία δεν είναι έγκυρη." } });
    before = t.fake.calls.length;
    for (let i = 0; i < 2; i++)
      await t.slack.viewSubmission({ view, userId: STAFF, values: answer(OTHER, "2026-12-24") });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(await t.bot.services.events.checklistItem(open.id)).toMatchObject({
      owner: OTHER,
      dueOn: new Date("2026-12-24T00:00:00Z"),
      status: "open",
    });
    const told = t.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === OTHER);
    expect(told).toHaveLength(1);
    expect(String(told[0]?.args.text)).toContain(open.title);
    const redrawn = t.fake.calls.slice(before).filter((c) => c.method === "response_url");
    expect(redrawn.length).toBeGreaterThan(0);
    expect(redrawn.every((c) => c.args.replace_original === true)).toBe(true);
    expect(JSON.stringify(redrawn[0]?.args.blocks)).toContain(`<@${OTHER}>`);

    // Closed meanwhile: the form says so under the field and changes nothing.
    await t.bot.services.events.settleItem(open.id, "not_needed", STAFF);
    const late = (await t.slack.viewSubmission({ view, userId: STAFF, values: answer(STAFF, "2026-12-20") })).json();
    expect(late).toMatchObject({
      response_action: "errors",
      errors: { owner: expect.stringContaining("έχει κλείσει") },
    });
    expect(await t.bot.services.events.checklistItem(open.id)).toMatchObject({ owner: OTHER, status: "not_needed" });
  });

  it("orders the officials by the precedence table, flags the unranked, keeps a place set by hand, prints", async () => {
    const second = (await t.database.db.prisma.event.findFirstOrThrow({ where: { title: "Συναυλία" } })).id;
    const add = async (name: string, office: string, tieDate?: string) => {
      const before = t.fake.calls.length;
      await t.slack.blockAction({ userId: STAFF, actionId: "event_add_guest", value: String(second), channelId: PR });
      const view = (await t.fake.waitFor("views.open", () => true, 5000, before)).response.view as Json;
      await t.slack.viewSubmission({
        view,
        userId: STAFF,
        values: {
          name: { value: { type: "plain_text_input", value: name } },
          office: { value: { type: "plain_text_input", value: office } },
          tieDate: { value: { type: "datepicker", selected_date: tieDate ?? null } },
        },
      });
      expect(await t.bot.inFlight.drain(5000)).toBe(true);
    };
    await add("Κ. Δημάρχου", "Δήμαρχος Αμαρουσίου");
    await add("Πρέσβης Ιταλίας", "Πρέσβης της Ιταλίας", "2022-05-01");
    await add("Πρέσβης Γαλλίας", "Πρέσβης της Γαλλίας", "2019-09-10");
    await add("Πρόεδρος Συλλόγου", "Πρόεδρος Πολιτιστικού Συλλόγου");
    await add("Υφυπουργός", "ΥΦΥΠΟΥΡΓΟΣ ΠΟΛΙΤΙΣΜΟΥ");
    const order = await t.bot.services.events.orderedGuests(second);
    expect(order.map((g) => g.name)).toEqual([
      "Υφυπουργός",
      "Πρέσβης Γαλλίας",
      "Πρέσβης Ιταλίας",
      "Κ. Δημάρχου",
      "Πρόεδρος Συλλόγου",
    ]);
    expect(order.at(-1)?.rank).toBeNull();

    const host = order.at(-1)?.id;
    await t.slack.command({
      command: "/event",
      text: `${second} place ${host} 1 Οικοδεσπότης της συναυλίας`,
      userId: STAFF,
      channelId: PR,
    });
    const list = await t.fake.waitFor("response_url", (c) =>
      JSON.stringify(c.args.blocks ?? "").includes("Οικοδεσπότης"),
    );
    const shown = JSON.stringify(list.args.blocks);
    expect(shown.indexOf("Πρόεδρος Συλλόγου")).toBeLessThan(shown.indexOf("Υφυπουργός"));
    // Speeches the other way round: the highest in precedence speaks last.
    expect(shown).toMatch(/Σειρά ομιλιών.*1\. Κ\. Δημάρχου.*Υφυπουργός.*Πρόεδρος Συλλόγου/);

    const actions = (list.args.blocks as Json[]).at(-1) as Json;
    const pdf = (actions.elements as Json[]).find((e) => e.action_id === "event_guests_pdf") as Json;
    const before = t.fake.calls.length;
    await t.slack.blockAction({ userId: STAFF, actionId: "event_guests_pdf", value: String(pdf.value), channelId: PR });
    await t.fake.waitFor("files.completeUploadExternal", () => true, 5000, before);
    const file = t.fake.uploadedFile(`grafeio-event-${second}-precedence.pdf`);
    expect(file?.subarray(0, 5).toString("ascii")).toBe("%PDF-");
  });

  it("takes a guest of honour from the contacts, with their title as the office", async () => {
    const second = (await t.database.db.prisma.event.findFirstOrThrow({ where: { title: "Συναυλία" } })).id;
    const contact = await t.database.db.prisma.contact.create({
      data: {
        nameEl: "Θεόδωρος Αμπατζόγλου",
        title: "Δήμαρχος Αμαρουσίου",
        vip: true,
        createdBy: STAFF,
        updatedAt: new Date(),
      },
    });
    const before = t.fake.calls.length;
    await t.slack.blockAction({ userId: STAFF, actionId: "event_add_guest", value: String(second), channelId: PR });
    const view = (await t.fake.waitFor("views.open", () => true, 5000, before)).response.view as Json;
    const select = ((view.blocks as Json[]).find((b) => b.block_id === "contact") as Json).element as Json;
    expect((select.options as Json[]).map((o) => o.value)).toContain(String(contact.id));
    // Sent twice, as Slack does when an answer is late: one guest.
    for (let i = 0; i < 2; i++) {
      await t.slack.viewSubmission({
        view,
        userId: STAFF,
        values: {
          contact: { value: { type: "static_select", selected_option: { value: String(contact.id) } } },
          name: { value: { type: "plain_text_input", value: null } },
          office: { value: { type: "plain_text_input", value: null } },
          tieDate: { value: { type: "datepicker", selected_date: null } },
        },
      });
    }
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    const guests = await t.bot.services.events.orderedGuests(second);
    expect(guests.find((g) => g.name === "Θεόδωρος Αμπατζόγλου")).toMatchObject({
      office: "Δήμαρχος Αμαρουσίου",
      rank: 40,
    });
  });

  it("corrects an event from its card: its open tasks move with its day", async () => {
    const second = await t.database.db.prisma.event.findFirstOrThrow({ where: { title: "Συναυλία" } });
    const dueBefore = new Map((await t.bot.services.events.checklist(second.id)).map((i) => [i.id, i]));
    const before = t.fake.calls.length;
    await t.slack.blockAction({ userId: STAFF, actionId: "event_edit", value: String(second.id), channelId: PR });
    const view = (await t.fake.waitFor("views.open", () => true, 5000, before)).response.view as Json;
    const title = (view.blocks as Json[]).find((b) => b.block_id === "title") as Json;
    expect((title.element as Json).initial_value).toBe("Συναυλία");
    const startTime = (view.blocks as Json[]).find((b) => b.block_id === "startTime") as Json;
    expect((startTime.element as Json).initial_time).toBe("20:00");
    await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: form({
        title: "Συναυλία Χριστουγέννων",
        typeSlug: "ceremony",
        startDate: "2026-12-12",
        startTime: "20:00",
        endTime: "22:00",
        venue: "Πλατεία Δημαρχείου",
      }),
    });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":pencil2:"));
    const after = await t.bot.services.events.checklist(second.id);
    for (const item of after) {
      const was = dueBefore.get(item.id);
      const moved = (item.dueOn.getTime() - (was?.dueOn.getTime() ?? 0)) / 86_400_000;
      expect(moved, item.title).toBe(item.status === "open" ? 2 : 0);
    }
    expect((await t.bot.services.events.get(second.id))?.title).toBe("Συναυλία Χριστουγέννων");
  });

  it("tracks who was invited and who answered, and keeps a gift register the office exports", async () => {
    const second = (await t.database.db.prisma.event.findFirstOrThrow({ where: { title: "Συναυλία Χριστουγέννων" } }))
      .id;
    const modal = async (actionId: string, values: Record<string, Record<string, Json>>, times = 1) => {
      const before = t.fake.calls.length;
      await t.slack.blockAction({ userId: STAFF, actionId, value: String(second), channelId: PR });
      const view = (await t.fake.waitFor("views.open", () => true, 5000, before)).response.view as Json;
      let res = await t.slack.viewSubmission({ view, userId: STAFF, values });
      for (let i = 1; i < times; i++) res = await t.slack.viewSubmission({ view, userId: STAFF, values });
      expect(await t.bot.inFlight.drain(5000)).toBe(true);
      return res.text ? (res.json() as Json) : {};
    };
    const text = (v: string) => ({ value: { type: "plain_text_input", value: v } });
    await modal("event_invite", { names: text("Πρέσβης της Γαλλίας\nΠρόεδρος Συλλόγου Γονέων\nΠρέσβης της Γαλλίας") });
    await modal("event_invite", { names: text("Πρόεδρος Συλλόγου Γονέων\nΜητροπολίτης Κηφισίας") });
    const invitations = await t.bot.services.events.invitations(second);
    expect(invitations.map((i) => i.name)).toEqual([
      "Πρέσβης της Γαλλίας",
      "Πρόεδρος Συλλόγου Γονέων",
      "Μητροπολίτης Κηφισίας",
    ]);
    const first = invitations[0]?.id;
    await t.slack.overflowAction({
      userId: STAFF,
      actionId: "event_invitation_answer",
      value: `accepted:${first}:${second}`,
      channelId: PR,
    });
    const shown = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("δέχτηκαν 1"));
    expect(String(shown.args.text)).toContain("χωρίς απάντηση 2");

    const bad = await modal("event_add_gift", {
      what: text("Κεραμικό"),
      forWhom: text("Πρέσβης της Γαλλίας"),
      cost: text("-20"),
    });
    expect(Object.keys(bad.errors as Json)).toEqual(["cost"]);
    const giftReplies = t.fake.callsTo("chat.postMessage").length;
    await modal(
      "event_add_gift",
      {
        what: text("Κεραμικό του Αμαρουσίου"),
        forWhom: text("Πρέσβης της Γαλλίας"),
        cost: text("85,50"),
      },
      2,
    ); // and Slack's retry of it
    expect(
      (await t.bot.services.events.giftsOf(second)).filter((g) => g.what === "Κεραμικό του Αμαρουσίου"),
    ).toHaveLength(1);
    expect(t.fake.callsTo("chat.postMessage").length - giftReplies).toBe(1);
    await modal("event_add_gift", {
      what: text("Βιβλίο για την ιστορία της πόλης"),
      forWhom: text("Μητροπολίτης Κηφισίας"),
      cost: text("24,50"),
    });
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/event", text: "gifts 2026", userId: STAFF, channelId: PR });
    const upload = await t.fake.waitFor("files.completeUploadExternal", () => true, 5000, before);
    expect(upload.response.ok).toBe(true);
    const csv = t.fake.uploadedFile("grafeio-gifts-2026.csv")?.toString("utf8") ?? "";
    expect(csv).toContain("Κεραμικό του Αμαρουσίου;Πρέσβης της Γαλλίας;85,50 €");
    const comment = t.fake.callsTo("files.completeUploadExternal").at(-1)?.args.initial_comment;
    expect(String(comment)).toContain("110,00 €");
  });

  it("answers a forged or stale button and form with «out of date», changing nothing", async () => {
    const event = await t.database.db.prisma.event.findFirstOrThrow({ where: { title: "Συναυλία Χριστουγέννων" } });
    const before = t.fake.calls.length;
    await t.slack.blockAction({ userId: STAFF, actionId: "event_cancel", value: "12; DROP", channelId: PR });
    await t.fake.waitFor(
      "chat.postEphemeral",
      (c) => String(c.args.text).includes("δεν είναι πια επίκαιρο"),
      5000,
      before,
    );
    expect(t.fake.calls.slice(before).some((c) => c.method === "views.open")).toBe(false);

    const forged = {
      id: "V0FORGED1",
      type: "modal",
      callback_id: "event_cancel_modal",
      private_metadata: JSON.stringify({ id: "all" }),
      blocks: [],
    };
    const values = { reason: { value: { type: "plain_text_input", value: "Πλαστό" } } };
    const answer = (await t.slack.viewSubmission({ view: forged, userId: STAFF, values })).json() as Json;
    expect(answer).toMatchObject({
      response_action: "errors",
      errors: { reason: expect.stringContaining("δεν είναι πια επίκαιρο") },
    });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect((await t.bot.services.events.get(event.id))?.status).toBe("scheduled");
  });

  it("answers `/event help` and `/event βοήθεια` with the command's help", async () => {
    for (const text of ["help", "βοήθεια"]) {
      const before = t.fake.calls.length;
      await t.slack.command({ command: "/event", text, userId: STAFF, channelId: PR });
      const shown = await t.fake.waitFor("response_url", () => true, 5000, before);
      expect(String(shown.args.text), text).toContain("`/event list");
    }
  });

  it("opens the form prefilled from a national-day reminder's button", async () => {
    const before = t.fake.calls.length;
    const value = JSON.stringify({ title: "Εθνική Επέτειος 25ης Μαρτίου", date: "2027-03-25", type: "national_day" });
    await t.slack.blockAction({ userId: STAFF, actionId: "event_create", value, channelId: PR });
    const view = (await t.fake.waitFor("views.open", () => true, 5000, before)).response.view as Json;
    const blocks = view.blocks as Json[];
    expect(((blocks.find((b) => b.block_id === "title") as Json).element as Json).initial_value).toBe(
      "Εθνική Επέτειος 25ης Μαρτίου",
    );
    expect(((blocks.find((b) => b.block_id === "startDate") as Json).element as Json).initial_date).toBe("2027-03-25");
    expect(
      (((blocks.find((b) => b.block_id === "typeSlug") as Json).element as Json).initial_option as Json).value,
    ).toBe("national_day");
  });
});
