import type { App } from "@slack/bolt";
import { foldGreek } from "../../../lib/text.js";
import { onOptions } from "../../../slack/listener.js";
import { MAX_STATIC_OPTIONS, TOPICS_OPTIONS_ACTION, topicOption } from "./clip-modal-views.js";
import type { ClippingsContext } from "./context.js";

/** Options for the topics field when the office has more topics than a static select can hold. */
export function registerTopicOptions(app: App, { kit, clippings }: ClippingsContext): void {
  onOptions(app, kit, {
    actionId: TOPICS_OPTIONS_ACTION,
    handle: async ({ user, query }) => {
      const folded = foldGreek(query);
      const topics = await clippings.listActiveTopics();
      const matching = topics.filter((tp) => foldGreek(`${tp.nameEl} ${tp.nameEn}`).includes(folded));
      return matching.slice(0, MAX_STATIC_OPTIONS).map((tp) => topicOption(tp, user.locale));
    },
  });
}
