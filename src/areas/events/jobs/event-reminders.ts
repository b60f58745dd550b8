// Events through the scheduler, every morning at 09:40:
// - on working days, each owner's checklist items due that day or late, in one DM;
// - seven days and one day before an event, a summary with what is still open to the responsible
//   staff and whoever registered it;
// - the day after, a prompt for feedback (with the form's button) and a word about thank-you
//   letters; again once after seven more days when nobody has answered.
// Each message goes out once (keys per event, person and kind of message), at the office's hour in
// each person's own time zone (postPersonal), with «Αργότερα».
import { messages } from "../../../i18n/index.js";
import { formatDayMonthYear, localDate, shiftDate } from "../../../lib/clock.js";
import { type Job, type JobDeps, type Occurrence, officeDayOf } from "../../../scheduling/job.js";
import { postPersonal } from "../../../scheduling/personal-hour.js";
import { withSnooze } from "../../../scheduling/snooze.js";
import type { SlackKit } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { SponsorsForEvents } from "../deps.js";
import type { EventService } from "../service.js";
import { eventWhen } from "../slack/event-views.js";
import { followUpBlocks } from "../slack/follow-up-views.js";
import type { EventWithType } from "../store.js";

/** What the job works with, from its area's factory. */
export interface EventRemindersDeps {
  events: EventService;
  sponsors: SponsorsForEvents;
  locales: SlackKit["locales"];
}

const people = (e: EventWithType) => [...new Set([...e.responsible, e.createdBy])];

async function summaries(
  area: EventRemindersDeps,
  deps: JobDeps,
  occurrence: Occurrence,
  today: string,
  days: number,
): Promise<number> {
  let sent = 0;
  for (const e of await area.events.startingOn(shiftDate(today, days))) {
    const open = (await area.events.checklist(e.id)).filter((i) => i.status === "open");
    for (const person of people(e)) {
      const t = messages(await area.locales.resolve(person));
      const lines = open
        .slice(0, 20)
        .map((i) => `• ${escapeMrkdwn(truncate(i.title, 120))}${i.owner ? ` · <@${i.owner}>` : ""}`);
      const text = [
        t.events.summary(days, e.id, escapeMrkdwn(truncate(e.title, 150)), eventWhen(t, e, deps.timeZone), open.length),
        ...lines,
      ].join("\n");
      // At the office's hour in the person's own time zone (now, or kept for then, once).
      const key = `event-t${days}:${e.id}:${person}`;
      const result = await postPersonal(deps, occurrence, { key, channel: person, ...withSnooze(t, { text }) });
      if (result.posted || result.until) sent++;
    }
  }
  return sent;
}

async function followUps(
  area: EventRemindersDeps,
  deps: JobDeps,
  occurrence: Occurrence,
  today: string,
): Promise<number> {
  let sent = 0;
  const first = await area.events.endedOn(shiftDate(today, -1));
  const again = [];
  for (const e of await area.events.endedOn(shiftDate(today, -8)))
    if ((await area.events.feedbackFor(e.id)).length === 0) again.push(e);
  for (const [list, repeat] of [
    [first, false],
    [again, true],
  ] as const) {
    for (const e of list) {
      for (const person of people(e)) {
        const t = messages(await area.locales.resolve(person));
        const title = escapeMrkdwn(truncate(e.title, 150));
        const sponsors = (await area.sponsors.unthankedOf(e.id)).map((sp) =>
          escapeMrkdwn(truncate(sp.organisation, 80)),
        );
        const text = `${repeat ? t.events.followUpAgain(e.id, title) : t.events.followUp(e.id, title)}${sponsors.length ? `\n${t.events.sponsorsToThank(sponsors.join(", "))}` : ""}`;
        const message = withSnooze(t, { text, blocks: followUpBlocks(t, e.id, text) });
        const key = `event-followup${repeat ? "-again" : ""}:${e.id}:${person}`;
        const result = await postPersonal(deps, occurrence, { key, channel: person, ...message });
        if (result.posted || result.until) sent++;
      }
    }
  }
  return sent;
}

export function createEventRemindersJob(area: EventRemindersDeps): Job {
  return {
    name: "event-reminders",
    schedule: "40 9 * * *",
    description: (locale, time) => messages(locale).events.jobDescriptions["event-reminders"](time),
    catchUp: "latest",
    async run(occurrence, deps) {
      const { date: today, working, closesAt } = await officeDayOf(occurrence, deps);
      let sent = 0;
      if (working) {
        const due = await area.events.itemsDue(today);
        const byOwner = new Map<string, typeof due>();
        for (const d of due) if (d.item.owner) byOwner.set(d.item.owner, [...(byOwner.get(d.item.owner) ?? []), d]);
        for (const [owner, items] of byOwner) {
          const t = messages(await area.locales.resolve(owner));
          const lines = items.slice(0, 30).map(({ item, event }) => {
            const dueDay = item.dueOn.toISOString().slice(0, 10);
            return t.events.itemDueLine(
              `#${event.id} ${escapeMrkdwn(truncate(event.title, 80))}`,
              escapeMrkdwn(truncate(item.title, 120)),
              formatDayMonthYear(dueDay),
              dueDay < today,
            );
          });
          // On a half day what is due today is due by the time work stops.
          const heading = t.events.itemsDue(items.length) + (closesAt ? t.jobs.dueOnHalfDay(closesAt) : "");
          const text = [heading, ...lines].join("\n");
          const message = withSnooze(t, { text });
          // At the office's hour in the owner's own time zone (now, or kept for then, once).
          const result = await postPersonal(deps, occurrence, {
            key: `event-items:${today}:${owner}`,
            channel: owner,
            ...message,
          });
          if (result.posted || result.until) sent++;
        }
      }
      sent += await summaries(area, deps, occurrence, today, 7);
      sent += await summaries(area, deps, occurrence, today, 1);
      sent += await followUps(area, deps, occurrence, today);
      return `${sent} messages (${localDate(occurrence.scheduledFor, deps.timeZone)})`;
    },
  };
}
