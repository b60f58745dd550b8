// A sponsorship's life: prospect → contacted → (a manager approves) committed → received → thanked,
// or declined. Pure; the service applies a step under a conditional write.
export type SponsorshipStatus =
  | "prospect"
  | "contacted"
  | "awaiting_approval"
  | "committed"
  | "received"
  | "thanked"
  | "declined";

export type SponsorshipAction = "contact" | "ask_approval" | "approve" | "reject" | "receive" | "thank" | "decline";

export const SPONSOR_STEPS: Record<
  SponsorshipAction,
  { from: SponsorshipStatus[]; to: SponsorshipStatus; managersOnly?: boolean }
> = {
  contact: { from: ["prospect"], to: "contacted" },
  ask_approval: { from: ["prospect", "contacted"], to: "awaiting_approval" },
  approve: { from: ["awaiting_approval"], to: "committed", managersOnly: true },
  reject: { from: ["awaiting_approval"], to: "contacted", managersOnly: true },
  receive: { from: ["committed"], to: "received" },
  thank: { from: ["committed", "received"], to: "thanked" },
  decline: { from: ["prospect", "contacted", "awaiting_approval"], to: "declined" },
};

/** Why a use case is refused; `staff_only`: the actor is not (or no longer) on the staff. */
export type SponsorRefusal = "not_allowed_now" | "managers_only" | "own_request" | "staff_only";

export function checkSponsorStep(
  action: SponsorshipAction,
  s: { status: SponsorshipStatus; approvalAskedBy: string | null },
  actor: { userId: string; manager: boolean },
): SponsorRefusal | undefined {
  const step = SPONSOR_STEPS[action];
  if (!step.from.includes(s.status)) return "not_allowed_now";
  if (step.managersOnly && !actor.manager) return "managers_only";
  // Nobody approves what they asked for themselves: approval is a second pair of eyes.
  if (action === "approve" && s.approvalAskedBy === actor.userId) return "own_request";
  return undefined;
}

/** The steps staff take from a sponsorship's menu (approval comes from the managers' DM). */
export const MENU_STEPS = ["contact", "ask_approval", "receive", "thank", "decline"] as const;
export type MenuStep = (typeof MENU_STEPS)[number];

/** The menu's steps possible from `status`. */
export function menuSteps(status: SponsorshipStatus): MenuStep[] {
  return MENU_STEPS.filter((a) => SPONSOR_STEPS[a].from.includes(status));
}

/** Sponsorships whose sponsor is owed a thank-you letter once the event has taken place. */
export const THANKS_OWED: SponsorshipStatus[] = ["committed", "received"];

/** Sponsorships whose promised benefits are still to be delivered. */
export const BENEFITS_OWED: SponsorshipStatus[] = ["committed", "received", "thanked"];

/** Benefits are kept for every sponsorship but a declined one. */
export function mayEditBenefits(status: SponsorshipStatus): boolean {
  return status !== "declined";
}

/** Who is asked for the approval: every manager but the one asking (a second pair of eyes). */
export function approversFor(managers: readonly string[], askedBy: string): string[] {
  return managers.filter((m) => m !== askedBy);
}
