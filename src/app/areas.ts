// The composition root of the areas: every area of Grafeio, built from what it needs, one line
// each. Adding an area: its folder under src/areas with an index.ts exporting its factory, and one
// line here.
import { createAdminArea } from "../areas/admin/index.js";
import type { Area } from "../areas/area.js";
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
import type { Clock } from "../lib/clock.js";
import type { Job } from "../scheduling/job.js";
import type { HandlerDeps } from "../slack/listener.js";
import type { Sender } from "../slack/sender.js";
import type { Config } from "./config.js";
import type { Logger } from "./logger.js";
import type { Services } from "./services.js";

/** What the composition root has for the areas to take from. */
export type AreaWiring = Omit<HandlerDeps, "jobs">;

export function createAreas(wiring: AreaWiring): Area[] {
  // The admins' `/grafeio jobs` lists every area's jobs, the admin area's own included.
  const jobs: Job[] = [];
  const digestSections: DigestSection[] = [];
  const deps: HandlerDeps = { ...wiring, jobs };
  const areas = [
    createDigestArea(deps, digestSections),
    createClippingsArea(deps),
    createContactsArea({
      kit: deps,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      nameDays: deps.services.nameDays,
      greetings: deps.services.greetings,
    }),
    createOfficeCalendarArea({
      kit: deps,
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      defaultLocale: deps.defaultLocale,
      nameDays: deps.services.nameDays,
      contacts: deps.services.contacts,
    }),
    createTranslationsArea(deps),
    createCorrespondenceArea(deps),
    createSponsorsArea(deps),
    createEventsArea(deps),
    createAdminArea(deps),
  ];
  jobs.push(...areas.flatMap((area) => area.jobs));
  digestSections.push(...areas.flatMap((area) => area.digestSections ?? []));
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
