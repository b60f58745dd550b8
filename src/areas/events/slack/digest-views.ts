// The events' section of the managers' morning digest, in the reader's language.
import { messages } from "../../../i18n/index.js";
import { formatDayMonthYear, formatLocalTime, localDate } from "../../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent, DigestWindow } from "../../digest/digest-section.js";

export interface EventsDigest {
  /** The events of the next seven days, today's first. */
  soon: { title: string; startsAt: Date; allDay: boolean; venue: string | null }[];
  /** How many of them are today. */
  today: number;
}

export function renderEventsDigest(data: EventsDigest, { timeZone, locale }: DigestWindow): DigestSectionContent {
  const t = messages(locale).events;
  return {
    title: t.digestTitle,
    summary: t.digestSummary(data.today, data.soon.length),
    items: data.soon.map((e) => {
      const time = e.allDay ? "" : ` ${formatLocalTime(e.startsAt, timeZone)}`;
      return `• ${formatDayMonthYear(localDate(e.startsAt, timeZone))}${time} *${escapeMrkdwn(truncate(e.title, 120))}*${e.venue ? ` · ${escapeMrkdwn(truncate(e.venue, 60))}` : ""}`;
    }),
  };
}
