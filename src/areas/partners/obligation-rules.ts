// Obligations: what keeping an agreement's terms means (an annual visit, a yearly report, dues).
// Pure rules: the due dates a recurrence gives across the years, the days its owner is reminded on,
// and how each due date stands.
//
// Missed is derived, never written by a job: a due date not settled (done or waived) is late once
// its day has passed, and missed once the calendar year of that date has ended or the obligation's
// next due date has come, whichever is first. It can still be recorded as done afterwards (done
// late is what happened, and the year's record then says so), so nothing is lost by not closing it.
import { daysBetween, shiftDate } from "../../lib/clock.js";

export const RECURRENCES = ["once", "yearly", "biennial"] as const;
export type Recurrence = (typeof RECURRENCES)[number];

const STEP_YEARS: Record<Exclude<Recurrence, "once">, number> = { yearly: 1, biennial: 2 };

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same day of the month in another year; 29 February is the 28th in a common year. */
export function sameDayIn(date: string, year: number): string {
  const month = date.slice(5, 7);
  let day = date.slice(8, 10);
  if (month === "02" && day === "29" && !isLeap(year)) day = "28";
  return `${String(year).padStart(4, "0")}-${month}-${day}`;
}

export interface ObligationSchedule {
  recurrence: Recurrence;
  /** YYYY-MM-DD. */
  firstDueOn: string;
  /** No due date after this one (the agreement's expiry or end), if any. */
  until?: string | null;
}

/** Every due date of the obligation from `from` to `to` (both included), in order. */
export function dueDatesBetween(o: ObligationSchedule, from: string, to: string): string[] {
  const last = o.until && o.until < to ? o.until : to;
  if (o.recurrence === "once") return o.firstDueOn >= from && o.firstDueOn <= last ? [o.firstDueOn] : [];
  const step = STEP_YEARS[o.recurrence];
  const firstYear = Number(o.firstDueOn.slice(0, 4));
  const dates: string[] = [];
  // Start at the first cycle that can reach `from`, not at the first year.
  const fromYear = Number(from.slice(0, 4));
  let k = Math.max(0, Math.floor((fromYear - firstYear) / step) - 1);
  for (; ; k++) {
    const date = sameDayIn(o.firstDueOn, firstYear + k * step);
    if (date > last) break;
    if (date >= from) dates.push(date);
  }
  return dates;
}

/** The due date after `date`, if the obligation has one. */
export function nextDueAfter(o: ObligationSchedule, date: string): string | undefined {
  return dueDatesBetween(o, shiftDate(date, 1), shiftDate(date, 2 * 366 + 1))[0];
}

/** The working calendar as the rule needs it (deps.calendar, or the pure functions with facts). */
export interface WorkingDays {
  isWorkingDay(date: string): boolean | Promise<boolean>;
  previousWorkingDay(date: string): string | Promise<string>;
}

/**
 * The days the owner is reminded on: two working days before the due date, and on the day. A due
 * date on a weekend or holiday is reminded "on the day" the working day before it (the deadline
 * itself does not move: it is mostly someone else's), and "two working days before" counts back
 * from it the same way.
 */
export async function reminderDays(due: string, calendar: WorkingDays): Promise<{ before: string; onDay: string }> {
  const onDay = (await calendar.isWorkingDay(due)) ? due : await calendar.previousWorkingDay(due);
  const before = await calendar.previousWorkingDay(await calendar.previousWorkingDay(due));
  return { before, onDay };
}

export type DueStanding = "done" | "waived" | "upcoming" | "due_today" | "late" | "missed";

/** How one due date stands today (see the file's comment for late and missed). */
export function dueStanding(
  o: ObligationSchedule,
  due: string,
  settled: "done" | "waived" | undefined,
  today: string,
): DueStanding {
  if (settled) return settled;
  if (due > today) return "upcoming";
  if (due === today) return "due_today";
  const next = nextDueAfter(o, due);
  const yearEnded = Number(today.slice(0, 4)) > Number(due.slice(0, 4));
  return yearEnded || (next !== undefined && next <= today) ? "missed" : "late";
}

export type YearRecord = Record<DueStanding, number>;
const emptyYear = (): YearRecord => ({ done: 0, waived: 0, upcoming: 0, due_today: 0, late: 0, missed: 0 });

/**
 * How the terms were kept, year by year: every due date of every obligation in the years asked,
 * by how it stands today.
 */
export function keptByYear(
  obligations: (ObligationSchedule & { id: number })[],
  settled: { obligationId: number; dueOn: string; outcome: "done" | "waived" }[],
  years: { from: number; to: number },
  today: string,
): Map<number, YearRecord> {
  const outcome = new Map(settled.map((s) => [`${s.obligationId}:${s.dueOn}`, s.outcome]));
  const record = new Map<number, YearRecord>();
  for (let y = years.from; y <= years.to; y++) record.set(y, emptyYear());
  for (const o of obligations)
    for (const due of dueDatesBetween(o, `${years.from}-01-01`, `${years.to}-12-31`)) {
      const year = record.get(Number(due.slice(0, 4)));
      if (year) year[dueStanding(o, due, outcome.get(`${o.id}:${due}`), today)]++;
    }
  return record;
}

/** Days late (0 when not late). */
export const daysLate = (due: string, today: string) => Math.max(0, daysBetween(due, today));
