// Every working morning: the contacts whose name day is today or before the next working day,
// posted to the PR office's channel, VIPs first, each with "wishes sent" and "skip".

import { describeNameDay } from "../../../calendar/namedays/describe.js";
import { messages } from "../../../i18n/index.js";
import { type Job, officeMorning } from "../../../scheduling/job.js";
import { nameDaysToAnnounce, suggestedGreeting } from "../name-day-reminder.js";
import type { OfficeCalendarServices } from "../office-calendar-services.js";
import { buildNameDayMessages } from "../slack/name-day-views.js";

export const createNameDayRemindersJob = (services: OfficeCalendarServices): Job => ({
  name: "name-day-reminders",
  schedule: "30 8 * * 1-5",
  description: (locale, time) => messages(locale).nameDays.jobDescriptions["name-day-reminders"](time),
  catchUp: "latest",
  async run(occurrence, deps) {
    const morning = await officeMorning(occurrence, deps, "name-day-reminders");
    if ("skip" in morning) return morning.skip;
    const { today, channel } = morning;
    const { days, entries } = await nameDaysToAnnounce(services, deps.calendar, today);
    if (entries.length === 0) return `no contact celebrates ${days.join(", ")}`;
    const t = messages(deps.defaultLocale);
    const year = Number(today.slice(0, 4));
    const parts = buildNameDayMessages({
      t,
      locale: deps.defaultLocale,
      today,
      days,
      entries,
      timeZone: deps.timeZone,
      nameDayOf: (key) => describeNameDay(services.nameDays, key, { t, locale: deps.defaultLocale, year }),
      greetingOf: (contact) => suggestedGreeting(services.nameDays, contact),
    });
    // Keyed by the office day, not the schedule: an admin moving the time never posts the day twice.
    for (const [i, part] of parts.entries()) {
      await deps.sender.post({ key: `name-days:${today}:${i}`, channel, text: part.text, blocks: part.blocks });
    }
    return `${entries.length} name days (${days.join(", ")}) in ${parts.length} message(s)`;
  },
});
