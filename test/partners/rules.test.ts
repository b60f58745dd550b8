// The partners area's pure rules: an agreement's steps and who takes them, the ΑΔΑ's form, the
// recurrence of obligations across years, the days their owners are reminded on around holidays,
// late and missed, and the forms' validation. No database.
import { describe, expect, it } from "vitest";
import {
  AGREEMENT_STEPS,
  type AgreementStatus,
  checkAgreementStep,
  diavgeiaUrl,
  expiresSoon,
  nextSteps,
  normaliseAda,
  type Renewal,
  type RenewalStage,
  renewalNextStep,
  STEP_RULES,
  stageAfter,
  statusAfter,
} from "../../src/areas/partners/agreement-flow.js";
import { countryName, parseCountry, parseLanguage } from "../../src/areas/partners/countries.js";
import {
  dueDatesBetween,
  dueStanding,
  keptByYear,
  reminderDays,
  sameDayIn,
} from "../../src/areas/partners/obligation-rules.js";
import {
  parseFulfilmentLink,
  validateAgreement,
  validatePartner,
  validateStep,
} from "../../src/areas/partners/validation.js";
import { type CalendarFacts, isWorkingDay, previousWorkingDay } from "../../src/calendar/working-days.js";

const facts: CalendarFacts = { overrides: [], localHolidays: [] };
const calendar = {
  isWorkingDay: (d: string) => isWorkingDay(d, facts),
  previousWorkingDay: (d: string) => previousWorkingDay(d, facts),
};

describe("an agreement's steps", () => {
  const statuses: AgreementStatus[] = [
    "proposal",
    "committee_opinion",
    "council_decision",
    "signed",
    "in_force",
    "expired",
    "ended",
  ];
  const at = (status: AgreementStatus, renewalStage: RenewalStage | null = null, renewal: Renewal = "by_decision") => ({
    status,
    renewalStage,
    renewal,
  });
  it("goes proposal → opinion → decision → signed → in force, and only a manager takes a step", () => {
    const manager = { staff: true, manager: true };
    for (const status of statuses)
      for (const step of AGREEMENT_STEPS.filter((s) => !s.startsWith("renew")))
        expect(checkAgreementStep(step, at(status), manager), `${step} from ${status}`).toBe(
          STEP_RULES[step].from.includes(status) ? undefined : "not_allowed_now",
        );
    expect(checkAgreementStep("committee_opinion", at("proposal"), { staff: true, manager: false })).toBe(
      "managers_only",
    );
    expect(checkAgreementStep("committee_opinion", at("proposal"), { staff: false, manager: false })).toBe(
      "staff_only",
    );
    expect(nextSteps(at("proposal"))).toEqual(["committee_opinion", "ended"]);
    expect(nextSteps(at("council_decision"))).toEqual(["signed", "ended"]);
    expect(nextSteps(at("in_force"))).toEqual(["renewal_proposed", "expired", "ended"]);
    expect(nextSteps(at("ended"))).toEqual([]);
    // Skipping the committee's opinion is not possible: the law asks for it before the decision.
    expect(checkAgreementStep("council_decision", at("proposal"), manager)).toBe("not_allowed_now");
  });

  it("renews through the council: proposed (staff) → the council's decision → renewed (managers)", () => {
    const staff = { staff: true, manager: false };
    const manager = { staff: true, manager: true };
    // From in force or expired, a renewal is proposed, by staff as the first proposal was.
    for (const status of ["in_force", "expired"] as const) {
      expect(checkAgreementStep("renewal_proposed", at(status), staff)).toBeUndefined();
      expect(statusAfter("renewal_proposed", status)).toBe(status);
      expect(stageAfter("renewal_proposed", null)).toBe("proposed");
    }
    for (const status of ["proposal", "committee_opinion", "council_decision", "signed", "ended"] as const)
      expect(checkAgreementStep("renewal_proposed", at(status), manager), status).toBe("not_allowed_now");
    expect(checkAgreementStep("renewal_proposed", at("in_force"), { staff: false, manager: false })).toBe("staff_only");
    // Proposed once: a second proposal finds one under way.
    expect(checkAgreementStep("renewal_proposed", at("in_force", "proposed"), manager)).toBe("not_allowed_now");
    expect(checkAgreementStep("renewal_proposed", at("in_force", "decided"), manager)).toBe("not_allowed_now");
    // The council's decision: a manager's, only on a proposed renewal, and needs number, date and ΑΔΑ.
    expect(STEP_RULES.renewal_decision.needs).toEqual(["decision"]);
    expect(checkAgreementStep("renewal_decision", at("in_force", "proposed"), staff)).toBe("managers_only");
    expect(checkAgreementStep("renewal_decision", at("in_force", "proposed"), manager)).toBeUndefined();
    expect(checkAgreementStep("renewal_decision", at("expired", "proposed"), manager)).toBeUndefined();
    expect(checkAgreementStep("renewal_decision", at("in_force"), manager)).toBe("not_allowed_now");
    expect(checkAgreementStep("renewal_decision", at("in_force", "decided"), manager)).toBe("not_allowed_now");
    expect(stageAfter("renewal_decision", "proposed")).toBe("decided");
    expect(statusAfter("renewal_decision", "expired")).toBe("expired");
    // Renewed: only after the decision, with its new end; back in force, no renewal under way.
    expect(STEP_RULES.renewed.needs).toEqual(["expiry"]);
    expect(checkAgreementStep("renewed", at("in_force"), manager)).toBe("not_allowed_now");
    expect(checkAgreementStep("renewed", at("in_force", "proposed"), manager)).toBe("not_allowed_now");
    expect(checkAgreementStep("renewed", at("in_force", "decided"), staff)).toBe("managers_only");
    expect(checkAgreementStep("renewed", at("expired", "decided"), manager)).toBeUndefined();
    expect(statusAfter("renewed", "expired")).toBe("in_force");
    expect(stageAfter("renewed", "decided")).toBeNull();
    // Or ended, whatever the renewal's stage; the end clears it.
    expect(checkAgreementStep("ended", at("in_force", "decided"), manager)).toBeUndefined();
    expect(stageAfter("ended", "proposed")).toBeNull();
    // Expiring while the renewal is under way keeps it under way.
    expect(stageAfter("expired", "proposed")).toBe("proposed");
    // The menu at each stage.
    expect(nextSteps(at("in_force", "proposed"))).toEqual(["renewal_decision", "expired", "ended"]);
    expect(nextSteps(at("expired", "decided"))).toEqual(["renewed", "ended"]);
    expect(nextSteps(at("expired"))).toEqual(["renewal_proposed", "ended"]);
    // An automatic renewal is recorded without the council; one without renewal is never proposed.
    expect(checkAgreementStep("renewed", at("in_force", null, "automatic"), manager)).toBeUndefined();
    expect(checkAgreementStep("renewal_proposed", at("in_force", null, "none"), manager)).toBe("not_allowed_now");
    expect(nextSteps(at("in_force", null, "none"))).toEqual(["expired", "ended"]);
  });

  it("names the renewal's next step for the digest", () => {
    expect(renewalNextStep({ renewal: "by_decision", renewalStage: null })).toBe("needs_proposal");
    expect(renewalNextStep({ renewal: "by_decision", renewalStage: "proposed" })).toBe("needs_decision");
    expect(renewalNextStep({ renewal: "by_decision", renewalStage: "decided" })).toBe("needs_renewal");
    expect(renewalNextStep({ renewal: "automatic", renewalStage: null })).toBe("renews_by_itself");
    expect(renewalNextStep({ renewal: "automatic", renewalStage: "proposed" })).toBe("needs_decision");
    expect(renewalNextStep({ renewal: "none", renewalStage: null })).toBe("new_agreement");
  });

  it("takes an ΑΔΑ as typed (Latin look-alikes, lower case, a dash) and refuses what cannot be one", () => {
    expect(normaliseAda("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4")).toBe("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4");
    expect(normaliseAda(" ψ4λκ46μτλ6 – ξσ4 ")).toBe("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4");
    // Κ, Μ and Τ typed on a Latin keyboard.
    expect(normaliseAda("Ψ4ΛK46MTΛ6-ΞΣ4")).toBe("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4");
    for (const bad of ["Ψ4ΛΚ46ΜΤΛ6ΞΣ4", "Ψ4ΛΚ46ΜΤΛ-ΞΣ4", "Ψ4ΛΚ46ΜΤΛ6-ΞΣ44", "W4ΛΚ46ΜΤΛ6-ΞΣ4", "", "123/2026"])
      expect(normaliseAda(bad), bad).toBeUndefined();
    expect(diavgeiaUrl("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4")).toBe(
      `https://diavgeia.gov.gr/decision/view/${encodeURIComponent("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4")}`,
    );
  });

  it("asks a council decision for its number, its date (not in the future) and a well-formed ΑΔΑ", () => {
    const bad = validateStep(
      ["decision"],
      { decisionNumber: "", decisionDate: "2027-01-05", ada: "12345" },
      "2026-12-01",
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual({
        decisionNumber: { code: "required" },
        decisionDate: { code: "future" },
        ada: { code: "ada" },
      });
    const good = validateStep(
      ["decision"],
      { decisionNumber: "312/2026", decisionDate: "2026-11-20", ada: "ψ4λκ46μτλ6-ξσ4" },
      "2026-12-01",
    );
    expect(good).toEqual({
      ok: true,
      draft: { decisionNumber: "312/2026", decisionDate: "2026-11-20", ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" },
    });
    const renewal = validateStep(["expiry"], { expiresOn: "2026-12-01" }, "2026-12-01");
    expect(renewal.ok).toBe(false);
    expect(validateStep(["reason"], { reason: "  " }, "2026-12-01").ok).toBe(false);
  });

  it("is in the digest when in force and ending within 90 days", () => {
    expect(expiresSoon({ status: "in_force", expiresOn: "2027-03-01" }, "2026-12-01")).toBe(true);
    expect(expiresSoon({ status: "in_force", expiresOn: "2027-03-02" }, "2026-12-01")).toBe(false);
    expect(expiresSoon({ status: "signed", expiresOn: "2027-01-01" }, "2026-12-01")).toBe(false);
    expect(expiresSoon({ status: "in_force", expiresOn: null }, "2026-12-01")).toBe(false);
  });
});

describe("obligations across the years", () => {
  it("falls due each year on the same day, every two years, or once; never after the agreement ends", () => {
    const yearly = { recurrence: "yearly" as const, firstDueOn: "2024-05-09" };
    expect(dueDatesBetween(yearly, "2023-01-01", "2027-12-31")).toEqual([
      "2024-05-09",
      "2025-05-09",
      "2026-05-09",
      "2027-05-09",
    ]);
    expect(dueDatesBetween({ ...yearly, until: "2026-05-08" }, "2020-01-01", "2030-12-31")).toEqual([
      "2024-05-09",
      "2025-05-09",
    ]);
    const biennial = { recurrence: "biennial" as const, firstDueOn: "2025-10-15" };
    expect(dueDatesBetween(biennial, "2026-01-01", "2031-12-31")).toEqual(["2027-10-15", "2029-10-15", "2031-10-15"]);
    expect(dueDatesBetween({ recurrence: "once", firstDueOn: "2026-03-01" }, "2026-01-01", "2026-12-31")).toEqual([
      "2026-03-01",
    ]);
    expect(dueDatesBetween({ recurrence: "once", firstDueOn: "2026-03-01" }, "2027-01-01", "2027-12-31")).toEqual([]);
  });

  it("keeps 29 February for leap years and takes the 28th in the others", () => {
    expect(sameDayIn("2024-02-29", 2025)).toBe("2025-02-28");
    expect(sameDayIn("2024-02-29", 2028)).toBe("2028-02-29");
    expect(sameDayIn("2024-02-29", 2100)).toBe("2100-02-28");
    expect(dueDatesBetween({ recurrence: "yearly", firstDueOn: "2024-02-29" }, "2024-01-01", "2028-12-31")).toEqual([
      "2024-02-29",
      "2025-02-28",
      "2026-02-28",
      "2027-02-28",
      "2028-02-29",
    ]);
  });

  it("reminds two working days before and on the day, counting around weekends and holidays", async () => {
    // Wednesday 9 December 2026: Monday 7 and the day itself.
    expect(await reminderDays("2026-12-09", calendar)).toEqual({ before: "2026-12-07", onDay: "2026-12-09" });
    // Monday 14 December: the Thursday and the Monday.
    expect(await reminderDays("2026-12-14", calendar)).toEqual({ before: "2026-12-10", onDay: "2026-12-14" });
    // Christmas (Friday 25 December 2026, a holiday): "on the day" is Thursday 24, before is Wednesday 23.
    expect(await reminderDays("2026-12-25", calendar)).toEqual({ before: "2026-12-23", onDay: "2026-12-24" });
    // Tuesday 29 December 2026: Christmas and the weekend are skipped back to Thursday 24.
    expect(await reminderDays("2026-12-29", calendar)).toEqual({ before: "2026-12-24", onDay: "2026-12-29" });
    // Epiphany, Wednesday 6 January 2027: on Tuesday 5, before on Monday 4.
    expect(await reminderDays("2027-01-06", calendar)).toEqual({ before: "2027-01-04", onDay: "2027-01-05" });
    // Orthodox Easter 2027 is 2 May: Good Friday (30 April), Easter Monday and Labour Day (moved to
    // Tuesday 4 May) are off, so two working days before Wednesday 5 May is Wednesday 28 April.
    expect(await reminderDays("2027-05-05", calendar)).toEqual({ before: "2027-04-28", onDay: "2027-05-05" });
  });

  it("is late once its day has passed and missed when its year ends or its next due date comes", () => {
    const yearly = { recurrence: "yearly" as const, firstDueOn: "2025-06-10" };
    expect(dueStanding(yearly, "2026-06-10", undefined, "2026-06-01")).toBe("upcoming");
    expect(dueStanding(yearly, "2026-06-10", undefined, "2026-06-10")).toBe("due_today");
    expect(dueStanding(yearly, "2026-06-10", undefined, "2026-06-11")).toBe("late");
    expect(dueStanding(yearly, "2026-06-10", undefined, "2026-12-31")).toBe("late");
    expect(dueStanding(yearly, "2026-06-10", undefined, "2027-01-01")).toBe("missed");
    expect(dueStanding(yearly, "2026-06-10", "done", "2027-01-01")).toBe("done");
    // A December obligation is missed from 1 January, not left late for a year.
    expect(dueStanding({ recurrence: "yearly", firstDueOn: "2025-12-20" }, "2026-12-20", undefined, "2027-01-02")).toBe(
      "missed",
    );
    const record = keptByYear(
      [
        { id: 1, ...yearly },
        { id: 2, recurrence: "biennial", firstDueOn: "2024-03-01" },
      ],
      [
        { obligationId: 1, dueOn: "2025-06-10", outcome: "done" },
        { obligationId: 2, dueOn: "2026-03-01", outcome: "waived" },
      ],
      { from: 2024, to: 2027 },
      "2026-07-01",
    );
    expect(record.get(2024)).toMatchObject({ missed: 1 });
    expect(record.get(2025)).toMatchObject({ done: 1 });
    expect(record.get(2026)).toMatchObject({ waived: 1, late: 1 });
    expect(record.get(2027)).toMatchObject({ upcoming: 1 });
  });
});

describe("the forms", () => {
  it("reads a country as its code or its name in either language, and languages by code or name", () => {
    expect(parseCountry("IT")).toBe("IT");
    expect(parseCountry("ιταλια")).toBe("IT");
    expect(parseCountry("Serbia")).toBe("RS");
    expect(parseCountry("Ευρωπαϊκή Ένωση")).toBeUndefined();
    expect(parseCountry("Atlantis")).toBeUndefined();
    expect(countryName("RO", "el")).toBe("Ρουμανία");
    expect(parseLanguage("Ιταλικά")).toBe("it");
    expect(parseLanguage("serbian")).toBe("sr");
    expect(parseLanguage("xx")).toBeUndefined();
  });

  it("says under each field what is wrong with a partner", () => {
    const bad = validatePartner(
      { kind: "town", nameEl: " ", country: "Atlantis", languages: "it, klingon", since: "2030-01-01" },
      "2026-12-01",
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual({
        kind: { code: "required" },
        nameEl: { code: "required" },
        country: { code: "country" },
        languages: { code: "language", word: "klingon" },
        since: { code: "future" },
      });
    const good = validatePartner(
      {
        kind: "twinned_city",
        nameEl: "Φαέντσα",
        nameLatin: "Faenza",
        country: "Italy",
        languages: "Ιταλικά, en",
        since: "2003-06-01",
      },
      "2026-12-01",
    );
    expect(good).toMatchObject({ ok: true, draft: { country: "IT", languages: ["it", "en"] } });
  });

  it("asks an agreement for a party and a link that is one", () => {
    const bad = validateAgreement({
      kind: "twinning",
      title: "Αδελφοποίηση",
      partyIds: [],
      documentUrl: "javascript:alert(1)",
      durationYears: "0",
    });
    if (bad.ok) throw new Error("accepted");
    expect(Object.keys(bad.errors).sort()).toEqual(["documentUrl", "durationYears", "parties"]);
  });

  it("reads what fulfilled an obligation as an event or a letter's protocol number", () => {
    expect(parseFulfilmentLink("event 12")).toBe("event:12");
    expect(parseFulfilmentLink("Εκδήλωση #7")).toBe("event:7");
    expect(parseFulfilmentLink("επιστολή 2026/34")).toBe("letter:2026/0034");
    expect(parseFulfilmentLink("")).toBeNull();
    expect(parseFulfilmentLink("whatever")).toBeUndefined();
  });
});
