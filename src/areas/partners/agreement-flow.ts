// An agreement's life, as the municipal code sets it (Law 3463/2006, art. 220; the council decides a
// twinning after its committee's opinion): proposal → committee's opinion → council decision
// (number, date, ΑΔΑ) → signed → in force → expired, renewed or ended. A renewal goes through the
// council as the first decision did: proposed → council's decision (number, date, ΑΔΑ) → renewed
// with its new end date (or ended). Pure: the service applies a step with a write conditional on the
// status and renewal stage it was read in, so each step is recorded once.
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
  "renewal_proposed",
  "renewal_decision",
  "renewed",
  "expired",
  "ended",
] as const;
export type AgreementStep = (typeof AGREEMENT_STEPS)[number];

/**
 * A renewal under way, beside the status (the agreement stays in force, or expired, meanwhile):
 * proposed, then decided by the council; null when none is.
 */
export const RENEWAL_STAGES = ["proposed", "decided"] as const;
export type RenewalStage = (typeof RENEWAL_STAGES)[number];

/** What a step needs besides who and when: the form asks for these. */
export type StepDetail = "decision" | "signing" | "expiry" | "reason";

/** The agreement as a step sees it: its status, the renewal under way and how it renews. */
export interface AgreementState {
  status: AgreementStatus;
  renewalStage: RenewalStage | null;
  renewal: Renewal;
}

export interface StepRule {
  from: AgreementStatus[];
  /** The status it moves to; "same" keeps it (a renewal's proposal and decision). */
  to: AgreementStatus | "same";
  needs: StepDetail[];
  /** The renewal stages it may be taken from and the one it leaves; absent: any, unchanged. */
  stage?: { from: (RenewalStage | null)[]; to: RenewalStage | null };
  /** Staff may take it (a proposal, as the first one); otherwise it is the managers'. */
  staff?: true;
}

export const STEP_RULES: Record<AgreementStep, StepRule> = {
  committee_opinion: { from: ["proposal"], to: "committee_opinion", needs: [] },
  council_decision: { from: ["committee_opinion"], to: "council_decision", needs: ["decision"] },
  signed: { from: ["council_decision"], to: "signed", needs: ["signing"] },
  in_force: { from: ["signed"], to: "in_force", needs: [] },
  // A renewal, as the first decision: proposed (staff), decided by the council (number, date, ΑΔΑ),
  // then renewed with its new end date; an automatic renewal needs no decision.
  renewal_proposed: {
    from: ["in_force", "expired"],
    to: "same",
    needs: [],
    stage: { from: [null], to: "proposed" },
    staff: true,
  },
  renewal_decision: {
    from: ["in_force", "expired"],
    to: "same",
    needs: ["decision"],
    stage: { from: ["proposed"], to: "decided" },
  },
  renewed: { from: ["in_force", "expired"], to: "in_force", needs: ["expiry"], stage: { from: ["decided"], to: null } },
  expired: { from: ["in_force"], to: "expired", needs: [] },
  ended: {
    from: ["proposal", "committee_opinion", "council_decision", "signed", "in_force", "expired"],
    to: "ended",
    needs: ["reason"],
    stage: { from: [null, ...RENEWAL_STAGES], to: null },
  },
};

/** The status a step leaves the agreement in. */
export function statusAfter(step: AgreementStep, from: AgreementStatus): AgreementStatus {
  const to = STEP_RULES[step].to;
  return to === "same" ? from : to;
}

/** The renewal stage a step leaves the agreement in. */
export function stageAfter(step: AgreementStep, from: RenewalStage | null): RenewalStage | null {
  const stage = STEP_RULES[step].stage;
  return stage ? stage.to : from;
}

/** Whether the step may be taken from the agreement's status and renewal stage (nobody asked). */
export function stepAllowed(step: AgreementStep, a: AgreementState): boolean {
  const rule = STEP_RULES[step];
  if (!rule.from.includes(a.status)) return false;
  if (!rule.stage) return true;
  // An automatic renewal renews on its date without the council, unless one was proposed.
  if (step === "renewed" && a.renewal === "automatic" && a.renewalStage === null) return true;
  // A renewal is proposed only where the agreement renews at all (by decision or by itself).
  if (step === "renewal_proposed" && a.renewal === "none") return false;
  return rule.stage.from.includes(a.renewalStage);
}

/** Why a use case is refused: a value the listeners render. */
export type AgreementRefusal = "staff_only" | "managers_only" | "not_allowed_now";

/**
 * Whether the actor may take the step from the agreement's state: staff record proposals (the first
 * and a renewal's) and obligations; the steps that commit the municipality (an opinion, a decision,
 * a signature, a renewal, an end) are the managers'.
 */
export function checkAgreementStep(
  step: AgreementStep,
  state: AgreementState,
  actor: { staff: boolean; manager: boolean },
): AgreementRefusal | undefined {
  if (!actor.staff) return "staff_only";
  if (!actor.manager && !STEP_RULES[step].staff) return "managers_only";
  if (!stepAllowed(step, state)) return "not_allowed_now";
  return undefined;
}

/** The steps possible from the agreement's state (the card's menu). */
export function nextSteps(state: AgreementState): AgreementStep[] {
  return AGREEMENT_STEPS.filter((s) => stepAllowed(s, state));
}

// The ΑΔΑ's check is pure and shared with the networks' memberships: src/lib/ada.ts.
export { diavgeiaUrl, normaliseAda } from "../../lib/ada.js";

/** An agreement whose end is within this many days is in the digest, with its renewal's next step. */
export const EXPIRY_NOTICE_DAYS = 90;

export type RenewalNextStep =
  /** Renews by itself on its date, unless it is ended first. */
  | "renews_by_itself"
  /** A renewal to be proposed, then decided by the council, before its date. */
  | "needs_proposal"
  /** Its renewal is proposed: the council's decision is next. */
  | "needs_decision"
  /** The council decided its renewal: record it with its new end date. */
  | "needs_renewal"
  /** Ends on its date: a new agreement is needed to go on. */
  | "new_agreement";

/** The renewal's next step, from how the agreement renews and the renewal under way. */
export function renewalNextStep(a: { renewal: Renewal; renewalStage: RenewalStage | null }): RenewalNextStep {
  if (a.renewalStage === "decided") return "needs_renewal";
  if (a.renewalStage === "proposed") return "needs_decision";
  if (a.renewal === "automatic") return "renews_by_itself";
  return a.renewal === "by_decision" ? "needs_proposal" : "new_agreement";
}

/** In force and ending within the notice (or already past its date without a step). */
export function expiresSoon(a: { status: AgreementStatus; expiresOn: string | null }, today: string): boolean {
  return a.status === "in_force" && a.expiresOn !== null && daysBetween(today, a.expiresOn) <= EXPIRY_NOTICE_DAYS;
}
