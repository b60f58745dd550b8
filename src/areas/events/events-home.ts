// The events' part of each person's Home: their open checklist items due by the end of the week
// (each with the checklist's own menu: done, not needed, another owner or date), this week's
// events, and the button that opens the event form.
import { messages } from "../../i18n/index.js";
import { defineTexts } from "../../i18n/texts.js";
import { shiftDate } from "../../lib/clock.js";
import { wallTime } from "../../scheduling/cron.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import type { EventService } from "./service.js";
import { EVENT_CREATE_ACTION, eventWhen, newEventValue } from "./slack/event-views.js";
import { checklistChoice, ITEM_DONE_ACTION } from "./slack/follow-up-views.js";

const texts = defineTexts(
  { kind: "Εργασία εκδήλωσης", week: "Οι εκδηλώσεις της εβδομάδας", newEvent: "Νέα εκδήλωση" },
  { kind: "Event task", week: "This week's events", newEvent: "New event" },
);
const WEEK_SHOWN = 15;

export function createEventsHomeSource(events: Pick<EventService, "itemsDue" | "between">): HomeSource {
  return homeSource({
    id: "events",
    async collect(w) {
      const h = texts(w.locale);
      const t = messages(w.locale);
      const mine = (await events.itemsDue(w.weekEnd)).filter((d) => d.item.owner === w.actor);
      const week = await events.between(
        wallTime(w.today, 0, 0, w.timeZone),
        wallTime(shiftDate(w.weekEnd, 1), 0, 0, w.timeZone),
      );
      const lines = week
        .slice(0, WEEK_SHOWN)
        .map((e) => `• ${eventWhen(t, e, w.timeZone)} · *#${e.id}* ${escapeMrkdwn(truncate(e.title, 120))}`);
      if (week.length > WEEK_SHOWN) lines.push(`_${t.nameDays.more(week.length - WEEK_SHOWN)}_`);
      return {
        items: mine.map(({ item, event }) => ({
          kind: h.kind,
          title: `*#${event.id}* ${escapeMrkdwn(truncate(event.title, 80))}: ${escapeMrkdwn(truncate(item.title, 120))}`,
          due: item.dueOn.toISOString().slice(0, 10),
          action: {
            type: "overflow" as const,
            actionId: ITEM_DONE_ACTION,
            options: (["done", "not_needed", "reassign"] as const).map((choice) => ({
              text:
                choice === "done"
                  ? t.events.itemDone
                  : choice === "not_needed"
                    ? t.events.itemNotNeeded
                    : t.events.itemReassign,
              value: checklistChoice.encode({ choice, itemId: item.id, eventId: event.id }),
            })),
          },
        })),
        ...(lines.length ? { notice: { title: h.week, lines, order: 2 } } : {}),
        forms: [{ text: h.newEvent, actionId: EVENT_CREATE_ACTION, value: newEventValue.encode({}) }],
      };
    },
  });
}
