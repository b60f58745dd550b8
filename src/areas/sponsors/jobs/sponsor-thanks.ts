// After an event, every sponsor of it not yet thanked: a reminder to whoever registered the
// sponsorship each working day until the letter is marked sent, and a thank-you letter tracked
// with the contact's greetings when the sponsor is in the contact archive.
import { messages } from "../../../i18n/index.js";
import { type Job, officeDayOf } from "../../../scheduling/job.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";

export const sponsorThanks: Job = {
  name: "sponsor-thanks",
  schedule: "30 9 * * 1-5",
  description: "Thank-you letters owed to sponsors of past events (working days, 09:30)",
  catchUp: "latest",
  async run(occurrence, deps) {
    const { services } = deps;
    const { date: today, working } = await officeDayOf(occurrence, deps);
    if (!working) return "skipped: not a working day";
    const owed = await services.sponsorships.thanksOwed(today);
    let sent = 0;
    for (const s of owed) {
      if (s.contactId)
        await services.greetings.requestThankYou({
          contactId: s.contactId,
          occasion: `sponsorship:${s.id}`,
          reason: `${s.organisation}: ${s.eventName}`,
        });
      const t = messages(await services.locales.resolve(s.createdBy)).sponsors;
      const text = t.thanksReminder(
        s.id,
        escapeMrkdwn(truncate(s.organisation, 100)),
        escapeMrkdwn(truncate(s.eventName, 100)),
      );
      if ((await deps.sender.post({ key: `sponsor-thanks:${s.id}:${today}`, channel: s.createdBy, text })).posted)
        sent++;
    }
    return `${owed.length} sponsors owed a letter, ${sent} reminders`;
  },
};
