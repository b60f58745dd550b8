// Reminds whoever prepares a reply to a clipping, on working days: when it is due and every
// working day it is overdue. One DM per reply per day, whatever the retries.

import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { postPersonal } from "../../../scheduling/personal-hour.js";
import { withSnooze } from "../../../scheduling/snooze.js";
import type { ClippingReplies } from "../clipping-replies.js";
import { replyLine } from "../slack/digest-views.js";

export function createReplyRemindersJob({
  replies,
  locales,
}: {
  replies: Pick<ClippingReplies, "openReplies">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  return {
    name: "clipping-reply-reminders",
    schedule: "0 9 * * 1-5",
    description: (locale, time) => messages(locale).replies.jobDescriptions["clipping-reply-reminders"](time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working, closesAt } = await officeDayOf(occurrence, deps);
      if (!working) return "skipped: not a working day";
      const due = await replies.openReplies({ dueBy: today });
      let sent = 0;
      for (const reply of due) {
        if (!reply.assignee) continue;
        const locale = await locales.resolve(reply.assignee);
        const t = messages(locale);
        // Due today on a half day: due by the time work stops.
        const halfDay = closesAt && reply.dueOn === today ? t.jobs.dueOnHalfDay(closesAt) : "";
        const text = t.replies.reminder(replyLine(reply, today, locale)) + halfDay;
        const key = `${occurrence.key}:${reply.id}`;
        // At the office's hour in the assignee's own time zone (now, or kept for then, once).
        const result = await postPersonal(deps, occurrence, {
          key,
          channel: reply.assignee,
          ...withSnooze(t, { text }),
        });
        if (result.posted || result.until) sent++;
      }
      return `${due.length} due or overdue, ${sent} reminders sent`;
    },
  };
}
