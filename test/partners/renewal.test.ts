// An agreement's renewal on the real database engine, as the law has it: from in force (or expired)
// a renewal is proposed (staff), the council decides it (managers: number, date, ΑΔΑ), and it is
// renewed with its new end date (managers) or the agreement is ended; each recorded once with who
// and when, whatever Slack retries or a second manager does; the digest's "expiring within 90 days"
// names the renewal's next step and the partner's timeline shows each step.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { createLetterService } from "../../src/areas/correspondence/letter-service.js";
import { buildEventService } from "../../src/areas/events/service.js";
import { createEventStore } from "../../src/areas/events/store.js";
import type { AgreementStep } from "../../src/areas/partners/agreement-flow.js";
import { createPartnersServices } from "../../src/areas/partners/index.js";
import { expiringSection } from "../../src/areas/partners/slack/digest-views.js";
import { createTranslationService } from "../../src/areas/translations/translation-service.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const OTHER_MANAGER = "U0MANAG02";
const OUTSIDER = "U0OUTSID1";

describe("an agreement's renewal through the council", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let database: TestDatabase;
  let s: ReturnType<typeof createPartnersServices>;
  let partnerId: number;
  let agreementId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    const roles = createRoleService({ prisma });
    for (const u of [STAFF, MANAGER, OTHER_MANAGER])
      await roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    for (const u of [MANAGER, OTHER_MANAGER])
      await roles.grantRole({ slackUserId: u, role: "manager", grantedBy: "t" });
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
    const partner = await s.partners.create({
      actor: STAFF,
      input: { kind: "twinned_city", nameEl: "Νις", nameLatin: "Niš", country: "Σερβία", since: "2008-06-01" },
      submissionKey: "p1",
    });
    if (partner.status !== "created") throw new Error(partner.status);
    partnerId = partner.partner.id;
    const proposed = await s.agreements.propose({
      actor: STAFF,
      input: { kind: "cooperation", title: "Συνεργασία με τη Νις", partyIds: [partnerId], expiresOn: "2027-02-15" },
      submissionKey: "a1",
    });
    if (proposed.status !== "created") throw new Error(proposed.status);
    agreementId = proposed.agreement.id;
    await step(MANAGER, "committee_opinion");
    await step(MANAGER, "council_decision", {
      decisionNumber: "101/2024",
      decisionDate: "2024-03-10",
      ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4",
    });
    await step(MANAGER, "signed", { signedOn: "2024-04-01", signedPlace: "Νις" });
    expect(await step(MANAGER, "in_force")).toMatchObject({ status: "done", agreement: { status: "in_force" } });
  });
  afterAll(() => database?.dispose());

  function step(actor: string, step: AgreementStep, input = {}, key = `${step}:${actor}`) {
    return s.agreements.step({ actor, id: agreementId, step, input, submissionKey: key });
  }
  const nextStepLine = async () => expiringSection(await s.agreements.expiringSoon("2026-12-01"), "en").items;

  it("lists it as expiring within 90 days, its next step a renewal's proposal", async () => {
    expect(await nextStepLine()).toEqual([
      `• #${agreementId} *Συνεργασία με τη Νις* · ends on 15/2/2027; next step: a renewal proposal and the council's decision`,
    ]);
  });

  it("refuses a renewal without the council's decision, and a decision without a proposal", async () => {
    expect(await step(MANAGER, "renewed", { expiresOn: "2030-02-15" })).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
    });
    expect(
      await step(MANAGER, "renewal_decision", {
        decisionNumber: "9/2027",
        decisionDate: "2026-11-30",
        ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4",
      }),
    ).toMatchObject({ status: "refused", reason: "not_allowed_now" });
  });

  it("takes a renewal's proposal from staff, once; outsiders are refused", async () => {
    expect(await step(OUTSIDER, "renewal_proposed")).toMatchObject({ status: "refused", reason: "staff_only" });
    const proposed = await step(STAFF, "renewal_proposed");
    expect(proposed).toMatchObject({ status: "done", agreement: { status: "in_force", renewalStage: "proposed" } });
    // Slack's retry of the same form, and another person's form: recorded once.
    expect((await step(STAFF, "renewal_proposed")).status).toBe("already_recorded");
    expect(await step(MANAGER, "renewal_proposed")).toMatchObject({ status: "refused", reason: "not_allowed_now" });
    expect(await nextStepLine()).toEqual([
      `• #${agreementId} *Συνεργασία με τη Νις* · ends on 15/2/2027; renewal proposed, next step: the council's decision`,
    ]);
  });

  it("takes the council's decision from a manager, its ΑΔΑ checked, and keeps the first decision on the agreement", async () => {
    const decision = { decisionNumber: "7/2026", decisionDate: "2026-11-27", ada: "ψ4λκ46μτλ6-ξσ5" };
    expect(await step(STAFF, "renewal_decision", decision)).toMatchObject({
      status: "refused",
      reason: "managers_only",
    });
    expect(await step(MANAGER, "renewal_decision", { ...decision, ada: "7/2026" }, "bad")).toMatchObject({
      status: "invalid",
      errors: { ada: { code: "ada" } },
    });
    expect(await step(MANAGER, "renewal_decision", { decisionNumber: "7/2026" }, "empty")).toMatchObject({
      status: "invalid",
      errors: { decisionDate: { code: "required" }, ada: { code: "required" } },
    });
    const decided = await step(MANAGER, "renewal_decision", decision);
    expect(decided).toMatchObject({
      status: "done",
      agreement: { status: "in_force", renewalStage: "decided", decisionNumber: "101/2024", ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" },
    });
    expect((await step(MANAGER, "renewal_decision", decision)).status).toBe("already_recorded");
    expect(await step(OTHER_MANAGER, "renewal_decision", decision)).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
    });
    const a = await s.agreements.get(agreementId);
    expect(a?.steps.at(-1)).toMatchObject({
      step: "renewal_decision",
      by: MANAGER,
      note: "7/2026 · 2026-11-27 · Ψ4ΛΚ46ΜΤΛ6-ΞΣ5",
    });
    expect(await nextStepLine()).toEqual([
      `• #${agreementId} *Συνεργασία με τη Νις* · ends on 15/2/2027; the council decided the renewal, next step: record its new end date`,
    ]);
  });

  it("renews it with a new end after the old one, once, by a manager; then it is no longer expiring", async () => {
    expect(await step(STAFF, "renewed", { expiresOn: "2030-02-15" })).toMatchObject({
      status: "refused",
      reason: "managers_only",
    });
    expect(await step(MANAGER, "renewed", { expiresOn: "2027-01-10" }, "early")).toMatchObject({
      status: "invalid",
      errors: { expiresOn: { code: "notAfter" } },
    });
    clock.set(new Date("2026-12-02T09:00:00Z"));
    const renewed = await step(MANAGER, "renewed", { expiresOn: "2030-02-15" });
    expect(renewed).toMatchObject({ status: "done", agreement: { status: "in_force", renewalStage: null } });
    if (renewed.status === "done") expect(renewed.agreement.expiresOn?.toISOString().slice(0, 10)).toBe("2030-02-15");
    expect((await step(MANAGER, "renewed", { expiresOn: "2030-02-15" })).status).toBe("already_recorded");
    expect(await step(OTHER_MANAGER, "renewed", { expiresOn: "2031-02-15" })).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
    });
    expect(await s.agreements.expiringSoon("2026-12-02")).toEqual([]);
    const a = await s.agreements.get(agreementId);
    expect(a?.steps.map((x) => [x.step, x.by, x.fromStatus, x.toStatus])).toEqual([
      ["proposal", STAFF, "proposal", "proposal"],
      ["committee_opinion", MANAGER, "proposal", "committee_opinion"],
      ["council_decision", MANAGER, "committee_opinion", "council_decision"],
      ["signed", MANAGER, "council_decision", "signed"],
      ["in_force", MANAGER, "signed", "in_force"],
      ["renewal_proposed", STAFF, "in_force", "in_force"],
      ["renewal_decision", MANAGER, "in_force", "in_force"],
      ["renewed", MANAGER, "in_force", "in_force"],
    ]);
    expect(a?.steps.at(-1)?.at.toISOString()).toBe("2026-12-02T09:00:00.000Z");
    // The partner's timeline shows each renewal step.
    const timeline = await s.agreements.timelineOf(partnerId);
    expect(timeline.filter((i) => i.kind === "agreement_step").map((i) => [i.code, i.date])).toEqual(
      expect.arrayContaining([
        ["renewal_proposed", "2026-12-01"],
        ["renewal_decision", "2026-12-01"],
        ["renewed", "2026-12-02"],
      ]),
    );
  });

  it("takes a renewal's proposal for an expired agreement too, and ends it while that renewal is under way", async () => {
    expect((await step(MANAGER, "expired", {}, "exp1")).status).toBe("done");
    expect((await step(STAFF, "renewal_proposed", {}, "rp2")).status).toBe("done");
    const ended = await step(MANAGER, "ended", { reason: "Το συμβούλιο δεν ενέκρινε την ανανέωση" }, "end");
    expect(ended).toMatchObject({ status: "done", agreement: { status: "ended", renewalStage: null } });
    expect(await step(MANAGER, "renewal_proposed", {}, "rp3")).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
    });
  });
});
