// Translation deadlines, on working days: the assignee is reminded two working days before the due
// date and on it; every overdue request goes to the coordinators (the office's managers) each
// working day. One DM per request, person and day, whatever the retries. And the coordinators'
// weekly summary.

import { type LocaleCode, messages } from "../../../i18n/index.js";
import { remindOfDeadlines } from "../../../scheduling/deadline-reminders.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { overdueLine } from "../slack/translation-views.js";
import type { TranslationService } from "../translation-service.js";
import { isoDay } from "../translation-validation.js";

/** What the translation jobs are built from. */
export interface TranslationJobDeps {
  service: Pick<TranslationService, "inWork" | "weekSummary" | "coordinators">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}

export function createTranslationRemindersJob({ service, locales }: TranslationJobDeps): Job {
  return {
    name: "translation-reminders",
    schedule: "10 9 * * 1-5",
    description: (locale, time) => messages(locale).translations.jobDescriptions["translation-reminders"](time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working } = await officeDayOf(occurrence, deps);
      if (!working) return "skipped: not a working day";
      const requests = await service.inWork();
      const audience = { coordinators: service.coordinators, localeOf: (user: string) => locales.resolve(user) };
      const { sent, overdue } = await remindOfDeadlines(
        { ...deps, scheduledFor: occurrence.scheduledFor },
        audience,
        today,
        requests,
        {
          kind: "translation",
          id: (r) => r.id,
          due: (r) => isoDay(r.dueOn),
          owner: (r) => r.assignee,
          soon: (t, r, due) => t.translations.reminderSoon(r.id, escapeMrkdwn(truncate(r.title, 150)), due),
          today: (t, r) => t.translations.reminderToday(r.id, escapeMrkdwn(truncate(r.title, 150))),
          overdueTitle: (t, n) => t.translations.overdueTitle(n),
          overdueLine,
        },
      );
      return `${requests.length} in work, ${overdue} overdue, ${sent} messages`;
    },
  };
}

export function createTranslationWeeklyJob({ service, locales }: TranslationJobDeps): Job {
  return {
    name: "translation-weekly",
    schedule: "15 9 * * 1",
    description: (locale, time) => messages(locale).translations.jobDescriptions["translation-weekly"](time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today } = await officeDayOf(occurrence, deps);
      const weekEnd = occurrence.scheduledFor;
      const weekStart = new Date(weekEnd.getTime() - 7 * 24 * 3600_000);
      const summary = await service.weekSummary(weekStart, weekEnd, today);
      let sent = 0;
      for (const coordinator of await service.coordinators()) {
        const t = messages(await locales.resolve(coordinator)).translations;
        const text = [
          t.weekly(summary.open, summary.overdue, summary.delivered),
          ...summary.turnaround.map((p) => t.turnaround(p.pair, p.averageDays, p.count)),
        ].join("\n");
        const key = `translation-weekly:${today}:${coordinator}`;
        if ((await deps.sender.post({ key, channel: coordinator, text })).posted) sent++;
      }
      return `summary sent to ${sent} coordinator(s)`;
    },
  };
}
