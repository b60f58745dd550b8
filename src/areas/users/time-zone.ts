// A person's time zone: Slack's profile `tz`, kept in the users table with when it was read, so a
// restart neither loses it nor asks Slack again. It is read again from users.info once it is
// stale (FRESH_MS), and written at once when Slack tells of a profile change (`user_change`).
// users.info is shared with the languages' and the exports' names (Tier 4, about 100 a minute):
// the zones ask it one person at a time and at most LOOKUPS_PER_MINUTE times a minute, so a job
// that DMs everyone after a long stop refreshes some now and keeps the stored zone of the rest
// (asked again at their next reminder). The office's zone when Slack never said or does not answer.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { createUserStore } from "./store.js";

/** Reads a user's IANA time zone from Slack (users.info's `tz`). */
export type SlackTimeZoneLookup = (slackUserId: string) => Promise<string | undefined>;

/** How long a zone read from Slack is taken as it is (a working day's reminders, one read). */
export const FRESH_MS = 12 * 3600_000;
/** At most this many users.info calls a minute for zones (a bucket that refills evenly). */
export const LOOKUPS_PER_MINUTE = 30;
const LOOKUP_TIMEOUT_MS = 3000;

export function createTimeZoneService(deps: {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  lookup?: SlackTimeZoneLookup;
}) {
  const store = createUserStore(deps.prisma);
  const { clock } = deps;
  // The users.info budget: a bucket of LOOKUPS_PER_MINUTE, refilled evenly over the minute.
  let tokens = LOOKUPS_PER_MINUTE;
  let refilledAt = clock.now().getTime();
  const takeToken = (): boolean => {
    const now = clock.now().getTime();
    tokens = Math.min(LOOKUPS_PER_MINUTE, tokens + ((now - refilledAt) / 60_000) * LOOKUPS_PER_MINUTE);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  // One users.info at a time; a second ask for the same person waits for the first one's answer.
  let queue: Promise<unknown> = Promise.resolve();
  const inFlight = new Map<string, Promise<string | undefined>>();
  const askSlack = (lookup: SlackTimeZoneLookup, user: string): Promise<string | undefined> => {
    const pending = inFlight.get(user);
    if (pending) return pending;
    const asked = queue.then(() => lookupWithTimeout(lookup, user));
    queue = asked;
    inFlight.set(user, asked);
    return asked.finally(() => inFlight.delete(user));
  };

  return {
    /** The person's zone: the stored one while fresh, else Slack's (stored), else the stored or the office's. */
    async resolve(slackUserId: string): Promise<string> {
      const stored = await store.findTimeZone(slackUserId);
      const known = stored?.slackTz ?? undefined;
      const fresh = stored?.slackTzAt && clock.now().getTime() - stored.slackTzAt.getTime() < FRESH_MS;
      if (known && fresh) return zoneOr(known, deps.timeZone);
      // Over the budget, a stale zone is used as it is; someone never read gets the office's zone.
      if (!deps.lookup || (!inFlight.has(slackUserId) && !takeToken())) return zoneOr(known, deps.timeZone);
      const found = await askSlack(deps.lookup, slackUserId);
      if (found === undefined) return zoneOr(known, deps.timeZone); // not stored: asked again next time
      await store.saveSlackTimeZone(slackUserId, found, clock.now());
      return zoneOr(found, deps.timeZone);
    },

    /**
     * Slack told of a profile change (`user_change`): its `tz` is stored for someone Grafeio knows,
     * fresh from now. True when it was stored.
     */
    async changed(slackUserId: string, tz: string): Promise<boolean> {
      return store.updateKnownTimeZone(slackUserId, tz, clock.now());
    },
  };
}

export type TimeZoneService = ReturnType<typeof createTimeZoneService>;

function zoneOr(zone: string | undefined, office: string): string {
  if (!zone) return office;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return office;
  }
}

async function lookupWithTimeout(lookup: SlackTimeZoneLookup, user: string): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      lookup(user),
      new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
