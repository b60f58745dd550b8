// `/giortes [day | name]` and its English alias `/namedays`: who celebrates on a day (the names in
// the calendar, and which contacts, VIPs first), or when a name celebrates.
import type { App } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { describeNameDay, weekdayAndDate } from "../../../calendar/namedays/describe.js";
import { readTypedNames } from "../../../calendar/namedays/name-query.js";
import { type NameDayCalendar, nextDateOf } from "../../../calendar/namedays/nameday-calendar.js";
import { formatDayMonthYear, localDate, shiftDate } from "../../../lib/clock.js";
import { onCommand, type SlackKit, type UserView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { contactLine } from "../../contacts/index.js";
import { parseDayArgument } from "../day-argument.js";
import type { OfficeCalendarServices } from "../office-calendar-services.js";
import { feastNamesLine } from "./name-day-views.js";

const MAX_FEASTS_SHOWN = 25;
const MAX_CONTACTS_SHOWN = 30;

export const NAME_DAY_COMMANDS = ["/giortes", "/namedays"] as const;

export async function nameDaysOf(
  services: Pick<OfficeCalendarServices, "nameDays" | "contacts">,
  user: UserView,
  date: string,
): Promise<{ text: string; blocks: KnownBlock[] }> {
  const { t } = user;
  const calendar = services.nameDays;
  const feasts = calendar.feastsOn(date);
  const heading = t.nameDays.heading(weekdayAndDate(t, date));
  const feastLines = feasts.slice(0, MAX_FEASTS_SHOWN).map((f) => feastNamesLine(f, user.locale));
  if (feasts.length > MAX_FEASTS_SHOWN) feastLines.push(`_${t.nameDays.more(feasts.length - MAX_FEASTS_SHOWN)}_`);
  const contacts = await services.contacts.celebratingOn(calendar.keysOn(date), { includeOptedOut: true });
  const contactLines = contacts
    .slice(0, MAX_CONTACTS_SHOWN)
    .map((c) => contactLine(t, user.locale, c).replace(/\n/g, " · "));
  if (contacts.length > MAX_CONTACTS_SHOWN)
    contactLines.push(`_${t.nameDays.more(contacts.length - MAX_CONTACTS_SHOWN)}_`);
  const section = (text: string): KnownBlock => ({
    type: "section",
    text: { type: "mrkdwn", text: truncate(text, 3000) },
  });
  const blocks: KnownBlock[] = [
    section(heading),
    section(`*${t.nameDays.names}*\n${feastLines.length ? feastLines.join("\n") : t.nameDays.noNames}`),
    section(`*${t.nameDays.contacts}*\n${contactLines.length ? contactLines.join("\n") : t.nameDays.noContacts}`),
  ];
  return { text: heading.replace(/\*/g, ""), blocks };
}

/**
 * When a name is celebrated: each of its feasts with the next day it falls on (today's counts),
 * the soonest first. «Γιώργος» on 1 December 2026: Monday 3 May 2027 (Easter is late that year).
 * The name as people type it: «Γιώργο» and «Γιώργου» are Γιώργος, «Μαρία-Ελένη» both names,
 * «Κυρ.» each name it may stand for; `weekday` (Κυριακή, Παρασκευή): the day it also names.
 */
export function whenNameCelebrates(
  calendar: NameDayCalendar,
  user: Pick<UserView, "t" | "locale">,
  text: string,
  today: string,
  weekday?: string,
): string {
  const { t } = user;
  const { names } = readTypedNames(calendar, text);
  if (names.length === 0) return t.nameDays.unknownName(escapeMrkdwn(text));
  const sections: string[] = [];
  const abbreviations = [...new Set(names.filter((n) => n.how === "abbreviation").map((n) => n.typed))];
  for (const typed of abbreviations) {
    const meant = names.filter((n) => n.typed === typed).map((n) => n.name);
    if (meant.length > 1) sections.push(t.nameDays.abbreviationMeans(escapeMrkdwn(typed), meant.map(escapeMrkdwn)));
  }
  for (const found of names) {
    const feasts = found.matches
      .map((f) => ({ key: f.key, next: nextDateOf(f.rule, today) }))
      .sort((a, b) => a.next.localeCompare(b.next));
    const lines = feasts.map(({ key, next }) => {
      const rule = describeNameDay(calendar, key, { t, locale: user.locale });
      const soon =
        next === today ? `${t.nameDays.today}, ` : next === shiftDate(today, 1) ? `${t.nameDays.tomorrow}, ` : "";
      return t.nameDays.whenLine(`${soon}${weekdayAndDate(t, next)}`, rule);
    });
    sections.push(`${t.nameDays.whenName(escapeMrkdwn(found.name))}\n${lines.join("\n")}`);
  }
  if (weekday) sections.push(t.nameDays.alsoWeekday(weekdayAndDate(t, weekday), formatDayMonthYear(weekday)));
  return sections.join("\n\n");
}

export function registerNameDaysCommand(app: App, kit: SlackKit, services: OfficeCalendarServices): void {
  for (const name of NAME_DAY_COMMANDS) {
    onCommand(app, kit, {
      name,
      role: "staff",
      help: (t) => t.nameDays.help,
      async handle({ user, text, reply }) {
        const today = localDate(services.clock.now(), services.timeZone);
        const arg = parseDayArgument(text, today);
        if (arg.kind === "invalid") return reply(user.t.nameDays.badDate(escapeMrkdwn(truncate(text, 60))));
        if (arg.kind === "name")
          return reply(whenNameCelebrates(services.nameDays, user, arg.name, today, arg.weekday));
        const { text: fallback, blocks } = await nameDaysOf(services, user, arg.date);
        await reply(fallback, blocks);
      },
    });
  }
}
