// Which contacts' name days a working morning announces: today's and the next working day's, and
// every day in between (a Saturday, a Sunday or a holiday is announced on the working day before).
// Opted-out and archived contacts are never listed.

import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import { greetingsOf } from "../../calendar/namedays/vocative.js";
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

/**
 * The wish to offer staff for a contact, ready to copy: formal («Αγαπητέ κύριε Παπαδόπουλε, …», or
 * the title protocol requires) for someone with an office or a VIP, informal («Χρόνια πολλά,
 * Γιώργο!») otherwise; none for a contact written to in another language than Greek.
 */
export function suggestedGreeting(
  calendar: NameDayCalendar,
  contact: Pick<GreetedContact, "nameEl" | "title" | "vip" | "vocative" | "language">,
): string | undefined {
  if (contact.language && contact.language !== "el") return undefined;
  const g = greetingsOf(calendar, { nameEl: contact.nameEl, title: contact.title, vocative: contact.vocative });
  return contact.title || contact.vip ? g.formal : g.informal;
}
