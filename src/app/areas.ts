// The composition root of the areas: every area of Grafeio, built from what it needs, one line
// each. Adding an area: its folder under src/areas with an index.ts exporting its factory, and one
// line here.
import { createAdminArea } from "../areas/admin/index.js";
import type { Area, CommandInfo } from "../areas/area.js";
import { createClippingsArea } from "../areas/clippings/index.js";
import { createContactsArea } from "../areas/contacts/index.js";
import { createCorrespondenceArea } from "../areas/correspondence/index.js";
import type { DigestSection } from "../areas/digest/digest-section.js";
import { createDigestArea } from "../areas/digest/index.js";
import { createEventsArea } from "../areas/events/index.js";
import { createOfficeCalendarArea } from "../areas/office-calendar/index.js";
import { createSponsorsArea } from "../areas/sponsors/index.js";
import { createTranslationsArea } from "../areas/translations/index.js";
import type { SqlReader } from "../db/sql-reader.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LocaleCode } from "../i18n/index.js";
import type { Clock } from "../lib/clock.js";
import type { Job } from "../scheduling/job.js";
import type { SlackKit } from "../slack/listener.js";
import type { Sender } from "../slack/sender.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { Services } from "./services.js";

/**
 * What the composition root has for the areas to take from: the kit, the database, the clock and
 * the configuration each area may declare, and the services some areas still offer one another
 * (each area takes what it needs from here, typed by the small interface it declares).
 */
export interface AreaWiring extends SlackKit {
  services: Services;
  prisma: PrismaClient;
  reader: SqlReader;
  clock: Clock;
  timeZone: string;
  /** The office's language, for what is posted in channels. */
  defaultLocale: LocaleCode;
  sender: Sender;
  /** The International Relations office's channel, where translation requests are posted. */
  intlChannelId?: string;
  /** The PR office's channel, where events' cards are posted. */
  prChannelId?: string;
}

export function createAreas(deps: AreaWiring): Area[] {
  // The admins' `/grafeio jobs` lists every area's jobs, the admin area's own included.
  const jobs: Job[] = [];
  const digestSections: DigestSection[] = [];
  // `/grafeio help` lists every area's commands.
  const commands: CommandInfo[] = [];
  const kit: SlackKit = { logger: deps.logger, roles: deps.roles, locales: deps.locales };
  const areas = [
    createDigestArea({ sections: digestSections, managers: deps.services.roles, locales: deps.locales }),
    createClippingsArea({
      kit,
      roles: deps.services.roles,
      prisma: deps.prisma,
      reader: deps.reader,
      clock: deps.clock,
      timeZone: deps.timeZone,
      defaultLocale: deps.defaultLocale,
      sender: deps.sender,
    }),
    createContactsArea({
      kit,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      nameDays: deps.services.nameDays,
      greetings: deps.services.greetings,
    }),
    createOfficeCalendarArea({
      kit,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      defaultLocale: deps.defaultLocale,
      nameDays: deps.services.nameDays,
      contacts: deps.services.contacts,
    }),
    createTranslationsArea({
      kit,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      defaultLocale: deps.defaultLocale,
      sender: deps.sender,
      intlChannelId: deps.intlChannelId,
      roles: deps.services.roles,
    }),
    createCorrespondenceArea({
      kit,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      roles: deps.services.roles,
    }),
    createSponsorsArea({
      kit,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      sender: deps.sender,
      roles: deps.services.roles,
      greetings: deps.services.greetings,
      events: deps.services.events,
    }),
    createEventsArea({
      kit,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      defaultLocale: deps.defaultLocale,
      sender: deps.sender,
      prChannelId: deps.prChannelId,
      sponsors: deps.services.sponsorships,
      contacts: deps.services.contacts,
    }),
    createAdminArea({
      kit,
      roles: deps.services.roles,
      locales: deps.services.locales,
      topics: deps.services.clippings,
      departments: deps.services.clippings,
      watchTerms: deps.services.clippingAlerts,
      categories: deps.services.contacts,
      reminders: deps.services.calendarReminders,
      precedence: deps.services.events,
      calendar: deps.services.calendar,
      jobRuns: deps.services.jobRuns,
      jobs,
      commands,
      clock: deps.clock,
      timeZone: deps.timeZone,
    }),
  ];
  jobs.push(...areas.flatMap((area) => area.jobs));
  digestSections.push(...areas.flatMap((area) => area.digestSections ?? []));
  commands.push(...areas.flatMap((area) => area.commands ?? []));
  return areas;
}

/** The wiring from the services, the configuration and the sender. */
export function areaWiring(options: {
  services: Services;
  db: { prisma: PrismaClient; reader: SqlReader };
  config: Config;
  logger: Logger;
  clock: Clock;
  sender: Sender;
}): AreaWiring {
  const { services, config } = options;
  return {
    services,
    prisma: options.db.prisma,
    reader: options.db.reader,
    roles: services.roles,
    locales: services.locales,
    logger: options.logger,
    clock: options.clock,
    sender: options.sender,
    timeZone: config.timeZone,
    defaultLocale: config.defaultLocale,
    intlChannelId: config.intlChannelId,
    prChannelId: config.prChannelId,
  };
}
