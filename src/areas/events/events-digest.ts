// Events in the managers' morning digest: today's, and the next seven days'.
import { messages } from "../../i18n/index.js";
import { formatDayMonthYear, localDate, shiftDate } from "../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import type { DigestSection } from "../digest/digest-section.js";
import type { EventService } from "./event-service.js";

export function createEventsDigestSection(events: EventService): DigestSection {
  return {
    id: "events",
    async build({ date, until, timeZone, locale }) {
      const week = await events.between(until, new Date(until.getTime() + 8 * 24 * 3600_000));
      const soon = week.filter((e) => localDate(e.startsAt, timeZone) <= shiftDate(date, 7));
      if (soon.length === 0) return null;
      const today = soon.filter((e) => localDate(e.startsAt, timeZone) <= date);
      const t = messages(locale).events;
      return {
        title: t.digestTitle,
        summary: t.digestSummary(today.length, soon.length),
        items: soon.map((e) => {
          const time = e.allDay
            ? ""
            : ` ${e.startsAt.toLocaleTimeString("el-GR", { timeZone, hour: "2-digit", minute: "2-digit", hour12: false })}`;
          return `• ${formatDayMonthYear(localDate(e.startsAt, timeZone))}${time} *${escapeMrkdwn(truncate(e.title, 120))}*${e.venue ? ` · ${escapeMrkdwn(truncate(e.venue, 60))}` : ""}`;
        }),
      };
    },
  };
}
