import type { App } from "@slack/bolt";
import { foldGreek } from "../../../lib/text.js";
import { type HandlerDeps, userView } from "../../../slack/listener.js";
import { MAX_STATIC_OPTIONS, TOPICS_OPTIONS_ACTION, topicOption } from "./clip-modal-views.js";

/** Options for the topics field when the office has more topics than a static select can hold. */
export function registerTopicOptions(app: App, deps: HandlerDeps): void {
  app.options(TOPICS_OPTIONS_ACTION, async ({ ack, body }) => {
    try {
      const user = await userView(deps, body.user.id);
      const query = foldGreek(body.value ?? "");
      const topics = await deps.services.clippings.listActiveTopics();
      const matching = topics.filter((tp) => foldGreek(`${tp.nameEl} ${tp.nameEn}`).includes(query));
      await ack({ options: matching.slice(0, MAX_STATIC_OPTIONS).map((tp) => topicOption(tp, user.locale)) });
    } catch (error) {
      deps.logger.error({ err: error }, "topic options failed");
      await ack({ options: [] });
    }
  });
}
