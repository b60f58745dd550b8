// The composition of the domain services the listeners and jobs use.
import type { SqlReader } from "../db/sql-reader.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LocaleCode } from "../i18n/index.js";
import type { Clock } from "../lib/clock.js";
import { createCalendarReminders } from "./calendar/calendar-reminders.js";
import { createWorkingCalendar } from "./calendar/working-days.js";
import { createClippingAlerts } from "./clippings/clipping-alerts.js";
import { createClippingReplies, createRepliesDigestSection } from "./clippings/clipping-replies.js";
import { createClippingSearch } from "./clippings/clipping-search.js";
import { createClippingService } from "./clippings/clipping-service.js";
import { createClippingsDigestSection } from "./clippings/clippings-digest.js";
import { createContactImports } from "./contacts/contact-import.js";
import { createContactService } from "./contacts/contact-service.js";
import { createLetterService } from "./correspondence/letter-service.js";
import { createLettersDigestSection } from "./correspondence/letters-digest.js";
import type { DigestSection } from "./digest/digest-section.js";
import { createEventService } from "./events/event-service.js";
import { createEventsDigestSection } from "./events/events-digest.js";
import { createGreetingService } from "./greetings/greeting-service.js";
import { createThankYouDigestSection, createVipNameDaysDigestSection } from "./greetings/greetings-digest.js";
import { NameDayCalendar } from "./namedays/nameday-calendar.js";
import { createOutboundStore } from "./outbound/outbound-store.js";
import { createJobRunStore } from "./scheduling/job-runs.js";
import { createSponsorsDigestSections } from "./sponsors/sponsors-digest.js";
import { createSponsorshipService } from "./sponsors/sponsorship-service.js";
import { createTranslationService } from "./translations/translation-service.js";
import { createLocaleService, type SlackLocaleLookup } from "./users/locale.js";
import { createRoleService } from "./users/roles.js";

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
  const letters = createLetterService(deps);
  const sponsorships = createSponsorshipService(deps);
  const events = createEventService(deps);
  // Each area that has something for the managers' morning digest adds its section here.
  const digestSections: DigestSection[] = [
    createClippingsDigestSection(deps),
    createRepliesDigestSection(clippingReplies),
    createVipNameDaysDigestSection({ contacts, nameDays }),
    createThankYouDigestSection(greetings),
    createLettersDigestSection(letters),
    ...createSponsorsDigestSections(sponsorships),
    createEventsDigestSection(events),
  ];
  return {
    roles,
    /** Who may correct or withdraw a clipping: the person who logged it, or a manager. */
    async mayChangeClipping(userId: string, createdBy: string): Promise<boolean> {
      return createdBy === userId || (await roles.hasRole(userId, "manager"));
    },
    locales: createLocaleService(deps),
    clippings: createClippingService(deps),
    clippingSearch: createClippingSearch(deps),
    clippingReplies,
    clippingAlerts: createClippingAlerts(deps),
    calendar: createWorkingCalendar({ ...deps, localHolidayOn: calendarReminders.localHolidayOn }),
    calendarReminders,
    contacts,
    contactImports: createContactImports({ prisma: deps.prisma, clock: deps.clock, contacts, nameDays }),
    greetings,
    nameDays,
    translations: createTranslationService(deps),
    letters,
    sponsorships,
    events,
    jobRuns: createJobRunStore(deps),
    outbound: createOutboundStore(deps),
    digestSections,
  };
}

let nameDayCalendar: NameDayCalendar | undefined;
/** The name-day calendar is read-only data: built once per process. */
function sharedNameDayCalendar(): NameDayCalendar {
  nameDayCalendar ??= NameDayCalendar.load();
  return nameDayCalendar;
}

export type Services = ReturnType<typeof createServices>;
