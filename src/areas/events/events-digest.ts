// Events in the managers' morning digest: today's, and the next seven days'.
import { localDate, shiftDate } from "../../lib/clock.js";
import { digestSection } from "../digest/digest-section.js";
import type { EventService } from "./service.js";
import { renderEventsDigest } from "./slack/digest-views.js";

export function createEventsDigestSection(events: Pick<EventService, "between">) {
  return digestSection({
    id: "events",
    async collect({ date, until, timeZone }) {
      const week = await events.between(until, new Date(until.getTime() + 8 * 24 * 3600_000));
      const soon = week.filter((e) => localDate(e.startsAt, timeZone) <= shiftDate(date, 7));
      if (soon.length === 0) return null;
      return { soon, today: soon.filter((e) => localDate(e.startsAt, timeZone) <= date).length };
    },
    render: renderEventsDigest,
  });
}
