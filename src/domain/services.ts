// The composition of the domain services the listeners and jobs use.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LocaleCode } from "../i18n/index.js";
import type { Clock } from "../lib/clock.js";
import { createClippingService } from "./clippings/clipping-service.js";
import { createLocaleService, type SlackLocaleLookup } from "./users/locale.js";
import { createRoleService } from "./users/roles.js";

export function createServices(deps: {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  defaultLocale: LocaleCode;
  lookupSlackLocale: SlackLocaleLookup;
}) {
  return {
    roles: createRoleService(deps),
    locales: createLocaleService(deps),
    clippings: createClippingService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
