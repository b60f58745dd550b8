// What translation requests and correspondence share: whoever owns an item is reminded two working
// days before its deadline and on the day; the coordinators (the office's managers) get the overdue
// ones each working day. One DM per item, person and day, whatever the retries.
// A deadline on a half day (24 or 31 December) stays on that day and is due by 13:00, when work
// stops: the office's deadlines are mostly someone else's (a reply owed, a call's closing date, a
// translation for an event), which do not wait for the next working morning. Both reminders say so.
import { type LocaleCode, type Messages, messages } from "../i18n/index.js";
import { formatDayMonthYear } from "../lib/clock.js";
import type { JobDeps } from "./job.js";
import { postPersonal } from "./personal-hour.js";
import { withSnooze } from "./snooze.js";

export interface DeadlineRules<T> {
  /** A name for the idempotency keys (`translation`, `letter`). */
  kind: string;
  id(item: T): number;
  /** YYYY-MM-DD. */
  due(item: T): string;
  owner(item: T): string | null;
  soon(t: Messages, item: T, due: string): string;
  today(t: Messages, item: T): string;
  overdueTitle(t: Messages, count: number): string;
  overdueLine(t: Messages, item: T): string;
}

/** Who is told, in which language: given by the area that runs the reminders. */
export interface DeadlineAudience {
  /** The coordinators, who hear of every overdue item. */
  coordinators(): Promise<string[]>;
  localeOf(slackUserId: string): Promise<LocaleCode>;
}

/**
 * What a run needs from the job's runtime: the working calendar, the sender, the personal reminders
 * (each owner's at their own hour) and the occurrence's time (the office's hour).
 */
export type DeadlineRun = Pick<JobDeps, "sender" | "calendar" | "personal"> & { scheduledFor: Date };

/** The day a "two working days before" reminder is for: weekends and holidays do not count. */
export async function twoWorkingDaysAfter(calendar: DeadlineRun["calendar"], today: string): Promise<string> {
  return calendar.nextWorkingDay(await calendar.nextWorkingDay(today));
}

export async function remindOfDeadlines<T>(
  run: DeadlineRun,
  audience: DeadlineAudience,
  today: string,
  items: T[],
  rules: DeadlineRules<T>,
): Promise<{ sent: number; overdue: number }> {
  const inTwo = await twoWorkingDaysAfter(run.calendar, today);
  let sent = 0;
  for (const item of items) {
    const due = rules.due(item);
    const owner = rules.owner(item);
    if (!owner || (due !== today && due !== inTwo)) continue;
    const t = messages(await audience.localeOf(owner));
    const { closesAt } = await run.calendar.dayInfo(due);
    const text =
      (due === today ? rules.today(t, item) : rules.soon(t, item, formatDayMonthYear(due))) +
      (closesAt ? t.jobs.dueOnHalfDay(closesAt) : "");
    const key = `${rules.kind}-due:${rules.id(item)}:${today}`;
    // The owner's reminder can wait («Αργότερα») and comes at the office's hour in their own zone;
    // the coordinators' overview below is not personal.
    const result = await postPersonal(run, run, { key, channel: owner, ...withSnooze(t, { text }) });
    if (result.posted || result.until) sent++;
  }
  const overdue = items.filter((item) => rules.due(item) < today);
  if (overdue.length > 0) {
    for (const coordinator of await audience.coordinators()) {
      const t = messages(await audience.localeOf(coordinator));
      const text = [
        rules.overdueTitle(t, overdue.length),
        ...overdue.slice(0, 40).map((i) => rules.overdueLine(t, i)),
      ].join("\n");
      const key = `${rules.kind}-overdue:${today}:${coordinator}`;
      if ((await run.sender.post({ key, channel: coordinator, text })).posted) sent++;
    }
  }
  return { sent, overdue: overdue.length };
}
