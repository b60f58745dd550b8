// The areas' use cases, each built once from its area's own factory, in the order they need one
// another: who may do what first, then the contact archive, which the greetings, the sponsors and
// the correspondence ask about; the events before the sponsors, whose sponsorships are tied to
// them. Each area is handed only the small interface it declares (see its index.ts); this record
// is what the composition root wires the areas from, and what tests reach the use cases through.
import { createClippingsServices } from "../areas/clippings/index.js";
import { createContactsServices } from "../areas/contacts/index.js";
import { createCorrespondenceServices } from "../areas/correspondence/index.js";
import { createEventsServices } from "../areas/events/index.js";
import { createOfficeCalendarServices } from "../areas/office-calendar/index.js";
import { createSponsorsServices } from "../areas/sponsors/index.js";
import { createTranslationsServices } from "../areas/translations/index.js";
import { createUsersServices, type SlackLocaleLookup } from "../areas/users/index.js";
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
  const { prisma, clock, timeZone } = deps;
  const nameDays = sharedNameDayCalendar();
  const { roles, locales } = createUsersServices(deps);
  const clippings = createClippingsServices({ ...deps, roles });
  const contacts = createContactsServices({ prisma, clock, roles, nameDays });
  const officeCalendar = createOfficeCalendarServices({ prisma, clock, roles, contacts: contacts.contacts });
  const { events } = createEventsServices({ prisma, clock, timeZone, roles });
  const { sponsorships } = createSponsorsServices({
    prisma,
    clock,
    timeZone,
    roles,
    greetings: officeCalendar.greetings,
    events,
    contacts: contacts.contacts,
  });
  const { letters } = createCorrespondenceServices({ prisma, clock, timeZone, roles, contacts: contacts.contacts });
  const { translations } = createTranslationsServices({ prisma, clock, timeZone, roles });
  return {
    roles,
    locales,
    clippings: clippings.clippings,
    clippingSearch: clippings.search,
    clippingReplies: clippings.replies,
    clippingAlerts: clippings.alerts,
    contacts: contacts.contacts,
    contactImports: contacts.imports,
    nameDays,
    greetings: officeCalendar.greetings,
    calendarReminders: officeCalendar.reminders,
    calendar: officeCalendar.calendar,
    events,
    sponsorships,
    letters,
    translations,
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
