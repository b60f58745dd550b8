// N days before each card campaign's day (Christmas, Orthodox Easter; N set per campaign, 21 by
// default), the PR office gets the list of recipients and a tracker. Posted once per campaign and
// year; a day missed while the bot was down is made up the next working day.
import { messages } from "../../../i18n/index.js";
import { type Job, officeMorning } from "../../../scheduling/job.js";
import { loadCardCampaign } from "../card-campaign.js";
import type { OfficeCalendarServices } from "../office-calendar-services.js";
import { renderCardCampaign } from "../slack/card-views.js";

export const createGreetingCardsJob = (services: OfficeCalendarServices): Job => ({
  name: "greeting-cards",
  schedule: "40 8 * * 1-5",
  description: (locale, time) => messages(locale).cards.jobDescriptions["greeting-cards"](time),
  catchUp: "latest",
  async run(occurrence, deps) {
    const morning = await officeMorning(occurrence, deps, "greeting-cards");
    if ("skip" in morning) return morning.skip;
    const { today, channel } = morning;
    const due = await services.reminders.dueOn(today, "cards");
    if (due.length === 0) return "no campaign due";
    let posted = 0;
    for (const { reminder, date } of due) {
      const campaign = await loadCardCampaign(services, { reminder, date, today });
      const message = renderCardCampaign(deps.defaultLocale, campaign);
      const sent = await deps.sender.post({ key: `cards:${reminder.id}:${date}`, channel, ...message });
      if (sent.posted) posted++;
    }
    return `${due.length} campaign(s) due, ${posted} posted now`;
  },
});
