// Translation deadlines, on working days: the assignee is reminded two working days before the due
// date and on it; every overdue request goes to the coordinators (the office's managers) each
// working day. One DM per request, person and day, whatever the retries.
import { isoDay } from "../domain/translations/translation-service.js";
import { messages } from "../i18n/index.js";
import { formatDayMonthYear } from "../lib/clock.js";
import { escapeMrkdwn, truncate } from "../lib/mrkdwn.js";
import { type Job, type JobDeps, officeDayOf } from "./job.js";

/** The day a "two working days before" reminder is for: weekends and holidays do not count. */
export async function twoWorkingDaysAfter(deps: JobDeps, today: string): Promise<string> {
  return deps.services.calendar.nextWorkingDay(await deps.services.calendar.nextWorkingDay(today));
}

export const translationReminders: Job = {
  name: "translation-reminders",
  schedule: "10 9 * * 1-5",
  description: "Translation deadlines to assignees, overdue ones to the coordinators (working days, 09:10)",
  catchUp: "latest",
  async run(occurrence, deps) {
    const { services } = deps;
    const { date: today, working } = await officeDayOf(occurrence, deps);
    if (!working) return "skipped: not a working day";
    const inTwo = await twoWorkingDaysAfter(deps, today);
    const requests = await services.translations.inWork();
    let sent = 0;
    for (const r of requests) {
      const due = isoDay(r.dueOn);
      if (!r.assignee || (due !== today && due !== inTwo)) continue;
      const t = messages(await services.locales.resolve(r.assignee)).translations;
      const title = escapeMrkdwn(truncate(r.title, 150));
      const text = due === today ? t.reminderToday(r.id, title) : t.reminderSoon(r.id, title, formatDayMonthYear(due));
      if ((await deps.sender.post({ key: `translation-due:${r.id}:${today}`, channel: r.assignee, text })).posted)
        sent++;
    }
    const overdue = requests.filter((r) => isoDay(r.dueOn) < today);
    if (overdue.length > 0) {
      for (const coordinator of await services.roles.holdersOf("manager")) {
        const locale = await services.locales.resolve(coordinator);
        const t = messages(locale).translations;
        const lines = overdue.map((r) =>
          t.listLine(
            r.id,
            escapeMrkdwn(truncate(r.title, 100)),
            `${r.sourceLang}→${r.targetLang}`,
            formatDayMonthYear(isoDay(r.dueOn)),
            `${t.statuses[r.status]}${r.assignee ? ` · <@${r.assignee}>` : r.vendor ? ` · ${escapeMrkdwn(r.vendor)}` : ""}`,
            true,
          ),
        );
        const text = [t.overdueTitle(overdue.length), ...lines.slice(0, 40)].join("\n");
        if (
          (await deps.sender.post({ key: `translation-overdue:${today}:${coordinator}`, channel: coordinator, text }))
            .posted
        )
          sent++;
      }
    }
    return `${requests.length} in work, ${overdue.length} overdue, ${sent} messages`;
  },
};

export const translationWeekly: Job = {
  name: "translation-weekly",
  schedule: "15 9 * * 1",
  description: "The coordinators' weekly translation summary (Mondays, 09:15)",
  catchUp: "latest",
  async run(occurrence, deps) {
    const { services } = deps;
    const { date: today } = await officeDayOf(occurrence, deps);
    const weekEnd = occurrence.scheduledFor;
    const weekStart = new Date(weekEnd.getTime() - 7 * 24 * 3600_000);
    const summary = await services.translations.weekSummary(weekStart, weekEnd, today);
    let sent = 0;
    for (const coordinator of await services.roles.holdersOf("manager")) {
      const t = messages(await services.locales.resolve(coordinator)).translations;
      const text = [
        t.weekly(summary.open, summary.overdue, summary.delivered),
        ...summary.turnaround.map((p) => t.turnaround(p.pair, p.averageDays, p.count)),
      ].join("\n");
      if (
        (await deps.sender.post({ key: `translation-weekly:${today}:${coordinator}`, channel: coordinator, text }))
          .posted
      )
        sent++;
    }
    return `summary sent to ${sent} coordinator(s)`;
  },
};
