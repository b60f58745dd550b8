// A proposal as a Slack message (pure functions of data): title as a link, outlet, date, a short
// excerpt with the matched words in bold, and the three buttons. Everything from the feed is
// someone else's text: escaped before any mrkdwn is added.

import type { KnownBlock } from "@slack/types";
import { formatDayMonthYear, localDate } from "../../../lib/clock.js";
import { foldGreek } from "../../../lib/text.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { IntakeTexts } from "../messages.js";

export const ACTIONS = { log: "press_item_log", dismiss: "press_item_dismiss", exists: "press_item_exists" } as const;
export const EXISTS_CALLBACK = "press_item_exists_modal";
/** The modal's clipping picker: an external select, its options searched as the person types. */
export const EXISTS_PICK = "press_item_exists_pick";
export const EXISTS_BLOCK = "register_number";

export interface ProposalData {
  id: number;
  title: string;
  url: string;
  outlet: string;
  publishedAt: Date | null;
  excerpt: string;
  matchedTerms: readonly string[];
}

const stem = (w: string) => (w.length <= 4 ? w : w.slice(0, Math.min(12, Math.max(4, w.length - 2))));

/** The excerpt, escaped, with each word that starts like a matched term's word in bold. */
export function boldMatches(text: string, terms: readonly string[]): string {
  const stems = terms
    .flatMap((t) => foldGreek(t).split(/[^\p{L}\p{N}]+/u))
    .filter((w) => w.length >= 3)
    .map(stem);
  return text
    .split(/([\p{L}\p{N}]+)/u)
    .map((part, i) => {
      const escaped = escapeMrkdwn(part);
      if (i % 2 === 0 || part.length < 3) return escaped;
      const folded = foldGreek(part);
      return stems.some((s) => folded.startsWith(s)) ? `*${escaped}*` : escaped;
    })
    .join("");
}

function header(item: ProposalData, timeZone: string): string {
  const date = item.publishedAt ? formatDayMonthYear(localDate(item.publishedAt, timeZone)) : "";
  const title = mrkdwnLink(item.url, truncate(item.title, 250));
  return [`*${title}*`, [escapeMrkdwn(item.outlet), date].filter(Boolean).join(" · ")].join("\n");
}

export function proposalBlocks(t: IntakeTexts, item: ProposalData, timeZone: string): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: header(item, timeZone) } }];
  if (item.excerpt)
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `>${boldMatches(item.excerpt, item.matchedTerms)}` },
    });
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: `${t.matched}: ${item.matchedTerms
          .map((m) => escapeMrkdwn(truncate(m, 60)))
          .slice(0, 8)
          .join(", ")}`,
      },
    ],
  });
  blocks.push({
    type: "actions",
    block_id: `press_item_${item.id}`,
    elements: [
      {
        type: "button",
        action_id: ACTIONS.log,
        text: { type: "plain_text", text: t.log },
        style: "primary",
        value: String(item.id),
      },
      {
        type: "button",
        action_id: ACTIONS.dismiss,
        text: { type: "plain_text", text: t.irrelevant },
        value: String(item.id),
      },
      {
        type: "button",
        action_id: ACTIONS.exists,
        text: { type: "plain_text", text: t.exists },
        value: String(item.id),
      },
    ],
  });
  return blocks;
}

export function proposalText(t: IntakeTexts, item: ProposalData): string {
  return t.proposalText(escapeMrkdwn(truncate(item.title, 200)), escapeMrkdwn(item.outlet));
}

/** The proposal once decided: the article, and who decided what, without the buttons. */
export function decidedBlocks(item: ProposalData, outcome: string, timeZone: string): KnownBlock[] {
  return [
    { type: "section", text: { type: "mrkdwn", text: header(item, timeZone) } },
    { type: "context", elements: [{ type: "mrkdwn", text: outcome }] },
  ];
}

/** The summary of a morning list or a burst: the titles, the items themselves in its thread. */
export function batchBlocks(t: IntakeTexts, kind: "morning" | "burst", items: readonly ProposalData[]): KnownBlock[] {
  const title = kind === "morning" ? t.morningTitle(items.length) : t.burstTitle(items.length);
  const lines = items
    .slice(0, 40)
    .map((i) => `• ${mrkdwnLink(i.url, truncate(i.title, 120))} (${escapeMrkdwn(i.outlet)})`)
    .join("\n");
  return [
    { type: "section", text: { type: "mrkdwn", text: `*${title}*` } },
    ...(lines ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: truncate(lines, 2900) } }] : []),
  ];
}

export function existsModal(t: IntakeTexts, itemId: number, channel: string, ts: string) {
  return {
    type: "modal" as const,
    callback_id: EXISTS_CALLBACK,
    private_metadata: JSON.stringify({ itemId, channel, ts }),
    title: { type: "plain_text" as const, text: t.existsTitle },
    submit: { type: "plain_text" as const, text: t.existsSubmit },
    close: { type: "plain_text" as const, text: t.cancel },
    blocks: [
      {
        type: "input" as const,
        block_id: EXISTS_BLOCK,
        label: { type: "plain_text" as const, text: t.existsLabel },
        element: {
          type: "external_select" as const,
          action_id: EXISTS_PICK,
          min_query_length: 1,
          placeholder: { type: "plain_text" as const, text: t.existsPlaceholder },
        },
      },
    ],
  };
}

/** One clipping to choose: its number, outlet and title, cut to Slack's 75 characters. */
export function clippingOption(c: { id: number; registerNumber: string; title: string; outlet?: string }) {
  return {
    text: {
      type: "plain_text" as const,
      text: truncate([c.registerNumber, c.outlet, c.title].filter(Boolean).join(" · "), 75),
    },
    value: String(c.id),
  };
}
