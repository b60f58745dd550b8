// After an event, every sponsor of it not yet thanked: a reminder to whoever registered the
// sponsorship each working day until the letter is marked sent, and a thank-you letter tracked
// with the contact's greetings when the sponsor is in the contact archive.

import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { postPersonal } from "../../../scheduling/personal-hour.js";
import { withSnooze } from "../../../scheduling/snooze.js";
import type { SponsorsService } from "../service.js";
import { thanksReminderText } from "../slack/sponsor-views.js";

export function createSponsorThanksJob(options: {
  sponsorships: Pick<SponsorsService, "requestThanksOwed">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  const { sponsorships, locales } = options;
  return {
    name: "sponsor-thanks",
    schedule: "30 9 * * 1-5",
    description: (locale, time) => messages(locale).sponsors.jobDescriptions["sponsor-thanks"](time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working } = await officeDayOf(occurrence, deps);
      if (!working) return "skipped: not a working day";
      const owed = await sponsorships.requestThanksOwed(today);
      let sent = 0;
      for (const s of owed) {
        const t = messages(await locales.resolve(s.createdBy));
        const message = withSnooze(t, { text: thanksReminderText(t, s) });
        // At the office's hour in the person's own time zone (now, or kept for then, once).
        const key = `sponsor-thanks:${s.id}:${today}`;
        const result = await postPersonal(deps, occurrence, { key, channel: s.createdBy, ...message });
        if (result.posted || result.until) sent++;
      }
      return `${owed.length} sponsors owed a letter, ${sent} reminders`;
    },
  };
}
