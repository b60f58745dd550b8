// Warns the managers when a day brings unusually many clippings (at least twice the usual day,
// and at least 6) or several negative ones (3 or more). Checked every hour of the working day;
// each kind of warning goes out once a day.

import type { LocaleCode } from "../../../i18n/index.js";
import { messages } from "../../../i18n/index.js";
import { localDate } from "../../../lib/clock.js";
import { wallTime } from "../../../scheduling/cron.js";
import type { Job } from "../../../scheduling/job.js";
import type { ClippingAlerts } from "../clipping-alerts.js";
import { surgeText } from "../slack/alert-views.js";

export function createSurgeCheckJob({
  alerts,
  managers,
  locales,
}: {
  alerts: Pick<ClippingAlerts, "surgeOf">;
  managers: { holdersOf(role: "manager"): Promise<string[]> };
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}): Job {
  return {
    name: "clipping-surge-check",
    schedule: "30 9-20 * * *",
    description: (locale, time) => messages(locale).alerts.jobDescriptions["clipping-surge-check"](time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const today = localDate(occurrence.scheduledFor, deps.timeZone);
      const dayStart = wallTime(today, 0, 0, deps.timeZone);
      const { stats, kinds } = await alerts.surgeOf({ dayStart, dayEnd: occurrence.scheduledFor });
      if (kinds.length === 0)
        return `no surge (${stats.total} today, ${stats.negative} negative, usual ${stats.usual.toFixed(1)})`;
      const recipients = [...(await managers.holdersOf("manager")), ...(deps.channelId ? [deps.channelId] : [])];
      for (const kind of kinds) {
        for (const to of recipients) {
          const locale = to === deps.channelId ? deps.defaultLocale : await locales.resolve(to);
          // The key is the day, not the hour: one warning of each kind a day.
          await deps.sender.post({
            key: `surge:${today}:${kind}:${to}`,
            channel: to,
            text: surgeText(messages(locale), kind, stats),
          });
        }
      }
      return `warned: ${kinds.join(", ")}`;
    },
  };
}
