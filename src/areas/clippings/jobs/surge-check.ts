// Warns the managers when a day brings unusually many clippings (at least twice the usual day,
// and at least 6) or several negative ones (3 or more). Checked every hour of the working day;
// each kind of warning goes out once a day.

import { messages } from "../../../i18n/index.js";
import { localDate } from "../../../lib/clock.js";
import { wallTime } from "../../../scheduling/cron.js";
import type { Job } from "../../../scheduling/job.js";

export const SURGE_MIN_TOTAL = 6;
export const SURGE_NEGATIVE = 3;

export const clippingSurgeCheck: Job = {
  name: "clipping-surge-check",
  schedule: "30 9-20 * * *",
  description: "Warns managers of a surge of clippings or of negative ones (hourly, 09:30-20:30)",
  catchUp: "latest",
  async run(occurrence, deps) {
    const { services, timeZone } = deps;
    const today = localDate(occurrence.scheduledFor, timeZone);
    const dayStart = wallTime(today, 0, 0, timeZone);
    const stats = await services.clippingAlerts.dayStats({ dayStart, dayEnd: occurrence.scheduledFor });
    const warnings: { kind: string; text: (t: ReturnType<typeof messages>) => string }[] = [];
    if (stats.total >= Math.max(SURGE_MIN_TOTAL, Math.ceil(2 * stats.usual))) {
      warnings.push({ kind: "total", text: (t) => t.alerts.surgeTotal(stats.total, stats.usual.toFixed(1)) });
    }
    if (stats.negative >= SURGE_NEGATIVE)
      warnings.push({ kind: "negative", text: (t) => t.alerts.surgeNegative(stats.negative) });
    if (warnings.length === 0)
      return `no surge (${stats.total} today, ${stats.negative} negative, usual ${stats.usual.toFixed(1)})`;
    const recipients = [...(await services.roles.holdersOf("manager")), ...(deps.channelId ? [deps.channelId] : [])];
    for (const w of warnings) {
      for (const to of recipients) {
        const locale = to === deps.channelId ? deps.defaultLocale : await services.locales.resolve(to);
        // The key is the day, not the hour: one warning of each kind a day.
        await deps.sender.post({ key: `surge:${today}:${w.kind}:${to}`, channel: to, text: w.text(messages(locale)) });
      }
    }
    return `warned: ${warnings.map((w) => w.kind).join(", ")}`;
  },
};
