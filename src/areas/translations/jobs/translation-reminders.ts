// Translation deadlines, on working days: the assignee is reminded two working days before the due
// date and on it; every overdue request goes to the coordinators (the office's managers) each
// working day. One DM per request, person and day, whatever the retries.

import { messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { remindOfDeadlines } from "../../../scheduling/deadline-reminders.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { isoDay } from "../translation-service.js";

export const translationReminders: Job = {
  name: "translation-reminders",
  schedule: "10 9 * * 1-5",
  description: "Translation deadlines to assignees, overdue ones to the coordinators (working days, 09:10)",
  catchUp: "latest",
  async run(occurrence, deps) {
    const { services } = deps;
    const { date: today, working } = await officeDayOf(occurrence, deps);
    if (!working) return "skipped: not a working day";
    const requests = await services.translations.inWork();
    const { sent, overdue } = await remindOfDeadlines(deps, today, requests, {
      kind: "translation",
      id: (r) => r.id,
      due: (r) => isoDay(r.dueOn),
      owner: (r) => r.assignee,
      soon: (t, r, due) => t.translations.reminderSoon(r.id, escapeMrkdwn(truncate(r.title, 150)), due),
      today: (t, r) => t.translations.reminderToday(r.id, escapeMrkdwn(truncate(r.title, 150))),
      overdueTitle: (t, n) => t.translations.overdueTitle(n),
      overdueLine: (t, r) =>
        t.translations.listLine(
          r.id,
          escapeMrkdwn(truncate(r.title, 100)),
          `${r.sourceLang}→${r.targetLang}`,
          formatDayMonthYear(isoDay(r.dueOn)),
          `${t.translations.statuses[r.status]}${r.assignee ? ` · <@${r.assignee}>` : r.vendor ? ` · ${escapeMrkdwn(r.vendor)}` : ""}`,
          true,
        ),
    });
    return `${requests.length} in work, ${overdue} overdue, ${sent} messages`;
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
