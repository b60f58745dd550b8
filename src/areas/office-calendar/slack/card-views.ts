// A card campaign's message: the recipients by category and language, and a tracker of cards sent
// with a button to record more. Rebuilt from the database whenever cards are recorded.
import type { KnownBlock } from "@slack/types";
import type { Services } from "../../../app/services.js";
import { type LocaleCode, type Messages, messages } from "../../../i18n/index.js";
import { daysBetween } from "../../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { CalendarReminder } from "../calendar-reminders.js";
import { type CardCampaignState, cardCampaignState } from "../card-campaign.js";
import { weekdayAndDate } from "../describe.js";

export const RECORD_CARDS_ACTION = "cards_record";
const NAMES_PER_GROUP = 12;

export function buildCardCampaignMessage(options: {
  t: Messages;
  locale: LocaleCode;
  name: string;
  reminderId: number;
  date: string;
  daysLeft: number;
  state: CardCampaignState;
  categoryName: (slug: string) => string | undefined;
}): { text: string; blocks: KnownBlock[] } {
  const { t, state } = options;
  const heading = t.cards.reminder(escapeMrkdwn(options.name), weekdayAndDate(t, options.date), options.daysLeft);
  const lines = state.groups.map((g) => {
    const names = g.contacts.slice(0, NAMES_PER_GROUP).map((c) => {
      const name = escapeMrkdwn(truncate(c.nameEl, 60));
      return state.sent.has(c.id) ? `~${name}~` : c.vip ? `*${name}*` : name;
    });
    if (g.contacts.length > NAMES_PER_GROUP) names.push(t.nameDays.more(g.contacts.length - NAMES_PER_GROUP));
    const category = (g.category && options.categoryName(g.category)) || t.cards.noCategory;
    return t.cards.group(
      escapeMrkdwn(category),
      escapeMrkdwn(g.language ?? t.cards.noLanguage),
      g.contacts.length,
      names.join(", "),
    );
  });
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: truncate(heading, 3000) } }];
  // Sections of up to 3,000 characters; at most 40 of them, well inside Slack's 50 blocks.
  let chunk = t.cards.byGroup;
  for (const line of lines) {
    if (chunk.length + line.length + 1 > 2900) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
      chunk = "";
      if (blocks.length >= 44) break;
    }
    chunk = chunk ? `${chunk}\n${truncate(line, 2800)}` : truncate(line, 2800);
  }
  if (chunk) blocks.push({ type: "section", text: { type: "mrkdwn", text: chunk } });
  blocks.push({
    type: "section",
    block_id: "cards_tracker",
    text: { type: "mrkdwn", text: t.cards.tracker(state.sent.size, state.recipients.length) },
    accessory: {
      type: "button",
      action_id: RECORD_CARDS_ACTION,
      text: { type: "plain_text", text: t.cards.record },
      value: `${options.reminderId}:${options.date}`,
    },
  });
  return { text: heading.replace(/\*/g, ""), blocks };
}

/** The campaign's message as it stands now, in the channel's language. */
export async function renderCardCampaign(options: {
  services: Services;
  locale: LocaleCode;
  reminder: CalendarReminder;
  date: string;
  today: string;
}): Promise<{ text: string; blocks: KnownBlock[] }> {
  const { services, locale, reminder, date, today } = options;
  const categories = new Map((await services.contacts.listCategories()).map((c) => [c.slug, c]));
  const daysLeft = Math.max(0, daysBetween(today, date));
  return buildCardCampaignMessage({
    t: messages(locale),
    locale,
    name: reminder.name,
    reminderId: reminder.id,
    date,
    daysLeft,
    state: await cardCampaignState(services, reminder.id, date),
    categoryName: (slug) => {
      const c = categories.get(slug);
      return c && (locale === "en" ? c.nameEn : c.nameEl);
    },
  });
}
