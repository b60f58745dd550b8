// The partners' and agreements' use cases on the real database engine: who may do what (refusals
// are values), each step recorded once with who and when, obligations settled once, the search in
// any script, a partner's timeline gathered from four areas (its agreements, the correspondence,
// the translations and the events with their gifts), and the digest's sections with a hundred
// obligations due, within Slack's limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { createLetterService } from "../../src/areas/correspondence/letter-service.js";
import { buildSection, type DigestWindow } from "../../src/areas/digest/digest-section.js";
import { buildDigestMessages } from "../../src/areas/digest/slack/digest-views.js";
import { buildEventService } from "../../src/areas/events/service.js";
import { createEventStore } from "../../src/areas/events/store.js";
import { buildAgreementReport } from "../../src/areas/partners/agreement-report.js";
import { createPartnersServices } from "../../src/areas/partners/index.js";
import { createPartnersDigestSections } from "../../src/areas/partners/partners-digest.js";
import { validateObligation } from "../../src/areas/partners/validation.js";
import { createTranslationService } from "../../src/areas/translations/translation-service.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import { checkMessage } from "../support/block-kit-limits.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const OUTSIDER = "U0OUTSID1";

describe("partners and agreements", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let database: TestDatabase;
  let s: ReturnType<typeof createPartnersServices>;
  let faenzaId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    const roles = createRoleService({ prisma });
    for (const u of [STAFF, MANAGER]) await roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    await roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "t" });
    const contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
    const timeZone = "Europe/Athens";
    s = createPartnersServices({
      prisma,
      clock,
      timeZone,
      roles,
      contacts,
      letters: createLetterService({ prisma, clock, timeZone, contacts, roles }),
      translations: createTranslationService({ prisma, clock, timeZone, roles }),
      events: buildEventService({ store: createEventStore(prisma), roles, clock, timeZone }),
    });
  });
  afterAll(() => database?.dispose());

  const faenza = {
    kind: "twinned_city",
    nameEl: "Φαέντσα",
    nameLatin: "Faenza",
    country: "Ιταλία",
    languages: "it, en",
    since: "2003-05-10",
  };

  it("enters a partner once per submission, its organisation in the contact archive; outsiders are refused", async () => {
    expect(await s.partners.create({ actor: OUTSIDER, input: faenza, submissionKey: "v1" })).toEqual({
      status: "refused",
      reason: "staff_only",
    });
    const bad = await s.partners.create({
      actor: STAFF,
      input: { ...faenza, country: "Atlantis" },
      submissionKey: "v0",
    });
    expect(bad).toMatchObject({ status: "invalid", errors: { country: { code: "country" } } });
    const made = await s.partners.create({
      actor: STAFF,
      input: faenza,
      people: "Κανείς Άγνωστος",
      submissionKey: "v1",
    });
    if (made.status !== "created") throw new Error(made.status);
    expect(made.partner.country).toBe("IT");
    expect(made.partner.contactId).not.toBeNull();
    expect(made.unknownPeople).toEqual(["Κανείς Άγνωστος"]);
    faenzaId = made.partner.id;
    expect((await s.partners.create({ actor: STAFF, input: faenza, submissionKey: "v1" })).status).toBe(
      "already_stored",
    );
    const contacts = await database.db.prisma.contact.findMany({ where: { organisation: "Φαέντσα" } });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.categorySlug).toBe("twin_cities");
  });

  it("finds a partner in Greek, Greeklish and Latin, and by its country", async () => {
    await s.partners.create({
      actor: STAFF,
      input: { kind: "twinned_city", nameEl: "Νις", nameLatin: "Niš", country: "RS" },
      submissionKey: "v2",
    });
    for (const q of ["Φαέντσα", "faentsa", "FAENZA", "φαεντσα"])
      expect(
        (await s.partners.search(q)).map((p) => p.nameEl),
        q,
      ).toEqual(["Φαέντσα"]);
    expect((await s.partners.search("Italy")).map((p) => p.nameEl)).toEqual(["Φαέντσα"]);
    expect((await s.partners.search("Σερβία")).map((p) => p.nameEl)).toEqual(["Νις"]);
    expect(await s.partners.search("Βουκουρέστι")).toEqual([]);
  });

  it("changes a partner's status with why, once; an end without a reason is refused", async () => {
    const id = (await s.partners.search("Νις"))[0]?.id as number;
    expect(await s.partners.setStatus({ actor: STAFF, id, to: "ended", submissionKey: "st0" })).toEqual({
      status: "reason_required",
    });
    const moved = await s.partners.setStatus({
      actor: STAFF,
      id,
      to: "dormant",
      reason: "Καμία απάντηση",
      submissionKey: "st1",
    });
    expect(moved).toMatchObject({ status: "saved", partner: { status: "dormant", statusReason: "Καμία απάντηση" } });
    expect(
      (await s.partners.setStatus({ actor: STAFF, id, to: "dormant", reason: "x", submissionKey: "st2" })).status,
    ).toBe("refused");
    expect((await s.partners.changesOf(id)).map((c) => [c.what, c.by])).toEqual([["dormant", STAFF]]);
  });

  let agreementId: number;
  it("takes an agreement through its steps, each once, with who and when; staff propose, managers decide", async () => {
    const proposed = await s.agreements.propose({
      actor: STAFF,
      input: {
        kind: "twinning",
        title: "Αδελφοποίηση Αμαρουσίου–Φαέντσας",
        partyIds: [faenzaId],
        durationYears: "5",
        fields: "Πολιτισμός\nΠαιδεία",
      },
      submissionKey: "a1",
    });
    if (proposed.status !== "created") throw new Error(proposed.status);
    agreementId = proposed.agreement.id;
    expect(proposed.agreement.fields).toEqual(["Πολιτισμός", "Παιδεία"]);
    const step = (
      actor: string,
      step: Parameters<typeof s.agreements.step>[0]["step"],
      input = {},
      key = `${step}:${actor}`,
    ) => s.agreements.step({ actor, id: agreementId, step, input, submissionKey: key });

    expect(await step(STAFF, "committee_opinion")).toMatchObject({ status: "refused", reason: "managers_only" });
    expect(await step(MANAGER, "council_decision")).toMatchObject({ status: "refused", reason: "not_allowed_now" });
    expect((await step(MANAGER, "committee_opinion")).status).toBe("done");
    // The same form again (a Slack retry) and another click: recorded once.
    expect((await step(MANAGER, "committee_opinion")).status).toBe("already_recorded");
    expect(await step(MANAGER, "committee_opinion", {}, "other")).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
    });
    const badAda = await step(MANAGER, "council_decision", {
      decisionNumber: "312/2026",
      decisionDate: "2026-11-20",
      ada: "Ψ4ΛΚ46-ΞΣ4",
    });
    expect(badAda).toMatchObject({ status: "invalid", errors: { ada: { code: "ada" } } });
    const decided = await step(
      MANAGER,
      "council_decision",
      { decisionNumber: "312/2026", decisionDate: "2026-11-20", ada: "ψ4λκ46μτλ6-ξσ4" },
      "decision-ok",
    );
    expect(decided).toMatchObject({ status: "done", agreement: { ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4", decisionNumber: "312/2026" } });
    const signed = await step(MANAGER, "signed", { signedOn: "2026-11-28", signedPlace: "Φαέντσα" });
    // Five years from the signature.
    expect(signed).toMatchObject({ status: "done", agreement: { status: "signed" } });
    if (signed.status === "done") expect(signed.agreement.expiresOn?.toISOString().slice(0, 10)).toBe("2031-11-28");
    expect((await step(MANAGER, "in_force")).status).toBe("done");
    const a = await s.agreements.get(agreementId);
    expect(a?.steps.map((x) => [x.step, x.by])).toEqual([
      ["proposal", STAFF],
      ["committee_opinion", MANAGER],
      ["council_decision", MANAGER],
      ["signed", MANAGER],
      ["in_force", MANAGER],
    ]);
  });

  it("settles an obligation's due date once: done by its owner or a manager, waived only by a manager", async () => {
    const added = await s.agreements.addObligation({
      actor: STAFF,
      agreementId,
      input: {
        description: "Ετήσια επίσκεψη αντιπροσωπείας",
        owner: STAFF,
        recurrence: "yearly",
        firstDueOn: "2026-12-03",
      },
      submissionKey: "o1",
    });
    if (added.status !== "created") throw new Error(added.status);
    const id = added.obligation.id;
    expect(
      await s.agreements.settle({ actor: STAFF, obligationId: id, dueOn: "2026-12-03", outcome: "waived", note: "x" }),
    ).toMatchObject({ status: "refused", reason: "managers_only" });
    expect(
      await s.agreements.settle({ actor: STAFF, obligationId: id, dueOn: "2026-12-04", outcome: "done", note: "x" }),
    ).toMatchObject({ status: "refused", reason: "not_a_due_date" });
    expect(
      await s.agreements.settle({
        actor: STAFF,
        obligationId: id,
        dueOn: "2027-12-03",
        outcome: "done",
        note: "",
        link: "nonsense",
      }),
    ).toMatchObject({ status: "invalid", errors: { note: { code: "required" }, link: { code: "link" } } });
    const kept = await s.agreements.settle({
      actor: STAFF,
      obligationId: id,
      dueOn: "2026-12-03",
      outcome: "done",
      note: "Επίσκεψη του δημάρχου",
      link: "event 5",
    });
    expect(kept.status).toBe("settled");
    expect(
      (
        await s.agreements.settle({
          actor: MANAGER,
          obligationId: id,
          dueOn: "2026-12-03",
          outcome: "waived",
          note: "x",
        })
      ).status,
    ).toBe("already_settled");
    const a = await s.agreements.get(agreementId);
    if (!a) throw new Error("gone");
    expect(a.obligations[0]?.occurrences.map((o) => [o.outcome, o.link, o.by])).toEqual([["done", "event:5", STAFF]]);
    expect(s.agreements.kept(a, "2026-12-05").get(2026)).toMatchObject({ done: 1 });
  });

  it("gathers a partner's timeline from its agreements, letters, translations, events and gifts", async () => {
    const prisma = database.db.prisma;
    const translation = await prisma.translationRequest.create({
      data: {
        title: "Επιστολή δημάρχου",
        documentUrl: "https://example.org/d",
        sourceLang: "el",
        targetLang: "it",
        dueOn: new Date("2026-11-10T00:00:00Z"),
        requestedBy: STAFF,
        createdAt: new Date("2026-11-02T09:00:00Z"),
      },
    });
    await prisma.letter.create({
      data: {
        registerYear: 2026,
        registerSeq: 34,
        direction: "outgoing",
        letterDate: new Date("2026-11-12T00:00:00Z"),
        counterpart: "Comune di Faenza",
        subject: "Πρόσκληση στα Χριστούγεννα",
        translationRequestId: translation.id,
        createdBy: STAFF,
      },
    });
    await prisma.letter.create({
      data: {
        registerYear: 2026,
        registerSeq: 35,
        direction: "incoming",
        letterDate: new Date("2026-11-13T00:00:00Z"),
        counterpart: "Πόλη της Λυών",
        subject: "Άσχετη",
        createdBy: STAFF,
      },
    });
    const event = await prisma.event.create({
      data: {
        title: "Υποδοχή αντιπροσωπείας",
        typeSlug: "reception",
        startsAt: new Date("2026-10-05T15:00:00Z"),
        endsAt: new Date("2026-10-05T17:00:00Z"),
        relatedOrganisation: "Δήμος Φαέντσας",
        createdBy: STAFF,
      },
    });
    await prisma.eventGift.create({
      data: {
        eventId: event.id,
        what: "Κεραμικό του Αμαρουσίου",
        forWhom: "Δήμαρχος",
        addedBy: STAFF,
        addedAt: new Date("2026-10-05T16:00:00Z"),
      },
    });
    const card = await s.partners.card(faenzaId);
    if (!card) throw new Error("gone");
    const kinds = new Set(card.timeline.map((i) => i.kind));
    for (const k of ["agreement_step", "obligation_done", "letter_out", "translation", "event", "gift"] as const)
      expect(kinds.has(k), k).toBe(true);
    expect(card.timeline.find((i) => i.kind === "letter_out")?.ref).toBe("2026/0034");
    expect(card.timeline.some((i) => i.title === "Άσχετη")).toBe(false);
    // Newest first.
    const dates = card.timeline.map((i) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(card.lastActivity).toBe("2026-12-01");
  });

  it("flags a partner with nothing for a year as dormant", async () => {
    await s.partners.create({
      actor: STAFF,
      input: { kind: "university", nameEl: "Πανεπιστήμιο της Μπολόνια", country: "IT" },
      submissionKey: "v3",
    });
    // A year on: Faenza's last activity (its obligation kept on 1 December 2026) is too; Niš is
    // already marked dormant, so it is not flagged again.
    expect((await s.partners.dormant("2027-12-03")).map((d) => d.partner.nameEl).sort()).toEqual([
      "Πανεπιστήμιο της Μπολόνια",
      "Φαέντσα",
    ]);
    expect(await s.partners.dormant("2027-06-01")).toEqual([]);
  });

  it("puts a hundred obligations due into the digest within Slack's limits, and the year's report", async () => {
    const obligation = (i: number) => ({
      description: `Υποχρέωση ${i} ${"λ".repeat(150)}`,
      owner: STAFF,
      recurrence: "yearly",
      firstDueOn: "2026-12-07",
    });
    // The first through the use case, as the others were entered one by one above; the other 99 as
    // it would store them, in one statement.
    expect(
      (await s.agreements.addObligation({ actor: STAFF, agreementId, input: obligation(0), submissionKey: "bulk0" }))
        .status,
    ).toBe("created");
    const drafts = Array.from({ length: 99 }, (_, k) => {
      const checked = validateObligation(obligation(k + 1));
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      return checked.draft;
    });
    const { count } = await database.db.prisma.obligation.createMany({
      data: drafts.map((draft, k) => ({
        agreementId,
        description: draft.description,
        owner: draft.owner,
        recurrence: draft.recurrence,
        firstDueOn: new Date(`${draft.firstDueOn}T00:00:00Z`),
        createdBy: STAFF,
        submissionKey: `bulk${k + 1}`,
      })),
    });
    expect(count).toBe(99);
    const sections = createPartnersDigestSections(s.agreements, s.partners);
    const window: DigestWindow = {
      date: "2026-12-02",
      since: new Date("2026-12-01T06:00:00Z"),
      until: new Date("2026-12-02T06:00:00Z"),
      timeZone: "Europe/Athens",
      locale: "el",
    };
    const due = await buildSection(sections[0] as never, window);
    // The first obligation's 3 December is already kept.
    expect(due?.items).toHaveLength(100);
    const all = [];
    for (const section of sections) {
      const content = await buildSection(section, window);
      if (content) all.push(content);
    }
    const built = buildDigestMessages({ t: messages("el"), dateLabel: "2/12/2026", sections: all, late: false });
    for (const m of [built.main, ...built.thread]) expect(checkMessage(m as never)).toBeUndefined();
    expect(built.thread.length).toBeGreaterThan(0);
    const report = buildAgreementReport(await s.agreements.all(), 2026, "2026-12-02", "el");
    expect(report.rows.length).toBe(101);
  });
});
