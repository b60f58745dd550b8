// The office-calendar area: name days and greetings (/giortes, /namedays, the morning's name days,
// card campaigns, calendar notes), and the office's working calendar over the admins' corrections.
//
// Slack ids: commands /giortes and /namedays; actions name_day_wishes_sent, name_day_skip,
// cards_record; view cards_record_modal.
// Jobs: name-day-reminders (08:30), greeting-cards (08:40), calendar-notes (08:45).
// Digest sections: vip-name-days, thank-you-letters.
import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { LocaleCode } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createCalendarReminders } from "./calendar-reminders.js";
import { createCalendarStore } from "./calendar-store.js";
import { createGreetingService, type GreetingServiceDeps } from "./greeting-service.js";
import { createGreetingStore } from "./greeting-store.js";
import { createThankYouDigestSection, createVipNameDaysDigestSection } from "./greetings-digest.js";
import { createCalendarNotesJob } from "./jobs/calendar-notes.js";
import { createGreetingCardsJob } from "./jobs/greeting-cards.js";
import { createNameDayRemindersJob } from "./jobs/name-day-reminders.js";
import { createOfficeCalendar } from "./office-calendar.js";
import type { ContactsForGreetings, OfficeCalendarServices } from "./office-calendar-services.js";
import { register } from "./slack/listeners.js";
import { NAME_DAY_COMMANDS } from "./slack/name-days-command.js";

export type { OfficeCalendar } from "./office-calendar.js";
export type { ContactsForGreetings, GreetedContact } from "./office-calendar-services.js";

export interface OfficeCalendarServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  /** Who is staff: only staff record what became of a greeting. */
  roles: GreetingServiceDeps["roles"];
  /** Whether a contact is in the archive: from the contacts area. */
  contacts: GreetingServiceDeps["contacts"];
}

/** The area's use cases, built once by the composition root. */
export function createOfficeCalendarServices(deps: OfficeCalendarServicesDeps) {
  const calendarStore = createCalendarStore(deps.prisma);
  return {
    greetings: createGreetingService({
      store: createGreetingStore(deps.prisma),
      clock: deps.clock,
      roles: deps.roles,
      contacts: deps.contacts,
    }),
    reminders: createCalendarReminders({ store: calendarStore }),
    /** The office's working days over the admins' corrections (the scheduler's jobs use it too). */
    calendar: createOfficeCalendar({ store: calendarStore }),
  };
}

export type OfficeCalendarAreaServices = ReturnType<typeof createOfficeCalendarServices>;

export interface OfficeCalendarAreaDeps {
  kit: SlackKit;
  services: OfficeCalendarAreaServices;
  clock: Clock;
  timeZone: string;
  defaultLocale: LocaleCode;
  nameDays: NameDayCalendar;
  /** Who celebrates, and who gets cards: from the contacts area. */
  contacts: ContactsForGreetings;
}

export function createOfficeCalendarArea(deps: OfficeCalendarAreaDeps): Area {
  const services: OfficeCalendarServices = {
    contacts: deps.contacts,
    greetings: deps.services.greetings,
    reminders: deps.services.reminders,
    nameDays: deps.nameDays,
    clock: deps.clock,
    timeZone: deps.timeZone,
    defaultLocale: deps.defaultLocale,
  };
  return {
    name: "office-calendar",
    register: (app) => register(app, deps.kit, services),
    digestSections: [createVipNameDaysDigestSection(services), createThankYouDigestSection(services)],
    jobs: [createNameDayRemindersJob(services), createGreetingCardsJob(services), createCalendarNotesJob(services)],
    commands: NAME_DAY_COMMANDS.map((name) => ({
      name,
      role: "staff" as const,
      summary: (t) => t.nameDays.commandSummary,
    })),
  };
}
