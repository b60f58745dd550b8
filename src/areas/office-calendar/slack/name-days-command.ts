// `/giortes [day | name]` and its English alias `/namedays`: who celebrates on a day (the names in
// the calendar, and which contacts, VIPs first), or when a name celebrates.
import type { App } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { dateOf } from "../../../calendar/namedays/nameday-calendar.js";
import { localDate } from "../../../lib/clock.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  replyWithRespond,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { describeKey } from "../../contacts/slack/contact-form.js";
import { contactLine } from "../../contacts/slack/contact-views.js";
import { parseDayArgument } from "../day-argument.js";
import { weekdayAndDate } from "../describe.js";

const MAX_FEASTS_SHOWN = 25;
const MAX_CONTACTS_SHOWN = 30;

export async function nameDaysOf(
  deps: HandlerDeps,
  user: UserView,
  date: string,
): Promise<{ text: string; blocks: KnownBlock[] }> {
  const { t } = user;
  const calendar = deps.services.nameDays;
  const feasts = calendar.feastsOn(date);
  const heading = t.nameDays.heading(weekdayAndDate(t, date));
  const feastLines = feasts.slice(0, MAX_FEASTS_SHOWN).map((f) => {
    const [main, ...others] = f.names;
    const label = f.label ? ` _${escapeMrkdwn(user.locale === "en" && f.label.en ? f.label.en : f.label.el)}_` : "";
    const variants = others.slice(0, 6).join(", ");
    return `• *${escapeMrkdwn(main ?? "")}*${variants ? ` (${escapeMrkdwn(variants)}${others.length > 6 ? ", …" : ""})` : ""}${label}`;
  });
  if (feasts.length > MAX_FEASTS_SHOWN) feastLines.push(`_${t.nameDays.more(feasts.length - MAX_FEASTS_SHOWN)}_`);
  const contacts = await deps.services.contacts.celebrating(calendar.keysOn(date), { includeOptedOut: true });
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

export function registerNameDaysCommand(app: App, deps: HandlerDeps): void {
  for (const name of ["/giortes", "/namedays"]) {
    app.command(name, async ({ ack, command, respond }) => {
      await ack();
      const reply = replyWithRespond(respond);
      await answerSafely(deps, { userId: command.user_id, reply, what: name }, async () => {
        const user = await userView(deps, command.user_id);
        if (!(await ensureRole(deps, user, "staff", reply))) return;
        const today = localDate(deps.clock.now(), deps.timeZone);
        const arg = parseDayArgument(command.text, today);
        if (arg.kind === "invalid") {
          await reply(user.t.nameDays.badDate(escapeMrkdwn(truncate(command.text, 60))));
          return;
        }
        if (arg.kind === "name") {
          const feasts = deps.services.nameDays.lookup(arg.name);
          const shown = escapeMrkdwn(arg.name);
          if (feasts.length === 0) {
            await reply(user.t.nameDays.unknownName(shown));
            return;
          }
          const year = Number(today.slice(0, 4));
          const lines = feasts.map(
            (f) => `• ${describeKey(deps, user, f.key)}: ${weekdayAndDate(user.t, dateOf(f.rule, year))}`,
          );
          await reply(`${user.t.nameDays.whenName(shown)}\n${lines.join("\n")}`);
          return;
        }
        const { text, blocks } = await nameDaysOf(deps, user, arg.date);
        await reply(text, blocks);
      });
    });
  }
}
