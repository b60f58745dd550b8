// A person's time zone: Slack's profile `tz` (users.info), kept in memory for a few hours; the
// office's zone when Slack does not say or does not answer in time.
import type { Clock } from "../../lib/clock.js";

/** Reads a user's IANA time zone from Slack (users.info's `tz`). */
export type SlackTimeZoneLookup = (slackUserId: string) => Promise<string | undefined>;

const MEMORY_TTL_MS = 6 * 3600_000;
const LOOKUP_TIMEOUT_MS = 3000;

export function createTimeZoneService(deps: { clock: Clock; timeZone: string; lookup?: SlackTimeZoneLookup }) {
  const memory = new Map<string, { zone: string; at: number }>();
  return {
    async resolve(slackUserId: string): Promise<string> {
      const now = deps.clock.now().getTime();
      const cached = memory.get(slackUserId);
      if (cached && now - cached.at < MEMORY_TTL_MS) return cached.zone;
      if (!deps.lookup) return deps.timeZone;
      const found = await lookupWithTimeout(deps.lookup, slackUserId);
      if (found === undefined) return cached?.zone ?? deps.timeZone; // not kept: asked again next time
      const zone = isZone(found) ? found : deps.timeZone;
      memory.set(slackUserId, { zone, at: now });
      return zone;
    },
  };
}

export type TimeZoneService = ReturnType<typeof createTimeZoneService>;

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
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
