// Events as an iCalendar file, for Outlook and Google Calendar. Pure: data in, text out.
import ical, { ICalEventStatus } from "ical-generator";
import { localDate, shiftDate } from "../../lib/clock.js";
import type { EventWithType } from "./store.js";

/** A cancelled event is sent as cancelled, so that subscribed calendars drop it. */
export function eventsToIcs(events: readonly EventWithType[], calendarName: string, timeZone: string): string {
  // Times in UTC (…Z), which every calendar converts; a TZID without its VTIMEZONE block would
  // be read as the reader's own zone. All-day events are the office's calendar dates.
  const calendar = ical({ name: calendarName, prodId: { company: "Grafeio", product: "Grafeio" } });
  const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  for (const e of events) {
    calendar.createEvent({
      id: `grafeio-event-${e.id}`,
      ...(e.allDay
        ? {
            allDay: true,
            start: utcDate(localDate(e.startsAt, timeZone)),
            end: utcDate(shiftDate(localDate(e.endsAt, timeZone), 1)),
          }
        : { start: e.startsAt, end: e.endsAt }),
      summary: e.title,
      location: e.venue ?? undefined,
      description: [e.type.nameEl, e.organiser, e.notes].filter(Boolean).join("\n"),
      status: e.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
