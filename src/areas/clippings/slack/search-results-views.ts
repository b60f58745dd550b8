// Search results as an ephemeral message: data in, Block Kit out.
import type { KnownBlock } from "@slack/types";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { SearchResult } from "../clipping-search.js";

export const SEARCH_PAGE_ACTION = "clip_search_page";
export const RESULT_MENU_ACTION = "clip_result_menu";
const TONE_MARK = { positive: ":large_green_circle:", neutral: ":white_circle:", negative: ":red_circle:" } as const;

/** What a page button carries: the query as typed and the page to show. */
export interface SearchPageValue {
  q: string;
  p: number;
}

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
    const options = [option(t.clip.menuEdit, `edit:${hit.id}`)];
    if (!hit.withdrawn) {
      options.push(
        hit.replyOpen
          ? option(t.replies.menuClose, `close:${hit.id}`)
          : option(t.replies.menuRequest, `reply:${hit.id}`),
      );
      options.push(option(t.clip.menuWithdraw, `withdraw:${hit.id}`));
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
  const value = (p: number) => JSON.stringify({ q: text, p } satisfies SearchPageValue);
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
  if (buttons.length) blocks.push({ type: "actions", block_id: "search_pages", elements: buttons });
  return { text: heading.replace(/\*/g, ""), blocks };
}
