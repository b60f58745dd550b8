// Obligations' owners reminded two working days before each due date and on the day (a due date
// on a weekend or holiday: the working day before it), on working days. One DM per due date,
// owner and kind of reminder, whatever the retries, the takeovers or a moved hour: the key is the
// obligation's due date (the occurrence of the obligation), not the job's run.
import { type LocaleCode, messages } from "../../../i18n/index.js";
import { formatDayMonthYear, shiftDate } from "../../../lib/clock.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { postPersonal } from "../../../scheduling/personal-hour.js";
import { withSnooze } from "../../../scheduling/snooze.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { AgreementsService } from "../agreement-service.js";
import { partnerTexts } from "../messages.js";
import { reminderDays } from "../obligation-rules.js";

export function createObligationRemindersJob(o: {
  agreements: Pick<AgreementsService, "dueBetween">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  return {
    name: "obligation-reminders",
    schedule: "50 9 * * 1-5",
    description: (locale, time) => partnerTexts(locale).jobDescription(time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working } = await officeDayOf(occurrence, deps);
      if (!working) return "skipped: not a working day";
      // Two working days back from a due date can reach over a long holiday (Easter): two weeks ahead is ample.
      const items = await o.agreements.dueBetween(today, shiftDate(today, 14), today);
      let sent = 0;
      for (const item of items) {
        if (item.standing === "done" || item.standing === "waived") continue;
        const days = await reminderDays(item.due, deps.calendar);
        const kind = days.onDay === today ? "day" : days.before === today ? "before" : undefined;
        if (!kind) continue;
        const ob = item.obligation;
        const locale = await o.locales.resolve(ob.owner);
        const t = partnerTexts(locale).reminders;
        const description = escapeMrkdwn(truncate(ob.description, 200));
        const text =
          kind === "day"
            ? t.today(ob.agreementId, description)
            : t.soon(ob.agreementId, description, formatDayMonthYear(item.due));
        const key = `obligation-due:${ob.id}:${item.due}:${kind}`;
        // At the office's hour in the owner's own time zone (now, or kept for then, once), with «Αργότερα».
        const message = withSnooze(messages(locale), { text });
        const result = await postPersonal(deps, occurrence, { key, channel: ob.owner, ...message });
        if (result.posted || result.until) sent++;
      }
      return `${items.length} due within two weeks, ${sent} reminders`;
    },
  };
}
