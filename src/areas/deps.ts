// What most of the domain is built from: the database, the clock, and the office's time zone.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Clock } from "../lib/clock.js";

export interface DomainDeps {
  prisma: PrismaClient;
  clock: Clock;
  /** The office's IANA zone (Europe/Athens): what "today" and "09:00" mean. */
  timeZone: string;
}
