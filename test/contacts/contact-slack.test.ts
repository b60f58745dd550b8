import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/app/logger.js";
import { validateLetter } from "../../src/areas/correspondence/letter-validation.js";
import { buildSection } from "../../src/areas/digest/digest-section.js";
import { NameDayCalendar, nextDateOf } from "../../src/calendar/namedays/nameday-calendar.js";
import { formatDayMonthYear, localDate, ManualClock, systemClock } from "../../src/lib/clock.js";
import { ERASED_MARK } from "../../src/lib/personal-data.js";
import { createJobRuntime } from "../../src/scheduling/runtime.js";
import { contactDraft } from "../support/factories.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const CHANNEL = "C0PRESS01";
// Friday 4 December 2026, 10:00 in Athens.
const clock = new ManualClock(new Date("2026-12-04T08:00:00Z"));
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ clock, env: { PR_CHANNEL_ID: CHANNEL } });
  await t.grant(STAFF, "staff");
  await t.grant(MANAGER, "staff");
  await t.grant(MANAGER, "manager");
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});
beforeEach(() => {
  t.fake.calls.length = 0;
});

type FormValues = Record<string, string | boolean | undefined>;

/** The contact form as Slack reports it filled in. */
function contactState(v: FormValues): Record<string, Record<string, Json>> {
  const text = (value: unknown) => ({ value: { type: "plain_text_input", value: (value as string) ?? null } });
  const check = (on: unknown) => ({
    value: {
      type: "checkboxes",
      selected_options: on ? [{ value: "yes", text: { type: "plain_text", text: "x" } }] : [],
    },
  });
  const state: Record<string, Record<string, Json>> = {};
  for (const f of [
    "nameEl",
    "nameLatin",
    "title",
    "organisation",
    "country",
    "language",
    "email",
    "phone",
    "address",
    "notes",
    "consent",
    "source",
  ])
    state[f] = text(v[f]);
  state.nameDayOther = text(v.nameDayOther);
  state.vip = check(v.vip);
  state.optOutGreetings = check(v.optOutGreetings);
  if (v.categorySlug)
    state.categorySlug = { value: { type: "static_select", selected_option: { value: v.categorySlug } } };
  if (v.nameDayChoice)
    state.nameDayChoice = { value: { type: "radio_buttons", selected_option: { value: v.nameDayChoice } } };
  return state;
}

async function openForm(text = "add", userId = STAFF): Promise<Json> {
  const triggerId = t.fake.triggerId();
  await t.slack.command({ command: "/contact", text, userId, triggerId, channelId: CHANNEL });
  const call = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as Json;
}

async function submit(view: Json, values: FormValues, userId = STAFF): Promise<Json> {
  const res = await t.slack.viewSubmission({ view, userId, values: contactState(values) });
  expect(res.status).toBe(200);
  return res.text ? res.json() : {};
}

const contactNamed = (nameEl: string) => t.database.db.prisma.contact.findFirst({ where: { nameEl } });

describe("/contact add", () => {
  it("shows errors under the fields and keeps what was typed", async () => {
    const view = await openForm();
    const answer = await submit(view, { nameEl: "Κώστας Δήμου", email: "kostas@", phone: "τηλέφωνο" });
    expect(answer.response_action).toBe("errors");
    expect(Object.keys(answer.errors as Json).sort()).toEqual(["email", "phone"]);
    expect(await contactNamed("Κώστας Δήμου")).toBeNull();
  });

  it("asks which feast for a name with several, then stores the one chosen as confirmed", async () => {
    const view = await openForm("add Μαρία Παπαδάκη");
    const nameBlock = (view.blocks as Json[]).find((b) => b.block_id === "nameEl") as Json;
    expect((nameBlock.element as Json).initial_value).toBe("Μαρία Παπαδάκη");
    const asked = await submit(view, { nameEl: "Μαρία Παπαδάκη" });
    expect(asked.response_action).toBe("update");
    const updated = asked.view as Json;
    const choice = (updated.blocks as Json[]).find((b) => b.block_id === "nameDayChoice") as Json;
    const options = ((choice.element as Json).options as Json[]).map((o) => o.value);
    expect(options).toEqual(expect.arrayContaining(["fixed:08-15", "fixed:11-21", "none"]));
    expect(await contactNamed("Μαρία Παπαδάκη")).toBeNull();
    const done = await submit({ ...updated, id: view.id }, { nameEl: "Μαρία Παπαδάκη", nameDayChoice: "fixed:11-21" });
    expect(done.response_action).toBeUndefined();
    const stored = await contactNamed("Μαρία Παπαδάκη");
    expect(stored).toMatchObject({ nameDayKey: "fixed:11-21", nameDayConfirmed: true });
  });

  it("suggests the only feast of a name; the office confirms it with one click", async () => {
    const view = await openForm();
    await submit(view, { nameEl: "ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ", vip: true });
    const stored = await contactNamed("ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ");
    expect(stored).toMatchObject({ nameDayKey: "fixed:12-06", nameDayConfirmed: false, vip: true });
    const said = await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("ΝΙΚΟΛΑΟΣ"));
    expect(String(said.args.text)).toContain("6 Δεκεμβρίου");
    // A second delivery of the same submission stores and says nothing more.
    await submit(view, { nameEl: "ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ", vip: true });
    expect(await t.database.db.prisma.contact.count({ where: { nameEl: "ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ" } })).toBe(1);
    const confirm = ((said.args.blocks as Json[])[1] as Json).elements as Json[];
    const button = confirm[0] as Json;
    for (let i = 0; i < 2; i++)
      await t.slack.blockAction({
        userId: STAFF,
        actionId: String(button.action_id),
        value: String(button.value),
        channelId: CHANNEL,
      });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":white_check_mark:"));
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect((await contactNamed("ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ"))?.nameDayConfirmed).toBe(true);
    expect(
      t.fake.callsTo("chat.postEphemeral").filter((c) => String(c.args.text).includes(":white_check_mark:")),
    ).toHaveLength(1);
  });
});

describe("/contact search and its menu", () => {
  it("finds a contact in Greeklish and archives it; only a manager may erase, everywhere", async () => {
    // A duplicate merged into her, and a letter of the register she wrote.
    const duplicate = await t.bot.services.contacts.create({
      draft: contactDraft({ nameEl: "Κατερίνα Σταυροπούλου", email: "katerina.st@example.org" }),
      createdBy: STAFF,
    });
    const letter = validateLetter(
      {
        direction: "incoming",
        letterDate: "2026-12-01",
        counterpart: "Αικατερίνη Σταυροπούλου",
        subject: "Ευχαριστήριο",
        briefing: "Απάντηση στο k.stavropoulou@example.org",
      },
      { today: "2026-12-04" },
    );
    if (!letter.ok) throw new Error(JSON.stringify(letter.errors));
    const created = await t.bot.services.contacts.create({
      draft: contactDraft({
        nameEl: "Αικατερίνη Σταυροπούλου",
        title: "Πρόξενος",
        organisation: "Γενικό Προξενείο",
        categorySlug: "embassies",
        email: "k.stavropoulou@example.org",
        nameDayKey: "fixed:11-25",
      }),
      createdBy: STAFF,
    });
    await t.slack.command({ command: "/contact", text: "stavropoulou", userId: STAFF, channelId: CHANNEL });
    const results = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("stavropoulou"));
    expect(JSON.stringify(results.args.blocks)).toContain("Αικατερίνη Σταυροπούλου");
    const id = created.contact.id;
    expect(await t.bot.services.contacts.merge(duplicate.contact.id, id, STAFF)).toBe("merged");
    const registered = await t.bot.services.letters.create({
      draft: letter.draft,
      createdBy: STAFF,
      submissionKey: "l1",
    });
    if (registered.status === "refused") throw new Error("refused");
    await t.slack.overflowAction({
      userId: STAFF,
      actionId: "contact_menu",
      value: `archive:${id}`,
      channelId: CHANNEL,
    });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":file_cabinet:"));
    expect((await t.bot.services.contacts.get(id))?.archivedAt).not.toBeNull();

    await t.slack.overflowAction({ userId: STAFF, actionId: "contact_menu", value: `erase:${id}`, channelId: CHANNEL });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("προϊστάμενος"));
    expect(t.fake.callsTo("views.open")).toHaveLength(0);

    const before = t.fake.calls.length;
    await t.slack.overflowAction({
      userId: MANAGER,
      actionId: "contact_menu",
      value: `erase:${id}`,
      channelId: CHANNEL,
    });
    const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
    await t.slack.viewSubmission({ view: opened.response.view as Json, userId: MANAGER, values: {} });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(`#${id}`));
    expect(await t.bot.services.contacts.get(id)).toBeNull();
    // The duplicate went with her (not un-merged: /contact finds nobody), and the letter stays in
    // the register under its number, without her.
    expect(await t.bot.services.contacts.get(duplicate.contact.id)).toBeNull();
    await t.slack.command({ command: "/contact", text: "Σταυροπούλου", userId: STAFF, channelId: CHANNEL });
    const none = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("Σταυροπούλου"));
    expect(String(none.args.text)).toContain("/contact add");
    const kept = await t.bot.services.letters.get(registered.letter.id);
    expect(kept).toMatchObject({ counterpart: ERASED_MARK, briefing: `Απάντηση στο ${ERASED_MARK}` });
    // What the bot logs at its working level (info and above) keeps no personal data. (Debug
    // logging, for a developer's eyes, includes Slack's request bodies.)
    const logged = t.logs.filter((l) => (JSON.parse(l) as { level: number }).level >= 30).join("\n");
    expect(logged).toContain(`"contact":${id}`);
    expect(logged).toContain('"tables":{"letters":1,"contacts":2}');
    expect(logged).not.toContain("Σταυροπούλου");
    expect(logged).not.toContain("k.stavropoulou");
  });

  it("answers words that match nothing with a suggestion", async () => {
    await t.slack.command({ command: "/contact", text: "ξψζξψζ", userId: STAFF, channelId: CHANNEL });
    const answer = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("ξψζξψζ"));
    expect(String(answer.args.text)).toContain("/contact add");
  });
});

describe("/contact import", () => {
  it("reads a Windows-1253 file, previews each row's fate, and imports once on confirmation", async () => {
    const csv = [
      "Επώνυμο;Όνομα;Κατηγορία;Email;Εορτή",
      "Αλεξίου;Ειρήνη;Δημοσιογράφοι;eirini@example.gr;",
      "Βασιλείου;Βασίλης;Πρεσβείες;not-an-email;",
      "Γεωργίου;Άννα;Εξωγήινοι;;",
      "Δημητρίου;Πέτρος;;;29/6",
    ].join("\r\n");
    const bytes = new Uint8Array(
      [...csv].map((ch) => {
        for (let b = 0; b < 256; b++) if (new TextDecoder("windows-1253").decode(Uint8Array.of(b)) === ch) return b;
        throw new Error(ch);
      }),
    );
    const view = await openForm("import");
    const file = t.fake.hostFile("epafes.csv", bytes);
    const res = await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: { file: { value: { type: "file_input", files: [file] } } },
    });
    expect((res.json() as Json).response_action).toBe("update");
    const preview = await t.fake.waitFor(
      "views.update",
      (c) => (c.args.view as Json).callback_id === "contact_import_confirm",
    );
    const shown = JSON.stringify((preview.args.view as Json).blocks);
    expect(shown).toContain("Θα δημιουργηθούν 2, θα ενημερωθούν 0, θα παραλειφθούν 2");
    expect(shown).toContain("windows-1253");
    expect(shown).toContain("Εξωγήινοι");
    expect(t.fake.callsTo("file_download")[0]?.args.authorised).toBe(true);
    expect(await contactNamed("Ειρήνη Αλεξίου")).toBeNull(); // nothing written before confirmation

    const confirmView = { ...(preview.args.view as Json), id: view.id };
    await t.slack.viewSubmission({ view: confirmView, userId: STAFF, values: {} });
    await t.slack.viewSubmission({ view: confirmView, userId: STAFF, values: {} }); // Slack's retry
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(":inbox_tray:"));
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    // The import is told once; the second delivery is told it is under way, or was done.
    const told = t.fake.callsTo("chat.postEphemeral").map((c) => String(c.args.text));
    expect(told.filter((text) => text.includes(":inbox_tray:"))).toHaveLength(1);
    expect(told.filter((text) => /Η εισαγωγή γίνεται ήδη|είχε ήδη ολοκληρωθεί/.test(text))).toHaveLength(1);
    expect(await contactNamed("Ειρήνη Αλεξίου")).toMatchObject({
      categorySlug: "journalists",
      nameDayConfirmed: false,
    });
    expect(await contactNamed("Πέτρος Δημητρίου")).toMatchObject({ nameDayKey: "fixed:06-29" });
  });

  it("exports a CSV that Excel opens in Greek and that imports back with nothing to change (managers only)", async () => {
    // Every contact's personal data: refused to staff at the command, as one person's record is.
    await t.slack.command({ command: "/contact", text: "export", userId: STAFF, channelId: CHANNEL });
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("προϊστάμενος"));
    expect(t.fake.callsTo("files.getUploadURLExternal")).toHaveLength(0);
    await t.slack.command({ command: "/contact", text: "export", userId: MANAGER, channelId: CHANNEL });
    await t.fake.waitFor("files.completeUploadExternal");
    const name = (t.fake.callsTo("files.getUploadURLExternal")[0]?.args.filename as string) ?? "";
    const file = t.fake.uploadedFile(name);
    expect(file?.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(file?.toString("utf8")).toContain("Ειρήνη Αλεξίου");
    const prepared = await t.bot.services.contactImports.prepare(file as Buffer, name, STAFF);
    expect(prepared.plan?.rows.every((r) => r.action === "skip" && r.reason?.code === "unchanged")).toBe(true);
  });
});

describe("/giortes and the morning's name days", () => {
  it("lists the names of a day and the contacts who celebrate, VIPs first", async () => {
    await t.slack.command({ command: "/giortes", text: "6/12", userId: STAFF, channelId: CHANNEL });
    const answer = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("6/12/2026"));
    const blocks = JSON.stringify(answer.args.blocks);
    expect(blocks).toContain("Νικόλαος");
    expect(blocks).toContain("ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ");
    await t.slack.command({ command: "/namedays", text: "Giorgos", userId: STAFF, channelId: CHANNEL });
    // Answered with the calendar's spelling of the name typed in Greeklish.
    const when = await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("*Γιώργος*"));
    // The next St George from today (the real clock: this test's bot runs on it), not this year's
    // date once it has passed.
    const george = NameDayCalendar.load().lookup("Giorgos")[0]?.rule;
    if (!george) throw new Error("St George is missing");
    const next = nextDateOf(george, localDate(systemClock.now(), "Europe/Athens"));
    expect(String(when.args.text)).toContain(formatDayMonthYear(next));
    expect(String(when.args.text)).not.toContain("this year");
    await t.slack.command({ command: "/giortes", text: "31/2", userId: STAFF, channelId: CHANNEL });
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("31/2"));
  });

  it("records wishes once and redraws the message with who sent them", async () => {
    const logger = createLogger({ level: "silent" });
    const runtime = createJobRuntime({
      config: t.config,
      services: t.bot.services,
      clock,
      logger,
      jobs: t.bot.jobs.filter((job) => job.name === "name-day-reminders"),
      sender: t.bot.sender,
    });
    // Friday 4/12/2026 08:30 Athens: Sunday 6/12 is announced today.
    expect(await runtime.scheduler.runByHand("name-day-reminders", new Date("2026-12-04T06:30:00Z"))).toBe("succeeded");
    const message = (t.fake.messages.get(CHANNEL) ?? []).find((m) =>
      JSON.stringify(m.blocks).includes("ΝΙΚΟΛΑΟΣ"),
    ) as Json;
    expect(message).toBeDefined();
    const actions = (message.blocks as Json[]).find((b) => b.type === "actions") as Json;
    const [sent, skip] = actions.elements as Json[];
    const click = (userId: string, button: Json) =>
      t.slack.blockAction({
        userId,
        actionId: String(button.action_id),
        value: String(button.value),
        channelId: CHANNEL,
        message: { ts: message.ts, text: message.text, blocks: message.blocks },
      });
    await Promise.all([click(STAFF, sent as Json), click(STAFF, sent as Json), click(MANAGER, skip as Json)]);
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const greetings = await t.database.db.prisma.greeting.findMany({ where: { kind: "name_day" } });
    expect(greetings).toHaveLength(1);
    const first = greetings[0];
    const now = JSON.stringify(message.blocks);
    expect(now).toContain(first?.status === "sent" ? ":white_check_mark:" : ":heavy_minus_sign:");
    expect(now).toContain(`<@${first?.doneBy}>`);
    expect(t.fake.callsTo("chat.postMessage").filter((c) => c.args.channel === CHANNEL)).toHaveLength(1);
    // The wish, ready to copy (a VIP: formal), and the vocative staff correct once.
    expect(JSON.stringify(message.blocks)).toContain("> Αγαπητέ κύριε ΠΑΠΑΔΟΠΟΥΛΕ,");
    const vocative = (actions.elements as Json[]).find((b) => b.action_id === "name_day_vocative") as Json;
    await click(STAFF, vocative);
    const opened = await t.fake.waitFor("views.open", (c) => JSON.stringify(c.args.view).includes("ΠΑΠΑΔΟΠΟΥΛΕ"));
    await t.slack.viewSubmission({
      view: { ...(opened.args.view as Json), id: "V0VOCATIVE1" },
      userId: STAFF,
      values: { vocative: { value: { type: "plain_text_input", value: "Παπαδόπουλε Νικόλαε" } } },
    });
    const saved = await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("Αποθηκεύτηκε"));
    expect(String(saved.args.text)).toContain("Αγαπητέ κύριε Παπαδόπουλε,");
    expect((await contactNamed("ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ"))?.vocative).toBe("Παπαδόπουλε Νικόλαε");
    await runtime.stop(1000);
  });
});

describe("thank-you letters and the managers' digest", () => {
  it("lists the letters other areas asked for and records one sent, once", async () => {
    const keep = await t.database.db.prisma.contact.findFirstOrThrow({ where: { nameEl: "Ειρήνη Αλεξίου" } });
    await t.bot.services.greetings.requestThankYou({
      contactId: keep.id,
      occasion: "event:12",
      reason: "Χορηγός της γιορτής",
    });
    await t.bot.services.greetings.requestThankYou({ contactId: keep.id, occasion: "event:12", reason: "again" });
    const digest = await Promise.all(
      t.bot.digestSections.map((s) =>
        buildSection(s, {
          date: "2026-12-06",
          since: new Date(0),
          until: clock.now(),
          timeZone: "Europe/Athens",
          locale: "el",
        }),
      ),
    );
    const text = JSON.stringify(digest.filter(Boolean));
    expect(text).toContain("Ευχαριστήριες επιστολές");
    expect(text).toContain("Χορηγός της γιορτής");
    expect(text).toContain("ΠΑΠΑΔΟΠΟΥΛΟΣ ΝΙΚΟΛΑΟΣ"); // a VIP whose name day is 6/12

    await t.slack.command({ command: "/contact", text: "thanks", userId: STAFF, channelId: CHANNEL });
    const list = await t.fake.waitFor("response_url", (c) => JSON.stringify(c.args.blocks ?? "").includes("Χορηγός"));
    const button = ((list.args.blocks as Json[])[1] as Json).accessory as Json;
    await Promise.all(
      [0, 1].map(() =>
        t.slack.blockAction({
          userId: STAFF,
          actionId: String(button.action_id),
          value: String(button.value),
          channelId: CHANNEL,
        }),
      ),
    );
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const letters = await t.database.db.prisma.greeting.findMany({ where: { kind: "thank_you" } });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ status: "sent", doneBy: STAFF });
    expect(await t.bot.services.greetings.pendingThankYous()).toEqual([]);
  });
});
