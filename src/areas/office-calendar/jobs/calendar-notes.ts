// The office's calendar notes, every working morning: on the working day before a public holiday,
// that the office will be closed (and, for a moved holiday, whether its day is still the expected
// one); before a half day (24 and 31 December), that work stops at 13:00; and ahead of each celebration the office organises (25 March,
// 28 October, the municipality's own days) by its lead time, a reminder with the date and weekday.

import type { KnownBlock } from "@slack/types";
import { weekdayAndDate } from "../../../calendar/namedays/describe.js";
import { messages } from "../../../i18n/index.js";
import { daysBetween, shiftDate } from "../../../lib/clock.js";
import { type Job, officeMorning } from "../../../scheduling/job.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { EVENT_CREATE_ACTION, newEventValue } from "../../events/index.js";
import type { OfficeCalendarServices } from "../office-calendar-services.js";

export const createCalendarNotesJob = (services: Pick<OfficeCalendarServices, "reminders">): Job => ({
  name: "calendar-notes",
  schedule: "45 8 * * 1-5",
  description: (locale, time) => messages(locale).calendarNotes.jobDescriptions["calendar-notes"](time),
  catchUp: "latest",
  async run(occurrence, deps) {
    const morning = await officeMorning(occurrence, deps, "calendar-notes");
    if ("skip" in morning) return morning.skip;
    const { today, channel } = morning;
    const t = messages(deps.defaultLocale);
    let notes = 0;
    // Holidays between today and the next working day: announced today, once each.
    const next = await deps.calendar.nextWorkingDay(today);
    for (let d = shiftDate(today, 1); d < next; d = shiftDate(d, 1)) {
      const day = await deps.calendar.dayInfo(d, deps.defaultLocale);
      if (!day.holiday) continue;
      const moved = day.movedFrom ? t.calendarNotes.movedHoliday(weekdayAndDate(t, day.movedFrom), !!day.expected) : "";
      const text = t.calendarNotes.holidayTomorrow(escapeMrkdwn(day.holiday), weekdayAndDate(t, d)) + moved;
      if ((await deps.sender.post({ key: `holiday-note:${d}`, channel, text })).posted) notes++;
    }
    // The next working day itself: 1 May when Labour Day is kept elsewhere; a half day.
    const nextDay = await deps.calendar.dayInfo(next, deps.defaultLocale);
    if (nextDay.movedTo) {
      const text = t.calendarNotes.holidayMovedAway(
        weekdayAndDate(t, next),
        weekdayAndDate(t, nextDay.movedTo),
        !!nextDay.expected,
      );
      if ((await deps.sender.post({ key: `holiday-moved-note:${next}`, channel, text })).posted) notes++;
    }
    if (nextDay.closesAt) {
      const text = t.calendarNotes.halfDayTomorrow(weekdayAndDate(t, next), nextDay.closesAt);
      if ((await deps.sender.post({ key: `half-day-note:${next}`, channel, text })).posted) notes++;
    }
    for (const { reminder, date } of await services.reminders.dueOn(today, "celebration")) {
      const text = t.calendarNotes.celebration(
        escapeMrkdwn(reminder.name),
        weekdayAndDate(t, date),
        daysBetween(today, date),
      );
      // A button that opens the event form with the day and its name filled in.
      const value = newEventValue.encode({ title: truncate(reminder.name, 150), date, type: "national_day" });
      const blocks: KnownBlock[] = [
        { type: "section", text: { type: "mrkdwn", text } },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: EVENT_CREATE_ACTION,
              text: { type: "plain_text", text: t.events.createFromReminder },
              value,
            },
          ],
        },
      ];
      if ((await deps.sender.post({ key: `celebration:${reminder.id}:${date}`, channel, text, blocks })).posted)
        notes++;
    }
    return `${notes} note(s) posted`;
  },
});
