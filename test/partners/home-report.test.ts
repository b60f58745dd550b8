// The agreements' Home source and their period-report section on the real engine: a person's own
// obligations late or due this week, in the Home's order, with the card menu's choices (kept; waived
// only for a manager); and the report's figures for a period, which agree with `/agreement report`'s
// rows for the same year.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { createLetterService } from "../../src/areas/correspondence/letter-service.js";
import { buildEventService } from "../../src/areas/events/service.js";
import { createEventStore } from "../../src/areas/events/store.js";
import { createHomeService } from "../../src/areas/home/home-service.js";
import { buildHomeView } from "../../src/areas/home/slack/home-views.js";
import { buildAgreementReport } from "../../src/areas/partners/agreement-report.js";
import { createPartnersServices } from "../../src/areas/partners/index.js";
import { createPartnersHomeSource } from "../../src/areas/partners/partners-home.js";
import { createPartnersReportSource, describeAgreements } from "../../src/areas/partners/partners-report.js";
import { agreementMenuValue } from "../../src/areas/partners/slack/codecs.js";
import { buildReportSection } from "../../src/areas/reports/report-source.js";
import { createTranslationService } from "../../src/areas/translations/translation-service.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { parsePeriod } from "../../src/calendar/period.js";
import { ManualClock } from "../../src/lib/clock.js";
import { checkView } from "../support/block-kit-limits.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0PHSTAFF";
const MANAGER = "U0PHMANAG";
const TZ = "Europe/Athens";
// Tuesday 1 December 2026, 10:00 in Athens: the week runs to Monday 7 December.
const TODAY = "2026-12-01";

describe("the agreements in the Home and in the period report", () => {
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let database: TestDatabase;
  let s: ReturnType<typeof createPartnersServices>;
  let roles: ReturnType<typeof createRoleService>;
  let agreementId: number;
  const obligation: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    roles = createRoleService({ prisma });
    for (const u of [STAFF, MANAGER]) await roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    await roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "t" });
    const contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
    s = createPartnersServices({
      prisma,
      clock,
      timeZone: TZ,
      roles,
      contacts,
      letters: createLetterService({ prisma, clock, timeZone: TZ, contacts, roles }),
      translations: createTranslationService({ prisma, clock, timeZone: TZ, roles }),
      events: buildEventService({ store: createEventStore(prisma), roles, clock, timeZone: TZ }),
    });
    const partner = await s.partners.create({
      actor: STAFF,
      input: { kind: "twinned_city", nameEl: "Νις", nameLatin: "Niš", country: "RS", languages: "sr" },
      submissionKey: "p1",
    });
    if (partner.status !== "created") throw new Error(partner.status);
    const proposed = await s.agreements.propose({
      actor: STAFF,
      input: { kind: "twinning", title: "Αδελφοποίηση με τη Νις", partyIds: [partner.partner.id] },
      submissionKey: "a1",
    });
    if (proposed.status !== "created") throw new Error(proposed.status);
    agreementId = proposed.agreement.id;
    // Proposed early in 2025 (entered now as it stood): the years' exports both have it.
    await prisma.agreement.update({
      where: { id: agreementId },
      data: { createdAt: new Date("2025-01-15T10:00:00Z") },
    });
    const step = async (step: Parameters<typeof s.agreements.step>[0]["step"], input = {}) => {
      const r = await s.agreements.step({ actor: MANAGER, id: agreementId, step, input, submissionKey: step });
      if (r.status !== "done") throw new Error(`${step}: ${r.status}`);
    };
    await step("committee_opinion");
    await step("council_decision", { decisionNumber: "12/2026", decisionDate: "2026-11-10", ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" });
    await step("signed", { signedOn: "2026-11-28", signedPlace: "Νις" });
    await step("in_force");
    const add = async (name: string, owner: string, recurrence: string, firstDueOn: string) => {
      const r = await s.agreements.addObligation({
        actor: STAFF,
        agreementId,
        input: { description: name, owner, recurrence, firstDueOn },
        submissionKey: name,
      });
      if (r.status !== "created") throw new Error(r.status);
      obligation[name] = r.obligation.id;
    };
    await add("Ετήσια αναφορά", STAFF, "yearly", "2026-11-20"); // late
    await add("Κοινή εκδήλωση", STAFF, "once", TODAY); // today
    await add("Ανταλλαγή μαθητών", STAFF, "once", "2026-12-04"); // this week
    await add("Συνδρομή", STAFF, "once", "2026-12-20"); // later: not on the Home
    await add("Επίσκεψη <!channel>", STAFF, "once", "2026-03-10"); // kept below
    await add("Έκθεση στο συμβούλιο", STAFF, "yearly", "2025-05-01"); // 2025 missed, 2026 late
    await add("Υποδοχή αντιπροσωπείας", MANAGER, "once", "2026-12-02"); // the manager's
    const kept = await s.agreements.settle({
      actor: STAFF,
      obligationId: obligation["Επίσκεψη <!channel>"] ?? 0,
      dueOn: "2026-03-10",
      outcome: "done",
      note: "Έγινε",
    });
    expect(kept.status).toBe("settled");
  });
  afterAll(() => database?.dispose());

  const home = () =>
    createHomeService({
      sources: [createPartnersHomeSource(s.agreements, roles)],
      digestSections: [],
      roles,
      calendar: { previousWorkingDay: async (d) => d },
      health: { failedSince: async () => [], channelProblems: async () => [], unsetChannels: () => [] },
      clock,
      timeZone: TZ,
    });

  it("shows a person's own obligations late, due today and this week, in the Home's order", async () => {
    const answer = await home().homeOf(STAFF, "el");
    if (answer.status !== "home") throw new Error(answer.status);
    expect(answer.items.map((i) => [i.due, i.title.split(" · ")[0]])).toEqual([
      ["2026-05-01", `*#${agreementId}* Έκθεση στο συμβούλιο`],
      ["2026-11-20", `*#${agreementId}* Ετήσια αναφορά`],
      [TODAY, `*#${agreementId}* Κοινή εκδήλωση`],
      ["2026-12-04", `*#${agreementId}* Ανταλλαγή μαθητών`],
    ]);
    // Its owner keeps it from the Home (a button with the card menu's value); waiving is a manager's.
    const action = answer.items[1]?.action;
    expect(action).toMatchObject({ type: "button", actionId: "agreement_menu" });
    if (action?.type !== "button") throw new Error("no button");
    expect(agreementMenuValue.decode(action.value)).toEqual({ choice: "done", id: obligation["Ετήσια αναφορά"] });
    expect(checkView(buildHomeView(answer, "el") as never)).toBeUndefined();
  });

  it("gives a manager their own, with kept and waived in a menu", async () => {
    const answer = await home().homeOf(MANAGER, "en");
    if (answer.status !== "home") throw new Error(answer.status);
    expect(answer.items).toHaveLength(1);
    expect(answer.items[0]).toMatchObject({ due: "2026-12-02", kind: "Agreement's obligation" });
    const action = answer.items[0]?.action;
    if (action?.type !== "overflow") throw new Error("no menu");
    expect(action.options.map((o) => agreementMenuValue.decode(o.value))).toEqual([
      { choice: "done", id: obligation["Υποδοχή αντιπροσωπείας"] },
      { choice: "waive", id: obligation["Υποδοχή αντιπροσωπείας"] },
    ]);
  });

  it("an item kept leaves the Home", async () => {
    await s.agreements.settle({
      actor: STAFF,
      obligationId: obligation["Κοινή εκδήλωση"] ?? 0,
      dueOn: TODAY,
      outcome: "done",
      note: "Συναυλία",
    });
    const answer = await home().homeOf(STAFF, "el");
    if (answer.status !== "home") throw new Error(answer.status);
    expect(answer.items.map((i) => i.due)).toEqual(["2026-05-01", "2026-11-20", "2026-12-04"]);
  });

  const period = (text: string) => {
    const parsed = parsePeriod(text, { today: TODAY, timeZone: TZ });
    if (!parsed.ok) throw new Error(text);
    return parsed.period;
  };
  const figures = async (text: string, locale: "el" | "en" = "el") => {
    const section = await buildReportSection(createPartnersReportSource(s.agreements), {
      period: period(text),
      locale,
      timeZone: TZ,
      today: TODAY,
      now: clock.now(),
    });
    return { section, value: Object.fromEntries(section.figures.map((f) => [f.id, f.value])) };
  };

  it("counts the period's agreements and due dates as the year's export lists them", async () => {
    for (const year of [2025, 2026]) {
      const { value } = await figures(String(year));
      const export_ = buildAgreementReport(await s.agreements.all(), year, TODAY, "el");
      const standings = export_.rows.filter((r) => r[8]).map((r) => r[9]);
      const of = (shown: string) => standings.filter((x) => x === shown).length;
      expect(value["agreements.due"]).toBe(standings.length);
      expect(value["agreements.kept"]).toBe(of("τηρήθηκε"));
      expect(value["agreements.waived"]).toBe(of("παραλείφθηκε"));
      expect(value["agreements.late"]).toBe(of("καθυστερεί"));
      expect(value["agreements.missed"]).toBe(of("χάθηκε"));
      expect(value["agreements.upcoming"]).toBe(of("επικείμενη") + of("σήμερα"));
    }
    // What the rows hold, so the agreement above is not of two empty sides.
    expect((await figures("2025")).value).toMatchObject({
      "agreements.due": 1,
      "agreements.missed": 1,
      "agreements.signed": 0,
      "agreements.inForce": 0,
    });
    expect((await figures("2026")).value).toMatchObject({
      "agreements.due": 7,
      "agreements.kept": 2,
      "agreements.late": 2,
      "agreements.upcoming": 3,
      "agreements.signed": 1,
      "agreements.inForce": 1,
    });
  });

  it("takes a quarter's due dates only, with the ones not kept named", async () => {
    const { value, section } = await figures("2026-Q1");
    expect(value).toMatchObject({ "agreements.due": 1, "agreements.kept": 1, "agreements.signed": 0 });
    const q4 = await figures("2026-Q4", "en");
    expect(q4.value["agreements.due"]).toBe(5);
    expect(q4.section.notable?.items).toEqual([
      `#${agreementId} Αδελφοποίηση με τη Νις · Ετήσια αναφορά · 2026-11-20 · late`,
    ]);
    expect(section.empty).toBeUndefined();
    const empty = describeAgreements(
      { agreements: [] },
      { period: period("2024"), today: TODAY, locale: "en", timeZone: TZ },
    );
    expect(empty.empty).toBe("No agreement or obligation in this period.");
  });

  it("edits an agreement's particulars once per form, with who and when; its steps and status stay", async () => {
    const before = await s.agreements.get(agreementId);
    if (!before) throw new Error("gone");
    const input = {
      kind: "twinning",
      title: "Αδελφοποίηση Αμαρουσίου–Νις",
      partyIds: before.parties.map((p) => p.partnerId),
      fields: "Πολιτισμός\nΑθλητισμός",
      durationYears: "",
      expiresOn: "2031-11-28",
      renewal: "automatic",
      notes: "",
    };
    expect(await s.agreements.edit({ actor: "U0NOBODY1", id: agreementId, input, submissionKey: "e0" })).toEqual({
      status: "refused",
      reason: "staff_only",
    });
    expect(
      await s.agreements.edit({ actor: STAFF, id: agreementId, input: { ...input, title: "" }, submissionKey: "e0" }),
    ).toMatchObject({ status: "invalid", errors: { title: { code: "required" } } });
    expect(
      await s.agreements.edit({
        actor: STAFF,
        id: agreementId,
        input: { ...input, partyIds: [999999] },
        submissionKey: "e0",
      }),
    ).toMatchObject({ status: "invalid", errors: { parties: { code: "required" } } });
    const saved = await s.agreements.edit({ actor: STAFF, id: agreementId, input, submissionKey: "e1" });
    expect(saved).toMatchObject({
      status: "saved",
      agreement: { title: "Αδελφοποίηση Αμαρουσίου–Νις", renewal: "automatic", status: "in_force" },
    });
    // The same form again (a Slack retry), even with other values, records and writes nothing more.
    const retry = await s.agreements.edit({
      actor: STAFF,
      id: agreementId,
      input: { ...input, title: "Άλλος τίτλος" },
      submissionKey: "e1",
    });
    expect(retry).toMatchObject({ status: "already_stored", agreement: { title: "Αδελφοποίηση Αμαρουσίου–Νις" } });
    const a = await s.agreements.get(agreementId);
    expect(a?.fields).toEqual(["Πολιτισμός", "Αθλητισμός"]);
    expect(a?.expiresOn?.toISOString().slice(0, 10)).toBe("2031-11-28");
    expect(a?.steps.filter((x) => x.step === "edited").map((x) => [x.by, x.fromStatus, x.toStatus])).toEqual([
      [STAFF, "in_force", "in_force"],
    ]);
    // An edit of the record is not something done with the partner: the timeline leaves it out.
    const partnerId = a?.parties[0]?.partnerId ?? 0;
    expect((await s.agreements.timelineOf(partnerId)).some((i) => i.code === "edited")).toBe(false);
  });
});
