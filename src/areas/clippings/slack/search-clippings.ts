// `/clip search …` and its page buttons. The answer is seen only by the person searching.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { isSearchQueryError, parseSearchQuery } from "../search-query.js";
import { buildSearchResults, SEARCH_PAGE_ACTION, type SearchPageValue } from "./search-results-views.js";

type Answer = (message: { text: string; blocks?: unknown[] }) => Promise<void>;

/** Runs a search and answers with the results, or with a sentence saying what is wrong. */
export async function answerSearch(
  deps: HandlerDeps,
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
  const result = await deps.services.clippingSearch.searchClippings(query);
  const hasFilters = Boolean(
    query.from || query.to || query.outlet || query.medium || query.tone || query.topic || query.needsReply,
  );
  await answer(buildSearchResults({ t, text, result, hasFilters }));
}

export async function searchFromCommand(
  deps: HandlerDeps,
  user: UserView,
  text: string,
  reply: Reply,
  respond: Answer,
) {
  if (!(await ensureRole(deps, user, "staff", reply))) return;
  await answerSearch(deps, user, text, 1, respond);
}

export function registerSearchPages(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${SEARCH_PAGE_ACTION}_`),
    async ({ ack, action, body, respond }) => {
      await ack();
      const reply: Reply = async (text) => {
        await respond({ response_type: "ephemeral", replace_original: false, text });
      };
      await answerSafely(deps, { userId: body.user.id, reply, what: SEARCH_PAGE_ACTION }, async () => {
        const user = await userView(deps, body.user.id);
        if (!(await ensureRole(deps, user, "staff", reply))) return;
        let value: SearchPageValue;
        try {
          value = JSON.parse(action.value ?? "") as SearchPageValue;
        } catch {
          return;
        }
        if (typeof value.q !== "string" || !Number.isInteger(value.p) || value.p < 1) return;
        await answerSearch(deps, user, value.q, value.p, async (message) => {
          await respond({ response_type: "ephemeral", replace_original: true, ...message } as never);
        });
      });
    },
  );
}
