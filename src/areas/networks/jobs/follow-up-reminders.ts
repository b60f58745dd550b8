// Meetings' follow-up actions reminded to their owners as the agreements' obligations are: two
// working days before the due date and on the day (a due date on a weekend or holiday: the working
// day before it), on working days, at the owner's hour. One DM per action and kind of reminder,
// whatever the retries or the takeovers: the key is the action's, not the run's.
import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import { formatDayMonthYear, shiftDate } from "../../../lib/clock.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { postPersonal } from "../../../scheduling/personal-hour.js";
import { withSnooze } from "../../../scheduling/snooze.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { networkTexts } from "../messages.js";
import { followUpReminderDays } from "../rules.js";
import type { NetworksService } from "../service.js";

export function createFollowUpRemindersJob(o: {
  networks: Pick<NetworksService, "openFollowUps">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  return {
    name: "meeting-follow-up-reminders",
    schedule: "52 9 * * 1-5",
    description: (locale, time) => networkTexts(locale).jobs.followUps(time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working } = await officeDayOf(occurrence, deps);
      if (!working) return "skipped: not a working day";
      // Two working days back from a due date can reach over a long holiday (Easter): two weeks is ample.
      const open = await o.networks.openFollowUps({ from: today, to: shiftDate(today, 14) });
      let sent = 0;
      for (const f of open) {
        const due = f.dueOn.toISOString().slice(0, 10);
        const days = await followUpReminderDays(due, deps.calendar);
        const kind = days.onDay === today ? "day" : days.before === today ? "before" : undefined;
        if (!kind) continue;
        const locale = await o.locales.resolve(f.owner);
        const t = networkTexts(locale).reminders;
        const what = escapeMrkdwn(truncate(f.description, 200));
        const text =
          kind === "day"
            ? t.followUpToday(f.meetingId, what)
            : t.followUpSoon(f.meetingId, what, formatDayMonthYear(due));
        const result = await postPersonal(deps, occurrence, {
          key: `meeting-follow-up:${f.id}:${due}:${kind}`,
          channel: f.owner,
          ...withSnooze(messages(locale), { text }),
        });
        if (result.posted || result.until) sent++;
      }
      return `${open.length} open within two weeks, ${sent} reminders`;
    },
  };
}
