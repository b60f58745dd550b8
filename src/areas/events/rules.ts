// The events' pure rules: who may work on them, how a checklist follows the event's day, which
// period a `/event list` means, and the calendar feed's window. No database, no Slack.
import { daysBetween, isRealIsoDate, localDate, shiftDate } from "../../lib/clock.js";
import { parseDayArgument } from "../office-calendar/day-argument.js";
import type { EventDraft } from "./event-validation.js";

/** Events are the PR office's work: staff (and those above them) register and run them. */
export const EVENTS_ROLE = "staff" as const;

export interface ChecklistTemplate {
  title: string;
  daysBefore: number;
}

/** A calendar date as the instant the checklist stores (midnight UTC of that date). */
export const dueInstant = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The checklist of a new event from its templates: each due the template's days before the
 * event's office day, owned by the first responsible person (or whoever registered it). A record
 * of a past event has nothing left to do. An event registered late would start with items already
 * overdue: those are due today instead (`caughtUp` says how many), not on a day that has passed.
 */
export function plannedChecklist(
  templates: readonly ChecklistTemplate[],
  event: { startsAt: Date; pastRecord: boolean; owner: string },
  timeZone: string,
  today: string,
): { title: string; dueOn: Date; owner: string; position: number; caughtUp: boolean }[] {
  if (event.pastRecord) return [];
  const day = localDate(event.startsAt, timeZone);
  return templates.map((tpl, position) => {
    const due = shiftDate(day, -tpl.daysBefore);
    const caughtUp = due < today;
    return { title: tpl.title, dueOn: dueInstant(caughtUp ? today : due), owner: event.owner, position, caughtUp };
  });
}

/** By how many office days an event moved: its open checklist items move by as many. */
export function dayShift(from: Date, to: Date, timeZone: string): number {
  return daysBetween(localDate(from, timeZone), localDate(to, timeZone));
}

export function shiftedDue(dueOn: Date, days: number): Date {
  return dueInstant(shiftDate(dueOn.toISOString().slice(0, 10), days));
}

/** The same form sent again (a Slack retry, a second click) changes nothing. */
export function sameAsDraft(current: Record<keyof EventDraft, unknown>, draft: EventDraft): boolean {
  return (Object.keys(draft) as (keyof EventDraft)[]).every(
    (k) => JSON.stringify(current[k] ?? null) === JSON.stringify(draft[k] ?? null),
  );
}

/** `week` (default), `month`, one day, or two days (`1/12 31/12`): the period as [from, to) dates. */
export function listPeriod(text: string, today: string): { from: string; to: string } | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words[0] === "week" || words[0] === "εβδομάδα")
    return { from: today, to: shiftDate(today, 7) };
  if (words[0] === "month" || words[0] === "μήνας") return { from: today, to: shiftDate(today, 31) };
  const days = words.map((w) => parseDayArgument(w, today));
  if (days.length > 2 || days.some((d) => d.kind !== "date")) return undefined;
  const [a, b] = days.map((d) => (d.kind === "date" ? d.date : today)) as [string, string | undefined];
  const to = b ?? a;
  return to < a ? undefined : { from: a, to: shiftDate(to, 1) };
}

const DAY_MS = 86_400_000;

/**
 * What the calendar feed carries: a month back and a year ahead, so that a subscriber sees what
 * is coming and what has just been.
 */
export function feedWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - 31 * DAY_MS), to: new Date(now.getTime() + 366 * DAY_MS) };
}

/** A gift year (by the event's office date). */
export function inYear(startsAt: Date, year: number, timeZone: string): boolean {
  return localDate(startsAt, timeZone).startsWith(String(year));
}

/** What a checklist item's new owner and day must meet: someone, and a real day. */
export function checkReassignment(change: { owner: string; dueOn: string }): {
  owner?: "required";
  dueOn?: "required" | "dateInvalid";
} {
  const errors: { owner?: "required"; dueOn?: "required" | "dateInvalid" } = {};
  if (!change.owner) errors.owner = "required";
  if (!change.dueOn) errors.dueOn = "required";
  else if (!isRealIsoDate(change.dueOn)) errors.dueOn = "dateInvalid";
  return errors;
}
