// Answers owed to correspondence from abroad remind like translations: whoever registered the entry
// two working days before its deadline and on it; the coordinators (managers) of every overdue one,
// each working day. One DM per entry, person and day.

import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import { remindOfDeadlines } from "../../../scheduling/deadline-reminders.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { type LetterService, protocolNumber } from "../letter-service.js";
import { overdueLetterLine } from "../slack/letter-views.js";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export interface CorrespondenceJobDeps {
  service: Pick<LetterService, "openWithDue">;
  coordinators(): Promise<string[]>;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}

export function createCorrespondenceRemindersJob({ service, coordinators, locales }: CorrespondenceJobDeps): Job {
  return {
    name: "correspondence-reminders",
    schedule: "20 9 * * 1-5",
    description: (locale, time) => messages(locale).letters.jobDescriptions["correspondence-reminders"](time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working } = await officeDayOf(occurrence, deps);
      if (!working) return "skipped: not a working day";
      const open = await service.openWithDue();
      const audience = { coordinators, localeOf: (user: string) => locales.resolve(user) };
      const { sent, overdue } = await remindOfDeadlines(
        { ...deps, scheduledFor: occurrence.scheduledFor },
        audience,
        today,
        open,
        {
          kind: "letter",
          id: (l) => l.id,
          due: (l) => day(l.dueOn),
          owner: (l) => l.createdBy,
          soon: (t, l, due) => t.letters.reminderSoon(protocolNumber(l), escapeMrkdwn(truncate(l.subject, 150)), due),
          today: (t, l) => t.letters.reminderToday(protocolNumber(l), escapeMrkdwn(truncate(l.subject, 150))),
          overdueTitle: (t, n) => t.letters.overdueTitle(n),
          overdueLine: overdueLetterLine,
        },
      );
      return `${open.length} open with a deadline, ${overdue} overdue, ${sent} messages`;
    },
  };
}
