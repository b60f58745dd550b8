// `/clip search …` and its page buttons. The answer is seen only by the person searching.
import type { App, ButtonAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { onAction, type UserView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { isSearchQueryError, parseSearchQuery } from "../search-query.js";
import type { ClippingsContext } from "./context.js";
import { buildSearchResults, SEARCH_PAGE_ACTION, searchPageValue } from "./search-results-views.js";

type Answer = (message: { text: string; blocks?: KnownBlock[] }) => Promise<void>;

/** Runs a search and answers with the results, or with a sentence saying what is wrong. */
export async function answerSearch(
  { search }: Pick<ClippingsContext, "search">,
  user: UserView,
  text: string,
  page: number,
  answer: Answer,
): Promise<void> {
  const { t } = user;
  const query = parseSearchQuery(text, page);
  if (isSearchQueryError(query)) {
    const message =
      query.error === "empty"
        ? t.search.help
        : query.error === "tooLong"
          ? t.search.tooLong(query.max)
          : query.error === "badFilter"
            ? t.search.badFilter(escapeMrkdwn(truncate(query.filter, 100)))
            : t.search.nothingSearchable;
    await answer({ text: message });
    return;
  }
  const result = await search.searchClippings(query);
  const hasFilters = Boolean(
    query.from || query.to || query.outlet || query.medium || query.tone || query.topic || query.needsReply,
  );
  await answer(buildSearchResults({ t, text, result, hasFilters }));
}

/** The results' previous and next buttons: the same search, another page, in place. */
export function registerSearchPages(app: App, context: ClippingsContext): void {
  onAction<ButtonAction, { q: string; p: number }>(app, context.kit, {
    id: new RegExp(`^${SEARCH_PAGE_ACTION}_`),
    role: "staff",
    value: searchPageValue,
    handle: async ({ user, value, respond }) => {
      await answerSearch(context, user, value.q, value.p, async (message) => {
        await respond({ response_type: "ephemeral", replace_original: true, ...message });
      });
    },
  });
}
