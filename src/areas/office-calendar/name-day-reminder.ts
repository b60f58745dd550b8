// Which contacts' name days a working morning announces: today's and the next working day's, and
// every day in between (a Saturday, a Sunday or a holiday is announced on the working day before).
// Opted-out and archived contacts are never listed.

import type { WorkingCalendar } from "../../calendar/working-days.js";
import { shiftDate } from "../../lib/clock.js";
import type { GreetedContact, OfficeCalendarServices } from "./office-calendar-services.js";

export interface NameDayOfContact {
  date: string;
  contact: GreetedContact;
  /** What was recorded already (wishes sent or skipped), on this message or an earlier one. */
  recorded?: { status: "pending" | "sent" | "skipped"; doneBy: string | null; doneAt: Date | null };
}

export async function nameDaysToAnnounce(
  services: Pick<OfficeCalendarServices, "contacts" | "greetings" | "nameDays">,
  calendar: Pick<WorkingCalendar, "nextWorkingDay">,
  today: string,
): Promise<{ days: string[]; entries: NameDayOfContact[] }> {
  const next = await calendar.nextWorkingDay(today);
  const days: string[] = [];
  for (let d = today; d <= next; d = shiftDate(d, 1)) days.push(d);
  const entries: NameDayOfContact[] = [];
  for (const date of days) {
    const contacts = await services.contacts.celebratingOn(services.nameDays.keysOn(date));
    const ids = contacts.map((c) => c.id);
    const recorded = new Map((await services.greetings.statusOf("name_day", date, ids)).map((g) => [g.contactId, g]));
    for (const contact of contacts) entries.push({ date, contact, recorded: recorded.get(contact.id) });
  }
  return { days, entries };
}
