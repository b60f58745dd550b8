import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { createLetterService, protocolNumber } from "../../src/areas/correspondence/letter-service.js";
import { type LetterInput, validateLetter } from "../../src/areas/correspondence/letter-validation.js";
import { buildSection } from "../../src/areas/digest/digest-section.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const COORDINATOR = "U0COORD01";
const today = "2026-11-23";

function draft(input: LetterInput) {
  const r = validateLetter({ direction: "incoming", letterDate: "2026-11-20", ...input }, { today });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.draft;
}

describe("the register of correspondence", () => {
  it("validates an entry: who, what, a real date not in the future, a deadline for invitations", () => {
    const r = validateLetter(
      {
        direction: "incoming",
        kind: "invitation",
        letterDate: "2026-11-30",
        counterpart: " ",
        subject: "Forum",
        documentUrl: "ftp:x",
        translationRequestId: "abc",
      },
      { today },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v?.code]))).toEqual({
      letterDate: "dateFuture",
      counterpart: "required",
      documentUrl: "urlInvalid",
      translationRequestId: "notANumber",
      dueOn: "deadlineNeeded",
    });
  });

  describe("on the database", () => {
    let db: TestDatabase;
    const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
    let lettersService: () => ReturnType<typeof createLetterService>;
    beforeAll(async () => {
      db = await createTestDatabase();
      const prisma = db.db.prisma;
      const roles = createRoleService({ prisma });
      await roles.grantRole({ slackUserId: STAFF, role: "staff", grantedBy: "test" });
      const contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
      lettersService = () => createLetterService({ prisma, clock, timeZone: "Europe/Athens", contacts, roles });
    });
    afterAll(() => db?.dispose());

    it("gives gap-free protocol numbers to entries registered at the same moment, once each", async () => {
      const letters = lettersService();
      const made = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          letters.create({
            draft: draft({ counterpart: `Δήμος ${i}`, subject: `Θέμα ${i}` }),
            createdBy: STAFF,
            submissionKey: `k${i % 10}`,
          }),
        ),
      );
      const created = made
        .flatMap((m) => (m.status === "created" ? [m.letter] : []))
        .map((l) => l.registerSeq)
        .sort((a, b) => a - b);
      expect(created).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(made.filter((m) => m.status === "already_stored")).toHaveLength(2);
      const first = made[0];
      expect(
        first?.status === "refused" ? undefined : protocolNumber(first?.letter ?? { registerYear: 0, registerSeq: 0 }),
      ).toMatch(/^2026\/00\d\d$/);
    });

    it("links the counterpart to the contact archive, spelt any way, and takes its country", async () => {
      const letters = lettersService();
      const contact = await db.db.prisma.contact.create({
        data: {
          nameEl: "Πρεσβεία της Γαλλίας",
          nameLatin: "Ambassade de France",
          country: "Γαλλία",
          createdBy: STAFF,
          updatedAt: new Date(),
        },
      });
      const made = await letters.create({
        draft: draft({ counterpart: "AMBASSADE DE FRANCE", subject: "Εθνική εορτή" }),
        createdBy: STAFF,
        submissionKey: "fr",
      });
      expect(made).toMatchObject({ letter: { contactId: contact.id, country: "Γαλλία" } });
      const other = await letters.create({
        draft: draft({ counterpart: "Δήμος Βελιγραδίου", subject: "Αδελφοποίηση" }),
        createdBy: STAFF,
        submissionKey: "bg",
      });
      expect(other).toMatchObject({ letter: { contactId: null } });
    });

    it("refuses, as a value, whoever is not staff: nothing registered, closed, found or exported", async () => {
      const letters = lettersService();
      const before = await db.db.prisma.letter.count();
      const stranger = "U0STRANGE1";
      const made = await letters.create({
        draft: draft({ counterpart: "Δήμος Νις", subject: "Αδελφοποίηση" }),
        createdBy: stranger,
        submissionKey: "stranger",
      });
      expect(made).toEqual({ status: "refused", reason: "staff_only" });
      expect(await db.db.prisma.letter.count()).toBe(before);
      const mine = await letters.create({
        draft: draft({ counterpart: "Δήμος Νις", subject: "Αδελφοποίηση" }),
        createdBy: STAFF,
        submissionKey: "staff-nis",
      });
      if (mine.status === "refused") throw new Error("staff refused");
      expect(await letters.close({ actor: stranger, id: mine.letter.id, outcome: "filed" })).toEqual(made);
      expect((await db.db.prisma.letter.findUnique({ where: { id: mine.letter.id } }))?.closedAt).toBeNull();
      expect(await letters.searchFor(stranger, "Νις")).toEqual(made);
      expect(await letters.yearFor(stranger, 2026)).toEqual(made);
      expect(await letters.openFor(stranger)).toEqual(made);
      expect(await letters.searchFor(STAFF, "Νις")).toMatchObject({ status: "found" });
    });

    it("finds entries in Greek, without accents and in Greeklish", async () => {
      const letters = lettersService();
      await letters.create({
        draft: draft({
          counterpart: "Δήμος Λεμεσού",
          country: "Κύπρος",
          subject: "Πρόσκληση στο φεστιβάλ κρασιού",
          kind: "invitation",
          dueOn: "2026-12-10",
        }),
        createdBy: STAFF,
        submissionKey: "lemesos",
      });
      for (const q of ["λεμεσου", "ΦΕΣΤΙΒΑΛ", "lemesou", "krasiou"]) {
        expect(
          await letters
            .searchFor(STAFF, q)
            .then((r) => (r.status === "found" ? r.letters : []).map((l) => l.counterpart)),
          q,
        ).toContain("Δήμος Λεμεσού");
      }
      expect(await letters.searchFor(STAFF, "ξψζ")).toEqual({ status: "found", letters: [], hasMore: false });
    });
  });
});

describe("/letter in Slack", () => {
  const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    t.fake.rateLimit = { windowMs: 5, retryAfterSeconds: 1 };
    await t.grant(STAFF, "staff");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });

  it("registers from the form, closes from the menu once, and exports the year as CSV and XLSX", async () => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/letter", text: "", userId: STAFF, triggerId, channelId: "C0INTL001" });
    const view = (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
    const values = (v: Record<string, string | undefined>) => {
      const text = (x?: string) => ({ value: { type: "plain_text_input", value: x ?? null } });
      const pick = (type: string, x?: string) => ({ value: { type, selected_option: x ? { value: x } : null } });
      return {
        direction: pick("radio_buttons", v.direction),
        kind: pick("radio_buttons", v.kind),
        letterDate: { value: { type: "datepicker", selected_date: v.letterDate ?? null } },
        counterpart: text(v.counterpart),
        country: text(v.country),
        subject: text(v.subject),
        language: pick("static_select", v.language),
        documentUrl: text(v.documentUrl),
        translationRequestId: text(v.translationRequestId),
        dueOn: { value: { type: "datepicker", selected_date: v.dueOn ?? null } },
        briefing: text(v.briefing),
      };
    };
    const bad = await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: values({
        direction: "incoming",
        kind: "call_for_interest",
        letterDate: today,
        counterpart: "Eurocities",
        subject: "Call",
      }),
    });
    expect(Object.keys((bad.json() as Json).errors as Json)).toEqual(["dueOn"]);
    await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: values({
        direction: "incoming",
        kind: "call_for_interest",
        letterDate: today,
        counterpart: "Eurocities",
        country: "Βέλγιο",
        subject: "Call for the Culture Forum",
        language: "en",
        dueOn: "2026-12-04",
        briefing: "Συμμετοχή με το πρόγραμμα του Δημοτικού Θεάτρου.",
      }),
    });
    const saved = await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("2026/0001"));
    expect(String(saved.args.text)).toContain("Call for the Culture Forum");

    // The managers' digest carries the call until it is answered.
    const digest = async () =>
      JSON.stringify(
        await Promise.all(
          t.bot.digestSections.map((s) =>
            buildSection(s, {
              date: today,
              since: new Date(0),
              until: clock.now(),
              timeZone: "Europe/Athens",
              locale: "el",
            }),
          ),
        ),
      );
    expect(await digest()).toContain("Eurocities");

    await t.slack.command({ command: "/letter", text: "eurocities", userId: STAFF, channelId: "C0INTL001" });
    const found = await t.fake.waitFor("response_url", (c) =>
      JSON.stringify(c.args.blocks ?? "").includes("2026/0001"),
    );
    const menu = ((found.args.blocks as Json[])[1] as Json).accessory as Json;
    expect(menu.action_id).toBe("letter_menu");
    for (let i = 0; i < 2; i++)
      await t.slack.overflowAction({
        userId: STAFF,
        actionId: "letter_menu",
        value: "answered:1",
        channelId: "C0INTL001",
      });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("απαντήθηκε"));
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(t.fake.callsTo("chat.postEphemeral").filter((c) => String(c.args.text).includes("απαντήθηκε"))).toHaveLength(
      1,
    );
    expect(await digest()).not.toContain("Eurocities");

    await t.slack.command({ command: "/letter", text: "export 2026", userId: STAFF, channelId: "C0INTL001" });
    await t.fake.waitFor("files.completeUploadExternal");
    const csv = t.fake.uploadedFile("grafeio-correspondence-2026.csv")?.toString("utf8") ?? "";
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain("2026/0001;2026-11-23");
    expect(csv).toContain("Eurocities");
    // Registered at 08:00 UTC: the office's 10:00, as its staff read a clock.
    expect(csv).toContain(";2026-11-23 10:00");
    expect(csv).not.toContain("T08:00");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(t.fake.uploadedFile("grafeio-correspondence-2026.xlsx") as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(5).value).toBe("Eurocities");
  });

  it("answers /letter help and /letter βοήθεια with the command's help, not a search", async () => {
    for (const text of ["help", "βοήθεια"]) {
      const before = t.fake.calls.length;
      await t.slack.command({ command: "/letter", text, userId: STAFF, channelId: "C0INTL001" });
      const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
      expect(answer.args.text, text).toBe(messages("el").letters.help);
    }
  });

  it("refuses a forged menu value or form metadata and changes nothing", async () => {
    const outOfDate = messages("el").common.outOfDate;
    const before = await t.database.db.prisma.letter.findMany({ orderBy: { id: "asc" } });
    for (const value of ["declined:abc", "open:1", "declined:1:1"])
      await t.slack.overflowAction({ userId: STAFF, actionId: "letter_menu", value, channelId: "C0INTL001" });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(
      t.fake.callsTo("chat.postEphemeral").filter((c) => c.args.user === STAFF && c.args.text === outOfDate),
    ).toHaveLength(3);

    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/letter", text: "", userId: STAFF, triggerId, channelId: "C0INTL001" });
    const view = (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
    const res = await t.slack.viewSubmission({
      view: { ...view, private_metadata: '{"channel":"<!channel>"}' },
      userId: STAFF,
      values: {
        direction: { value: { type: "radio_buttons", selected_option: { value: "incoming" } } },
        kind: { value: { type: "radio_buttons", selected_option: { value: "letter" } } },
        letterDate: { value: { type: "datepicker", selected_date: today } },
        counterpart: { value: { type: "plain_text_input", value: "Δήμος Λεμεσού" } },
        subject: { value: { type: "plain_text_input", value: "Ευχαριστήριο" } },
      },
    });
    expect(res.json()).toEqual({ response_action: "errors", errors: { subject: outOfDate } });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(await t.database.db.prisma.letter.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("correspondence reminders", () => {
  it("remind like translations: two working days before and on the day; overdue to the coordinator", async () => {
    const h = await createJobHarness({ now: new Date("2026-11-30T07:00:00Z") });
    try {
      await h.services.roles.ensureRoleHolders([COORDINATOR], "manager");
      const p = h.process("A", h.jobs("correspondence-reminders"));
      await h.services.roles.ensureRoleHolders([STAFF], "staff");
      const letters = h.services.letters;
      await p.scheduler.tick();
      const add = (subject: string, dueOn: string) =>
        letters.create({
          draft: draft({ counterpart: "Πρεσβεία της Γαλλίας", subject, dueOn }),
          createdBy: STAFF,
          submissionKey: subject,
        });
      await add("Δεξίωση 4 Δεκεμβρίου", "2026-12-04"); // Friday: reminded on Wednesday 2 December
      await add("Παλιά πρόσκληση", "2026-11-27");
      h.clock.set(new Date("2026-12-02T07:21:00Z"));
      await p.scheduler.tick();
      const dms = (u: string) => (h.fake.messages.get(`D${u.slice(1)}`) ?? []).map((m) => String(m.text));
      expect(dms(STAFF).some((x) => x.includes("Δεξίωση") && x.includes("4/12/2026"))).toBe(true);
      expect(dms(COORDINATOR).some((x) => x.includes("Παλιά πρόσκληση"))).toBe(true);
      await h.process("B", h.jobs("correspondence-reminders")).scheduler.tick();
      expect(dms(STAFF)).toHaveLength(1);
    } finally {
      await h.dispose();
    }
  });

  it("a deadline on 24 December stays on that day, due by 13:00 when work stops: both reminders say so", async () => {
    const h = await createJobHarness({ now: new Date("2026-12-18T07:00:00Z") });
    try {
      const p = h.process("A", h.jobs("correspondence-reminders"));
      await h.services.roles.ensureRoleHolders([STAFF], "staff");
      await p.scheduler.tick();
      await h.services.letters.create({
        draft: draft({ counterpart: "Δήμος Λεμεσού", subject: "Απάντηση στην πρόσκληση", dueOn: "2026-12-24" }),
        createdBy: STAFF,
        submissionKey: "half-day",
      });
      const dms = () => (h.fake.messages.get(`D${STAFF.slice(1)}`) ?? []).map((m) => String(m.text));
      // Tuesday 22 December: two working days before Thursday 24 December.
      h.clock.set(new Date("2026-12-22T07:21:00Z"));
      await p.scheduler.tick();
      // Thursday 24 December, the half day itself, in the morning.
      h.clock.set(new Date("2026-12-24T07:21:00Z"));
      await p.scheduler.tick();
      const reminders = dms().filter((x) => x.includes("Απάντηση στην πρόσκληση"));
      expect(reminders).toHaveLength(2);
      for (const r of reminders) expect(r).toContain("Είναι μισή εργάσιμη: η εργασία σταματά στις 13:00");
    } finally {
      await h.dispose();
    }
  });
});
