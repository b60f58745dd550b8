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
import type { LocaleCode } from "../i18n/index.js";
import type { Clock } from "../lib/clock.js";
import type { Job } from "../scheduling/job.js";
import type { SlackKit } from "../slack/listener.js";
import type { Sender } from "../slack/sender.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { Services } from "./services.js";

/**
 * What the composition root has for the areas to take from: the kit, the areas' use cases (each
 * built once, see services.ts), the clock and the configuration. Each area takes what it needs,
 * typed by the small interface it declares.
 */
export interface AreaWiring extends SlackKit {
  services: Services;
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
  const { services: s } = deps;
  const areas = [
    createDigestArea({ sections: digestSections, managers: s.roles, locales: deps.locales }),
    createClippingsArea({
      kit,
      services: {
        clippings: s.clippings,
        search: s.clippingSearch,
        replies: s.clippingReplies,
        alerts: s.clippingAlerts,
      },
      managers: s.roles,
      defaultLocale: deps.defaultLocale,
      sender: deps.sender,
    }),
    createContactsArea({
      kit,
      services: { contacts: s.contacts, imports: s.contactImports },
      clock: deps.clock,
      timeZone: deps.timeZone,
      nameDays: s.nameDays,
      greetings: s.greetings,
    }),
    createOfficeCalendarArea({
      kit,
      services: { greetings: s.greetings, reminders: s.calendarReminders, calendar: s.calendar },
      clock: deps.clock,
      timeZone: deps.timeZone,
      defaultLocale: deps.defaultLocale,
      nameDays: s.nameDays,
      contacts: s.contacts,
    }),
    createTranslationsArea({
      kit,
      services: { translations: s.translations },
      defaultLocale: deps.defaultLocale,
      sender: deps.sender,
      intlChannelId: deps.intlChannelId,
    }),
    createCorrespondenceArea({ kit, services: { letters: s.letters }, roles: s.roles }),
    createSponsorsArea({
      kit,
      services: { sponsorships: s.sponsorships },
      clock: deps.clock,
      timeZone: deps.timeZone,
      sender: deps.sender,
    }),
    createEventsArea({
      kit,
      services: { events: s.events },
      clock: deps.clock,
      timeZone: deps.timeZone,
      defaultLocale: deps.defaultLocale,
      sender: deps.sender,
      prChannelId: deps.prChannelId,
      sponsors: s.sponsorships,
      contacts: s.contacts,
    }),
    createAdminArea({
      kit,
      roles: s.roles,
      locales: s.locales,
      topics: s.clippings,
      departments: s.clippings,
      watchTerms: s.clippingAlerts,
      categories: s.contacts,
      reminders: s.calendarReminders,
      precedence: s.events,
      calendar: s.calendar,
      jobRuns: s.jobRuns,
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
  config: Config;
  logger: Logger;
  clock: Clock;
  sender: Sender;
}): AreaWiring {
  const { services, config } = options;
  return {
    services,
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
