// The users area: who holds which role (the admins give and take them with `/grafeio role`), in
// which language each person reads Grafeio and in which time zone they live. It registers nothing
// with Slack of its own; every other area asks it "may this person…", "in which language" and
// "at what hour" (the reminders area passes it Slack's profile changes).
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { LocaleCode } from "../../i18n/index.js";
import type { AuditLog } from "../../lib/audit.js";
import type { Clock } from "../../lib/clock.js";
import { createLocaleService, type SlackLocaleLookup } from "./locale.js";
import { createRoleService } from "./roles.js";
import { createTimeZoneService, type SlackTimeZoneLookup } from "./time-zone.js";

export type { LocaleService, SlackLocaleLookup } from "./locale.js";
export { includesRole, isRole, ROLES, type Role, type RoleService } from "./roles.js";
export type { SlackTimeZoneLookup, TimeZoneService } from "./time-zone.js";

export interface UsersServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  defaultLocale: LocaleCode;
  lookupSlackLocale: SlackLocaleLookup;
  /** Slack's profile `tz`; without it everyone is in the office's zone. */
  lookupSlackTimeZone?: SlackTimeZoneLookup;
  /** The office's zone. */
  timeZone: string;
  /** Where role changes are recorded. */
  audit: AuditLog;
}

/** The area's use cases, built once by the composition root. */
export function createUsersServices(deps: UsersServicesDeps) {
  return {
    roles: createRoleService(deps),
    locales: createLocaleService(deps),
    timeZones: createTimeZoneService({
      prisma: deps.prisma,
      clock: deps.clock,
      timeZone: deps.timeZone,
      lookup: deps.lookupSlackTimeZone,
    }),
  };
}

export type UsersServices = ReturnType<typeof createUsersServices>;
