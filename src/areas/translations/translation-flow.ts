// The life of a translation request as a state machine: which step may follow which, and who may
// take it. Pure: the service applies it under a conditional write, so two clicks move it once.
export type TranslationStatus =
  | "requested"
  | "assigned"
  | "in_progress"
  | "delivered"
  | "accepted"
  | "returned"
  | "cancelled";

export const TRANSLATION_ACTIONS = ["assign", "start", "deliver", "accept", "return", "cancel"] as const;
export type TranslationAction = (typeof TRANSLATION_ACTIONS)[number];

/** The steps that need a small form first (whom to assign, the delivered link, comments). */
export const FORM_STEPS = ["assign", "deliver", "return"] as const;
export type FormStep = (typeof FORM_STEPS)[number];
export const needsForm = (action: TranslationAction): action is FormStep =>
  (FORM_STEPS as readonly string[]).includes(action);

/** Who someone is to a request. The coordinator is a manager of the office. */
export interface Actor {
  userId: string;
  coordinator: boolean;
}

interface Step {
  from: TranslationStatus[];
  to: TranslationStatus;
  /** Who may take the step, besides the coordinator (who may take any). */
  alsoBy: ("requester" | "assignee")[];
}

export const STEPS: Record<TranslationAction, Step> = {
  // Assigning again (to someone else) is allowed until the work is delivered.
  assign: { from: ["requested", "assigned", "in_progress", "returned"], to: "assigned", alsoBy: [] },
  start: { from: ["assigned", "returned"], to: "in_progress", alsoBy: ["assignee"] },
  deliver: { from: ["assigned", "in_progress", "returned"], to: "delivered", alsoBy: ["assignee"] },
  accept: { from: ["delivered"], to: "accepted", alsoBy: ["requester"] },
  return: { from: ["delivered"], to: "returned", alsoBy: ["requester"] },
  cancel: {
    from: ["requested", "assigned", "in_progress", "delivered", "returned"],
    to: "cancelled",
    alsoBy: ["requester"],
  },
};

export const OPEN_STATUSES: TranslationStatus[] = ["requested", "assigned", "in_progress", "delivered", "returned"];

export type StepRefusal = "not_allowed_now" | "not_yours";

export function checkStep(
  action: TranslationAction,
  request: { status: TranslationStatus; requestedBy: string; assignee: string | null },
  actor: Actor,
): StepRefusal | undefined {
  const step = STEPS[action];
  if (!step.from.includes(request.status)) return "not_allowed_now";
  if (actor.coordinator) return undefined;
  const roles = new Set<string>();
  if (request.requestedBy === actor.userId) roles.add("requester");
  if (request.assignee === actor.userId) roles.add("assignee");
  return step.alsoBy.some((r) => roles.has(r)) ? undefined : "not_yours";
}

/** The steps an actor can take now: the buttons on the request's card. */
export function availableSteps(
  request: { status: TranslationStatus; requestedBy: string; assignee: string | null },
  actor: Actor,
): TranslationAction[] {
  return TRANSLATION_ACTIONS.filter((a) => checkStep(a, request, actor) === undefined);
}

/**
 * Who hears of a step directly: the translator of what concerns their work, the requester of the
 * rest; never the person who took it.
 */
export function concernedBy(
  action: TranslationAction,
  request: { requestedBy: string; assignee: string | null },
  by: string,
): string[] {
  const concerned = new Set<string>();
  if (["assign", "return", "cancel", "accept"].includes(action) && request.assignee) concerned.add(request.assignee);
  if (["deliver", "cancel", "assign"].includes(action)) concerned.add(request.requestedBy);
  concerned.delete(by);
  return [...concerned];
}
