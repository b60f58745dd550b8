// The composition root of the areas. First each area's use cases, built once from its own factory
// (createServices), in the order they need one another: who may do what, then the contact archive
// (which the greetings, the sponsors and the correspondence ask about), the events before the
// sponsors (whose sponsorships are tied to them). Then every area (createAreas), each handed only
// the small interfaces it declares. Adding an area: its folder under src/areas with an index.ts
// exporting its factories, one line in each of the two functions here.

import { createAdminArea } from "../areas/admin/index.js";
import type { Area, CommandInfo, GrafeioSubCommand } from "../areas/area.js";
import { clipFormOf, createClippingsArea, createClippingsServices, createLinkPages } from "../areas/clippings/index.js";
import { createContactsArea, createContactsServices, type PersonalDataHolder } from "../areas/contacts/index.js";
import {
  createCorrespondenceArea,
  createCorrespondenceServices,
  lettersForNetworks,
} from "../areas/correspondence/index.js";
import type { DigestSection } from "../areas/digest/digest-section.js";
import { createDigestArea } from "../areas/digest/index.js";
import { createEventsArea, createEventsServices } from "../areas/events/index.js";
import { createHomeArea, type HomeSource, type JobsHealth } from "../areas/home/index.js";
import { createNetworksArea, createNetworksServices, meetingsForLetters } from "../areas/networks/index.js";
import { createOfficeCalendarArea, createOfficeCalendarServices } from "../areas/office-calendar/index.js";
import { createPartnersArea, createPartnersServices, partnersForEvents } from "../areas/partners/index.js";
import { createPressIntakeArea, createPressIntakeServices } from "../areas/press-intake/index.js";
import { createQCitiesArea, createQCitiesServices } from "../areas/qcities/index.js";
import { createRemindersArea, createRemindersServices } from "../areas/reminders/index.js";
import { createReportsArea } from "../areas/reports/index.js";
import type { ReportSource } from "../areas/reports/report-source.js";
import { createSponsorsArea, createSponsorsServices } from "../areas/sponsors/index.js";
import { createTranslationsArea, createTranslationsServices } from "../areas/translations/index.js";
import { createUsersServices, type SlackLocaleLookup, type SlackTimeZoneLookup } from "../areas/users/index.js";
import { NameDayCalendar } from "../calendar/namedays/nameday-calendar.js";
import type { SqlReader } from "../db/sql-reader.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LocaleCode } from "../i18n/index.js";
import type { AuditLog } from "../lib/audit.js";
import type { Clock } from "../lib/clock.js";
import { createSafeFetcher, type SafeFetcher } from "../lib/safe-fetch.js";
import type { Job } from "../scheduling/job.js";
import { createJobRunStore } from "../scheduling/job-runs-store.js";
import { createChannelProblemStore } from "../slack/channel-problems-store.js";
import type { ListenerObserver, SlackKit } from "../slack/listener.js";
import { createOutboundStore } from "../slack/outbound-store.js";
import type { Sender } from "../slack/sender.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";

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
  /** The municipality's name on the period reports' cover. */
  municipalityName?: string;
  /** The office's channel settings left unset (for the admins' Home). */
  unsetChannels?: string[];
}

/** What the admins' Home says of the jobs and channels, from the scheduler's and the sender's stores. */
export function jobsHealth(s: Services, jobs: readonly Job[], unsetChannels: readonly string[]): JobsHealth {
  return {
    async failedSince(since) {
      const counts = await Promise.all(
        jobs.map(async (j) => ({ job: j.name, failed: await s.jobRuns.countFailed(j.name, since) })),
      );
      return counts.filter((c) => c.failed > 0);
    },
    channelProblems: () => s.channelProblems.list(),
    unsetChannels: () => [...unsetChannels],
  };
}

/** What the office's settings (the admin area) read and change of the other areas. */
export function adminSources(s: Services) {
  return {
    roles: s.roles,
    locales: s.locales,
    topics: s.clippings,
    departments: s.clippings,
    watchTerms: s.clippingAlerts,
    categories: s.contacts,
    reminders: s.calendarReminders,
    precedence: s.events,
    synonyms: s.clippingSynonyms,
    calendar: s.calendar,
    jobRuns: s.jobRuns,
  };
}

export function createAreas(deps: AreaWiring): Area[] {
  // The admins' `/grafeio jobs` lists every area's jobs, the admin area's own included.
  const jobs: Job[] = [];
  const digestSections: DigestSection[] = [];
  const reportSections: ReportSource[] = [];
  // `/grafeio help` lists every area's commands.
  const commands: CommandInfo[] = [];
  const homeSources: HomeSource[] = [];
  // Sub-commands other areas add to /grafeio (`feed`).
  const subCommands: GrafeioSubCommand[] = [];
  const baseKit: SlackKit = {
    logger: deps.logger,
    roles: deps.roles,
    locales: deps.locales,
    observer: deps.observer,
    formDeadlineMs: deps.formDeadlineMs,
  };
  const { services: s } = deps;
  // Each person's Home, refreshed after every command, button and form (the kit's activity hook).
  const home = createHomeArea({
    kit: baseKit,
    sources: homeSources,
    digestSections,
    roles: s.roles,
    calendar: s.calendar,
    health: jobsHealth(s, jobs, deps.unsetChannels ?? []),
    clock: deps.clock,
    timeZone: deps.timeZone,
    logger: deps.logger,
  });
  const kit: SlackKit = { ...baseKit, activity: home.activity };
  const areas = [
    home,
    createDigestArea({ sections: digestSections, managers: s.roles, locales: deps.locales }),
    createClippingsArea({
      kit,
      services: {
        clippings: s.clippings,
        search: s.clippingSearch,
        replies: s.clippingReplies,
        alerts: s.clippingAlerts,
        synonyms: s.clippingSynonyms,
        coverage: s.clippingCoverage,
      },
      managers: s.roles,
      defaultLocale: deps.defaultLocale,
      sender: deps.sender,
      pages: s.clippingPages,
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
    createCorrespondenceArea({
      kit,
      services: { letters: s.letters },
      roles: s.roles,
      timeZone: deps.timeZone,
      meetings: meetingsForLetters(s.networks),
    }),
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
      partners: partnersForEvents(s.partners),
    }),
    createRemindersArea({
      kit,
      services: { reminders: s.reminders, timeZones: s.timeZones },
      timeZone: deps.timeZone,
    }),
    createPressIntakeArea({
      kit,
      services: { intake: s.pressIntake },
      timeZone: deps.timeZone,
      clipForm: clipFormOf(s.clippings),
      admins: s.roles,
    }),
    createPartnersArea({
      kit,
      services: { partners: s.partners, agreements: s.agreements },
      clock: deps.clock,
      timeZone: deps.timeZone,
    }),
    createNetworksArea({
      kit,
      services: { networks: s.networks },
      letterButton: lettersForNetworks(s.letters).cardButton,
    }),
    createQCitiesArea({ kit, services: { qcities: s.qcities } }),
    createAdminArea({
      kit,
      ...adminSources(s),
      jobs,
      commands,
      subCommands,
      clock: deps.clock,
      timeZone: deps.timeZone,
    }),
    createReportsArea({
      kit,
      roles: s.roles,
      sources: reportSections,
      clock: deps.clock,
      timeZone: deps.timeZone,
      municipality: deps.municipalityName,
    }),
  ];
  jobs.push(...areas.flatMap((area) => area.jobs));
  digestSections.push(...areas.flatMap((area) => area.digestSections ?? []));
  reportSections.push(...areas.flatMap((area) => area.reportSections ?? []));
  commands.push(...areas.flatMap((area) => area.commands ?? []));
  homeSources.push(...areas.flatMap((area) => area.homeSources ?? []));
  subCommands.push(...areas.flatMap((area) => area.grafeioSubCommands ?? []));
  return areas;
}

/** The wiring from the services, the configuration and the sender. */
export function areaWiring(options: {
  services: Services;
  config: Config;
  logger: Logger;
  clock: Clock;
  sender: Sender;
  /** Told of listeners' failures (the metrics). */
  observer?: ListenerObserver;
  /** How long a form's work may take before it is answered with a "saving…" view. */
  formDeadlineMs?: number;
}): AreaWiring {
  const { services, config } = options;
  return {
    services,
    formDeadlineMs: options.formDeadlineMs,
    roles: services.roles,
    locales: services.locales,
    logger: options.logger,
    observer: options.observer,
    clock: options.clock,
    sender: options.sender,
    timeZone: config.timeZone,
    defaultLocale: config.defaultLocale,
    intlChannelId: config.intlChannelId,
    prChannelId: config.prChannelId,
    municipalityName: config.municipalityName,
    unsetChannels: [
      ...(config.prChannelId ? [] : ["PR_CHANNEL_ID"]),
      ...(config.intlChannelId ? [] : ["INTL_CHANNEL_ID"]),
      ...(config.adminChannelId ? [] : ["ADMIN_CHANNEL_ID"]),
    ],
  };
}

export function createServices(deps: {
  prisma: PrismaClient;
  /** The clippings search's reads (see sql-reader.ts). */
  reader: SqlReader;
  clock: Clock;
  timeZone: string;
  defaultLocale: LocaleCode;
  lookupSlackLocale: SlackLocaleLookup;
  /** Slack's profile `tz` of a person (users.info), for their reminders' hour; unset: the office's zone. */
  lookupSlackTimeZone?: SlackTimeZoneLookup;
  /** The audit trail: role changes, contacts' exports, record requests, erasures (src/lib/audit.ts). */
  audit: AuditLog;
  /** What fetches news feeds and linked pages (src/lib/safe-fetch.ts); default: no loopback. */
  fetcher?: SafeFetcher;
}) {
  const { prisma, clock, timeZone, audit } = deps;
  const nameDays = sharedNameDayCalendar();
  const { roles, locales, timeZones } = createUsersServices(deps);
  const clippings = createClippingsServices({ ...deps, roles });
  // Every area that keeps something about contacts, which a GDPR erasure must reach: the contacts
  // are built before those areas (they ask the contacts things), so the list is filled below.
  const personalData: PersonalDataHolder[] = [];
  const contacts = createContactsServices({ prisma, clock, roles, nameDays, personalData, audit });
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
  const { reminders, personalReminders } = createRemindersServices({
    prisma,
    clock,
    timeZone,
    calendar: officeCalendar.calendar,
    timeZones,
  });
  const { partners, agreements } = createPartnersServices({
    prisma,
    clock,
    timeZone,
    roles,
    contacts: contacts.contacts,
    letters,
    translations,
    events,
  });
  const { networks } = createNetworksServices({
    prisma,
    clock,
    timeZone,
    roles,
    partners,
    letters: lettersForNetworks(letters),
    contacts: contacts.contacts,
    calendar: officeCalendar.calendar,
  });
  personalData.push(letters, sponsorships, events, officeCalendar.greetings, translations, partners, networks);
  const { qcities } = createQCitiesServices({ prisma, clock, timeZone, roles, partners });
  const fetcher = deps.fetcher ?? createSafeFetcher();
  const jobRuns = createJobRunStore(deps);
  const { intake: pressIntake } = createPressIntakeServices({
    prisma,
    clock,
    timeZone,
    roles,
    fetcher,
    register: clippings.intake,
    watched: {
      listWatchTerms: clippings.alerts.listWatchTerms,
      listActiveTopics: clippings.clippings.listActiveTopics,
    },
    schedule: jobRuns,
  });
  return {
    roles,
    locales,
    clippings: clippings.clippings,
    clippingSearch: clippings.search,
    clippingReplies: clippings.replies,
    clippingAlerts: clippings.alerts,
    clippingSynonyms: clippings.synonyms,
    clippingCoverage: clippings.coverage,
    /** A pasted link's page, for the clipping form (the outlet named by the press intake's table). */
    clippingPages: createLinkPages({ fetcher, outlets: pressIntake, timeZone }),
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
    reminders,
    personalReminders,
    timeZones,
    pressIntake,
    partners,
    agreements,
    networks,
    qcities,
    jobRuns,
    outbound: createOutboundStore(deps),
    channelProblems: createChannelProblemStore(deps),
  };
}

let nameDayCalendar: NameDayCalendar | undefined;
/** The name-day calendar is read-only data: built once per process. */
function sharedNameDayCalendar(): NameDayCalendar {
  nameDayCalendar ??= NameDayCalendar.load();
  return nameDayCalendar;
}

export type Services = ReturnType<typeof createServices>;
