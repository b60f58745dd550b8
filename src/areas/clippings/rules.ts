// The clippings' pure rules: who may change a clipping, what a correction changed, what a reply
// request must meet. No database, no Slack.
import { isRealIsoDate } from "../../lib/clock.js";

/**
 * A correction or a withdrawal: the person who logged the clipping, or a manager, each as they are
 * now (someone whose staff role was taken away no longer changes the register, their own entries
 * included).
 */
export function mayChangeClipping(
  actor: string,
  createdBy: string,
  now: { isStaff: boolean; isManager: boolean },
): boolean {
  return now.isManager || (now.isStaff && actor === createdBy);
}

/** The fields whose recorded value differs, in the order `after` lists them. */
export function changedFields(before: Record<string, string | null>, after: Record<string, string | null>): string[] {
  return Object.keys(after).filter((field) => before[field] !== after[field]);
}

export type ReplyRequestError = "assigneeRequired" | "dateInvalid" | "dueInPast";

/** The rules a reply request must meet: someone to prepare it, and a real day not in the past. */
export function checkReplyRequest({ assignee, dueOn, today }: { assignee: string; dueOn: string; today: string }) {
  const errors: { assignee?: ReplyRequestError; dueOn?: ReplyRequestError } = {};
  if (!assignee) errors.assignee = "assigneeRequired";
  if (!isRealIsoDate(dueOn)) errors.dueOn = "dateInvalid";
  else if (dueOn < today) errors.dueOn = "dueInPast";
  return errors;
}

/** How unusual a day is: many clippings (twice the usual day, at least 6), or several negative ones. */
export const SURGE_MIN_TOTAL = 6;
export const SURGE_NEGATIVE = 3;

export type SurgeKind = "total" | "negative";

export function surgeKinds(stats: { total: number; negative: number; usual: number }): SurgeKind[] {
  const kinds: SurgeKind[] = [];
  if (stats.total >= Math.max(SURGE_MIN_TOTAL, Math.ceil(2 * stats.usual))) kinds.push("total");
  if (stats.negative >= SURGE_NEGATIVE) kinds.push("negative");
  return kinds;
}
