// The office's calendar notes, every working morning: on the working day before a public holiday,
// that the office will be closed; and ahead of each celebration the office organises (25 March,
// 28 October, the municipality's own days) by its lead time, a reminder with the date and weekday.
import { parseISO } from "date-fns";
import { weekdayAndDate } from "../../domain/namedays/describe.js";
import { shiftDate } from "../../domain/namedays/nameday-calendar.js";
import { messages } from "../../i18n/index.js";
import { escapeMrkdwn } from "../../lib/mrkdwn.js";
import { type Job, officeChannel, officeDayOf } from "../job.js";

export function daysBetween(from: string, to: string): number {
  return Math.round((parseISO(to).getTime() - parseISO(from).getTime()) / 86_400_000);
}

export const calendarNotes: Job = {
  name: "calendar-notes",
  schedule: "45 8 * * 1-5",
  description: "Holiday notes and reminders of the celebrations the office organises (working days, 08:45)",
  catchUp: "latest",
  async run(occurrence, deps) {
    const { services } = deps;
    const { date: today, working } = await officeDayOf(occurrence, deps);
    if (!working) return "skipped: not a working day";
    const channel = officeChannel(deps);
    if (!channel) return "skipped: no channel (set PR_CHANNEL_ID or /grafeio job calendar-notes channel)";
    const t = messages(deps.defaultLocale);
    let notes = 0;
    // Holidays between today and the next working day: announced today, once each.
    const next = await services.calendar.nextWorkingDay(today);
    for (let d = shiftDate(today, 1); d < next; d = shiftDate(d, 1)) {
      const day = await services.calendar.dayInfo(d, deps.defaultLocale);
      if (!day.holiday) continue;
      const text = t.calendarNotes.holidayTomorrow(escapeMrkdwn(day.holiday), weekdayAndDate(t, d));
      if ((await deps.sender.post({ key: `holiday-note:${d}`, channel, text })).posted) notes++;
    }
    for (const { reminder, date } of await services.calendarReminders.dueOn(today, "celebration")) {
      const text = t.calendarNotes.celebration(
        escapeMrkdwn(reminder.name),
        weekdayAndDate(t, date),
        daysBetween(today, date),
      );
      if ((await deps.sender.post({ key: `celebration:${reminder.id}:${date}`, channel, text })).posted) notes++;
    }
    return `${notes} note(s) posted`;
  },
};
