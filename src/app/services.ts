// The composition of the domain services the listeners and jobs use.

import { createClippingAlerts } from "../areas/clippings/clipping-alerts.js";
import { createClippingReplies } from "../areas/clippings/clipping-replies.js";
import { createClippingSearch } from "../areas/clippings/clipping-search.js";
import { createClippingService } from "../areas/clippings/clipping-service.js";
import { createContactImports } from "../areas/contacts/contact-import.js";
import { createContactService } from "../areas/contacts/contact-service.js";
import { createEventService } from "../areas/events/event-service.js";
import { createCalendarReminders } from "../areas/office-calendar/calendar-reminders.js";
import { createCalendarStore } from "../areas/office-calendar/calendar-store.js";
import { createGreetingService } from "../areas/office-calendar/greeting-service.js";
import { createOfficeCalendar } from "../areas/office-calendar/office-calendar.js";
import { createSponsorshipService } from "../areas/sponsors/sponsorship-service.js";
import { createLocaleService, type SlackLocaleLookup } from "../areas/users/locale.js";
import { createRoleService } from "../areas/users/roles.js";
import { NameDayCalendar } from "../calendar/namedays/nameday-calendar.js";
import type { SqlReader } from "../db/sql-reader.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LocaleCode } from "../i18n/index.js";
import type { Clock } from "../lib/clock.js";
import { createJobRunStore } from "../scheduling/job-runs-store.js";
import { createOutboundStore } from "../slack/outbound-store.js";

export function createServices(deps: {
  prisma: PrismaClient;
  /** The clippings search's reads (see sql-reader.ts). */
  reader: SqlReader;
  clock: Clock;
  timeZone: string;
  defaultLocale: LocaleCode;
  lookupSlackLocale: SlackLocaleLookup;
}) {
  const clippingReplies = createClippingReplies(deps);
  const roles = createRoleService(deps);
  const calendarReminders = createCalendarReminders(deps);
  const contacts = createContactService(deps);
  const greetings = createGreetingService(deps);
  const nameDays = sharedNameDayCalendar();
  const sponsorships = createSponsorshipService(deps);
  const events = createEventService(deps);
  return {
    roles,
    locales: createLocaleService(deps),
    clippings: createClippingService(deps),
    clippingSearch: createClippingSearch(deps),
    clippingReplies,
    clippingAlerts: createClippingAlerts(deps),
    calendar: createOfficeCalendar({ store: createCalendarStore(deps.prisma) }),
    calendarReminders,
    contacts,
    contactImports: createContactImports({ prisma: deps.prisma, clock: deps.clock, contacts, nameDays }),
    greetings,
    nameDays,
    sponsorships,
    events,
    jobRuns: createJobRunStore(deps),
    outbound: createOutboundStore(deps),
  };
}

let nameDayCalendar: NameDayCalendar | undefined;
/** The name-day calendar is read-only data: built once per process. */
function sharedNameDayCalendar(): NameDayCalendar {
  nameDayCalendar ??= NameDayCalendar.load();
  return nameDayCalendar;
}

export type Services = ReturnType<typeof createServices>;
