// What the office-calendar area's jobs and listeners are built from: its own services, the name-day
// calendar, and the little it needs from the contact archive.
import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import type { LocaleCode } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import type { CategoryOption, ContactRecord } from "../contacts/index.js";
import type { CalendarReminders } from "./calendar-reminders.js";
import type { GreetingService } from "./greeting-service.js";

/** A contact as the greetings see it. */
export type GreetedContact = ContactRecord;

/** What the greetings need from the contact archive (implemented by the contacts area's service). */
export interface ContactsForGreetings {
  /** Contacts whose chosen name day is one of `keys` (VIPs first; opted-out ones only when asked). */
  celebratingOn(keys: string[], options?: { includeOptedOut?: boolean }): Promise<GreetedContact[]>;
  /** Everyone greetings go to (not archived, not opted out), by category and language. */
  greetable(): Promise<GreetedContact[]>;
  listCategories(): Promise<CategoryOption[]>;
  /** One contact, for the form that corrects how it is addressed. */
  get(id: number): Promise<GreetedContact | null>;
}

export interface OfficeCalendarServices {
  contacts: ContactsForGreetings;
  greetings: GreetingService;
  reminders: CalendarReminders;
  nameDays: NameDayCalendar;
  clock: Clock;
  timeZone: string;
  /** The office's language, for what is posted in channels. */
  defaultLocale: LocaleCode;
}
