// Search results as an ephemeral message: data in, Block Kit out.
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { type Codec, enumCodec, idCodec, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { SearchResult } from "../search-results.js";
import { TONE_MARK, toneLegend } from "./tone-marks.js";

export const SEARCH_PAGE_ACTION = "clip_search_page";
export const RESULT_MENU_ACTION = "clip_result_menu";

/** What a page button carries: the query as typed and the page to show. */
export const searchPageValue = jsonCodec(z.object({ q: z.string().max(2000), p: z.number().int().min(1).max(10_000) }));
export type SearchPageValue = NonNullable<ReturnType<typeof searchPageValue.decode>>;

const MENU_VERBS = ["edit", "withdraw", "reply", "close"] as const;
export type ResultMenuVerb = (typeof MENU_VERBS)[number];

/** A result's menu choice: what to do, and to which clipping ("edit:42"). */
export const resultMenuChoice: Codec<{ verb: ResultMenuVerb; id: number }> = {
  decode(raw) {
    const [verbText, idText, ...rest] = (raw ?? "").split(":");
    if (rest.length) return undefined;
    const verb = enumCodec(MENU_VERBS).decode(verbText);
    const id = idCodec.decode(idText);
    return verb && id !== undefined ? { verb, id } : undefined;
  },
  encode: ({ verb, id }) => `${verb}:${idCodec.encode(id)}`,
};

export function buildSearchResults(options: { t: Messages; text: string; result: SearchResult; hasFilters: boolean }): {
  text: string;
  blocks: KnownBlock[];
} {
  const { t, text, result, hasFilters } = options;
  const shown = escapeMrkdwn(truncate(text, 200));
  if (result.total === 0) {
    const lines = [t.search.noResults(shown), ...(hasFilters ? [t.search.removeFilters] : [])];
    return { text: lines.join(" "), blocks: [{ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } }] };
  }
  const heading = result.approximate
    ? t.search.approximate(shown)
    : result.moreThan
      ? t.search.foundMoreThan(result.total, shown, result.page)
      : t.search.found(result.total, shown, result.page, result.pages);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: heading } }];
  for (const hit of result.hits) {
    const title = truncate(hit.title, 200);
    const linked = hit.url ? mrkdwnLink(hit.url, title) : escapeMrkdwn(title);
    const shownTitle = hit.withdrawn
      ? `~${linked}~ _(${t.clip.withdrawnMark})_`
      : hit.replyOpen
        ? `${linked} :speech_balloon: _${t.replies.openMark}_`
        : linked;
    const option = (text: string, value: string) => ({ text: { type: "plain_text" as const, text }, value });
    const choice = (verb: ResultMenuVerb) => resultMenuChoice.encode({ verb, id: hit.id });
    const options = [option(t.clip.menuEdit, choice("edit"))];
    if (!hit.withdrawn) {
      options.push(
        hit.replyOpen ? option(t.replies.menuClose, choice("close")) : option(t.replies.menuRequest, choice("reply")),
      );
      options.push(option(t.clip.menuWithdraw, choice("withdraw")));
    }
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: `${TONE_MARK[hit.tone]} ${shownTitle}\n\`${hit.registerNumber}\` · ${formatDayMonthYear(hit.publishedOn)} · ${escapeMrkdwn(truncate(hit.outlet, 80))}`,
      },
      accessory: { type: "overflow", action_id: RESULT_MENU_ACTION, options },
    });
  }
  const buttons = [];
  const value = (p: number) => searchPageValue.encode({ q: text, p });
  if (result.page > 1) {
    buttons.push({
      type: "button" as const,
      action_id: `${SEARCH_PAGE_ACTION}_prev`,
      text: { type: "plain_text" as const, text: t.search.previous },
      value: value(result.page - 1),
    });
  }
  if (result.page < result.pages) {
    buttons.push({
      type: "button" as const,
      action_id: `${SEARCH_PAGE_ACTION}_next`,
      text: { type: "plain_text" as const, text: t.search.next },
      value: value(result.page + 1),
    });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: toneLegend(t) }] });
  if (buttons.length) blocks.push({ type: "actions", block_id: "search_pages", elements: buttons });
  return { text: heading.replace(/\*/g, ""), blocks };
}
