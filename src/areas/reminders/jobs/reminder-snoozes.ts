// Gives back the reminders put off with «Αργότερα» once they are due: every five minutes (except
// 03:00-04:00, the daylight-saving hour), each once, through the sender with a key from the
// snooze's id, so a retry or a takeover never posts it twice.
import type { KnownBlock } from "@slack/types";
import { type LocaleCode, messages } from "../../../i18n/index.js";
import type { Job } from "../../../scheduling/job.js";
import { withSnooze } from "../../../scheduling/snooze.js";
import { reminderTexts } from "../messages.js";
import { AT_THEIR_HOUR, keptReminderKey, type ReminderService } from "../service.js";

export function createReminderSnoozesJob(deps: {
  reminders: Pick<ReminderService, "due" | "blocksOf" | "delivered">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  return {
    name: "reminder-snoozes",
    schedule: "*/5 0-2,4-23 * * *",
    description: (locale, time) => reminderTexts(locale).jobDescription(time),
    // One run gives back everything due by its time, however many runs were missed.
    catchUp: "latest",
    async run(occurrence, jobDeps) {
      const due = await deps.reminders.due(occurrence.scheduledFor);
      let posted = 0;
      for (const r of due) {
        const locale = await deps.locales.resolve(r.userId);
        const blocks: KnownBlock[] | undefined = deps.reminders.blocksOf(r);
        // A reminder kept for the person's own hour goes out as it was written; a snoozed one says so.
        const back = r.choice === AT_THEIR_HOUR ? undefined : reminderTexts(locale).back;
        const message = withSnooze(
          messages(locale),
          back
            ? {
                text: `${back}\n${r.text}`,
                ...(blocks
                  ? { blocks: [{ type: "context", elements: [{ type: "mrkdwn", text: back }] }, ...blocks] }
                  : {}),
              }
            : { text: r.text, ...(blocks ? { blocks } : {}) },
        );
        const sent = await jobDeps.sender.post({ key: keptReminderKey(r), channel: r.userId, ...message });
        if (sent.posted) posted++;
        await deps.reminders.delivered(r.id);
      }
      return `${due.length} due, ${posted} given back now`;
    },
  };
}
