// The delegate asked for the meeting's report two working days after its last day, at the office's
// hour in their own time zone: once per meeting (the key is the meeting's, not the run's), whatever
// the retries, the takeovers or a moved hour; a prompt missed while the bot was down goes out on the
// next working day's run, as long as the report is still owed.
import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { postPersonal } from "../../../scheduling/personal-hour.js";
import { withSnooze } from "../../../scheduling/snooze.js";
import { networkTexts } from "../messages.js";
import type { NetworksService } from "../service.js";
import { reportPrompt } from "../slack/views.js";

export function createReportPromptsJob(o: {
  networks: Pick<NetworksService, "promptsDue">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  return {
    name: "meeting-report-prompts",
    schedule: "55 9 * * 1-5",
    description: (locale, time) => networkTexts(locale).jobs.prompts(time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working } = await officeDayOf(occurrence, deps);
      if (!working) return "skipped: not a working day";
      const due = await o.networks.promptsDue(today);
      let sent = 0;
      for (const v of due) {
        const delegate = v.meeting.attendees[0];
        if (!delegate) continue;
        const locale = await o.locales.resolve(delegate);
        const message = withSnooze(messages(locale), reportPrompt(locale, v));
        const result = await postPersonal(deps, occurrence, {
          key: `meeting-report-prompt:${v.meeting.id}`,
          channel: delegate,
          ...message,
        });
        if (result.posted || result.until) sent++;
      }
      return `${due.length} reports owed, ${sent} prompts`;
    },
  };
}
