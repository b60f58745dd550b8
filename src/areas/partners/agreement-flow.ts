// An agreement's life, as the municipal code sets it (Law 3463/2006, art. 220; the council decides a
// twinning after its committee's opinion): proposal → committee's opinion → council decision
// (number, date, ΑΔΑ) → signed → in force → expired, renewed or ended. Pure: the service applies a
// step with a write conditional on the status it was read in, so each step is recorded once.
import { daysBetween } from "../../lib/clock.js";

export const AGREEMENT_KINDS = ["twinning", "friendship_protocol", "memorandum", "cooperation"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_STATUSES = [
  "proposal",
  "committee_opinion",
  "council_decision",
  "signed",
  "in_force",
  "expired",
  "ended",
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const RENEWALS = ["by_decision", "automatic", "none"] as const;
export type Renewal = (typeof RENEWALS)[number];

export const AGREEMENT_STEPS = [
  "committee_opinion",
  "council_decision",
  "signed",
  "in_force",
  "renewed",
  "expired",
  "ended",
] as const;
export type AgreementStep = (typeof AGREEMENT_STEPS)[number];

/** What a step needs besides who and when: the form asks for these. */
export type StepDetail = "decision" | "signing" | "expiry" | "reason";

export const STEP_RULES: Record<AgreementStep, { from: AgreementStatus[]; to: AgreementStatus; needs: StepDetail[] }> =
  {
    committee_opinion: { from: ["proposal"], to: "committee_opinion", needs: [] },
    council_decision: { from: ["committee_opinion"], to: "council_decision", needs: ["decision"] },
    signed: { from: ["council_decision"], to: "signed", needs: ["signing"] },
    in_force: { from: ["signed"], to: "in_force", needs: [] },
    renewed: { from: ["in_force", "expired"], to: "in_force", needs: ["expiry"] },
    expired: { from: ["in_force"], to: "expired", needs: [] },
    ended: {
      from: ["proposal", "committee_opinion", "council_decision", "signed", "in_force", "expired"],
      to: "ended",
      needs: ["reason"],
    },
  };

/** Why a use case is refused: a value the listeners render. */
export type AgreementRefusal = "staff_only" | "managers_only" | "not_allowed_now";

/**
 * Whether the actor may take the step from the status: staff record proposals and obligations;
 * the steps that commit the municipality (an opinion, a decision, a signature, an end) are the
 * managers'.
 */
export function checkAgreementStep(
  step: AgreementStep,
  status: AgreementStatus,
  actor: { staff: boolean; manager: boolean },
): AgreementRefusal | undefined {
  if (!actor.staff) return "staff_only";
  if (!actor.manager) return "managers_only";
  if (!STEP_RULES[step].from.includes(status)) return "not_allowed_now";
  return undefined;
}

/** The steps possible from a status (the card's menu). */
export function nextSteps(status: AgreementStatus): AgreementStep[] {
  return AGREEMENT_STEPS.filter((s) => STEP_RULES[s].from.includes(status));
}

// The ΑΔΑ's check is pure and shared with the networks' memberships: src/lib/ada.ts.
export { diavgeiaUrl, normaliseAda } from "../../lib/ada.js";

/** An agreement whose end is within this many days is in the digest, with its renewal's next step. */
export const EXPIRY_NOTICE_DAYS = 90;

export type RenewalNextStep =
  /** Renews by itself on its date, unless it is ended first. */
  | "renews_by_itself"
  /** Needs the committee's opinion and a council decision before its date. */
  | "needs_decision"
  /** Ends on its date: a new agreement is needed to go on. */
  | "new_agreement";

export function renewalNextStep(renewal: Renewal): RenewalNextStep {
  return renewal === "automatic" ? "renews_by_itself" : renewal === "by_decision" ? "needs_decision" : "new_agreement";
}

/** In force and ending within the notice (or already past its date without a step). */
export function expiresSoon(a: { status: AgreementStatus; expiresOn: string | null }, today: string): boolean {
  return a.status === "in_force" && a.expiresOn !== null && daysBetween(today, a.expiresOn) <= EXPIRY_NOTICE_DAYS;
}
