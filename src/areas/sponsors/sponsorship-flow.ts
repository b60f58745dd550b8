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

export type SponsorRefusal = "not_allowed_now" | "managers_only" | "own_request";

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

/** The steps staff can take from the sponsorship's menu (approval comes from the managers' DM). */
export function menuSteps(status: SponsorshipStatus): SponsorshipAction[] {
  return (["contact", "ask_approval", "receive", "thank", "decline"] as const).filter((a) =>
    SPONSOR_STEPS[a].from.includes(status),
  );
}
