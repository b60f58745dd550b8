// A card campaign's message: the recipients by category and language, and a tracker of cards sent
// with a button to record more. Rebuilt from the database whenever cards are recorded.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import { weekdayAndDate } from "../../../calendar/namedays/describe.js";
import { type LocaleCode, type Messages, messages } from "../../../i18n/index.js";
import { type Codec, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { CardCampaign, CardCampaignState } from "../card-campaign.js";

export const RECORD_CARDS_ACTION = "cards_record";
export const RECORD_CARDS_CALLBACK = "cards_record_modal";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The "record cards" button's value: which campaign, `<reminder id>:<date>`. */
export const cardCampaignValue: Codec<{ reminderId: number; date: string }> = {
  decode(raw) {
    const m = /^(\d{1,10}):(\d{4}-\d{2}-\d{2})$/.exec(raw ?? "");
    const parsed = m && idField.safeParse(Number(m[1]));
    return parsed?.success && m?.[2] ? { reminderId: parsed.data, date: m[2] } : undefined;
  },
  encode: ({ reminderId, date }) => `${reminderId}:${date}`,
};

/** The record-cards form's metadata: the campaign, and the message to redraw. */
export const recordCardsMetadata = jsonCodec(
  z.object({
    reminderId: idField,
    date: isoDate,
    channel: z.string().max(40).optional(),
    ts: z.string().max(40).optional(),
  }),
);
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
      value: cardCampaignValue.encode({ reminderId: options.reminderId, date: options.date }),
    },
  });
  return { text: heading.replace(/\*/g, ""), blocks };
}

/** The campaign's message as it stands now, in the channel's language. */
export function renderCardCampaign(locale: LocaleCode, campaign: CardCampaign): { text: string; blocks: KnownBlock[] } {
  const { reminder, date, daysLeft, state, categories } = campaign;
  return buildCardCampaignMessage({
    t: messages(locale),
    locale,
    name: reminder.name,
    reminderId: reminder.id,
    date,
    daysLeft,
    state,
    categoryName: (slug) => {
      const c = categories.get(slug);
      return c && (locale === "en" ? c.nameEn : c.nameEl);
    },
  });
}

export const CARDS_BLOCK = "contacts";

/** The form that records cards sent: those still waiting (Slack lists at most 100 options). */
export function recordCardsModal(
  t: Messages,
  waiting: readonly { id: number; nameEl: string; organisation: string | null }[],
  metadata: { reminderId: number; date: string; channel?: string; ts?: string },
): ModalView {
  const option = (c: (typeof waiting)[number]): PlainTextOption => ({
    text: { type: "plain_text", text: truncate(`${c.nameEl}${c.organisation ? `, ${c.organisation}` : ""}`, 75) },
    value: String(c.id),
  });
  return {
    type: "modal",
    callback_id: RECORD_CARDS_CALLBACK,
    title: { type: "plain_text", text: truncate(t.cards.modalTitle, 24) },
    submit: { type: "plain_text", text: truncate(t.cards.modalSubmit, 24) },
    close: { type: "plain_text", text: truncate(t.contacts.close, 24) },
    private_metadata: recordCardsMetadata.encode(metadata),
    blocks: [
      {
        type: "input",
        block_id: CARDS_BLOCK,
        label: { type: "plain_text", text: t.cards.pick },
        // Those still waiting come first by the list's order.
        element: { type: "multi_static_select", action_id: "value", options: waiting.slice(0, 100).map(option) },
      },
    ],
  };
}
