// The composition of the domain services the listeners and jobs use.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LocaleCode } from "../i18n/index.js";
import type { Clock } from "../lib/clock.js";
import { createWorkingCalendar } from "./calendar/working-days.js";
import { createClippingAlerts } from "./clippings/clipping-alerts.js";
import { createClippingReplies, createRepliesDigestSection } from "./clippings/clipping-replies.js";
import { createClippingSearch } from "./clippings/clipping-search.js";
import { createClippingService } from "./clippings/clipping-service.js";
import { createClippingsDigestSection } from "./clippings/clippings-digest.js";
import type { DigestSection } from "./digest/digest-section.js";
import { createOutboundStore } from "./outbound/outbound-store.js";
import { createJobRunStore } from "./scheduling/job-runs.js";
import { createLocaleService, type SlackLocaleLookup } from "./users/locale.js";
import { createRoleService } from "./users/roles.js";

export function createServices(deps: {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  defaultLocale: LocaleCode;
  lookupSlackLocale: SlackLocaleLookup;
}) {
  const clippingReplies = createClippingReplies(deps);
  // Each area that has something for the managers' morning digest adds its section here.
  const digestSections: DigestSection[] = [
    createClippingsDigestSection(deps),
    createRepliesDigestSection(clippingReplies),
  ];
  const roles = createRoleService(deps);
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
    calendar: createWorkingCalendar(deps),
    jobRuns: createJobRunStore(deps),
    outbound: createOutboundStore(deps),
    digestSections,
  };
}

export type Services = ReturnType<typeof createServices>;
