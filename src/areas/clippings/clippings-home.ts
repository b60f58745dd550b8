// The clippings' part of each person's Home: the replies they owe (assigned to them), each with
// the button that records the reply (the search results' menu choice "close").
import { defineTexts } from "../../i18n/texts.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import type { ClippingReplies } from "./clipping-replies.js";
import { NEW_CLIPPING_ACTION } from "./slack/home-form.js";
import { RESULT_MENU_ACTION, resultMenuChoice } from "./slack/search-results-views.js";

const texts = defineTexts(
  { kind: "Απάντηση σε δημοσίευμα", close: "Καταχώριση απάντησης", form: "Νέο δημοσίευμα" },
  { kind: "Reply to a clipping", close: "Record the reply", form: "New clipping" },
);

export function createClippingsHomeSource(replies: Pick<ClippingReplies, "openReplies">): HomeSource {
  return homeSource({
    id: "clippings-replies",
    async collect(w) {
      const h = texts(w.locale);
      const mine = (await replies.openReplies()).filter((r) => r.assignee === w.actor);
      return {
        forms: [{ text: h.form, actionId: NEW_CLIPPING_ACTION }],
        items: mine.map((r) => {
          const title = truncate(r.title, 150);
          return {
            kind: h.kind,
            title: `*${r.registerNumber}* ${r.url ? mrkdwnLink(r.url, title) : escapeMrkdwn(title)}`,
            due: r.dueOn,
            action: {
              type: "button" as const,
              text: h.close,
              actionId: RESULT_MENU_ACTION,
              value: resultMenuChoice.encode({ verb: "close", id: r.id }),
            },
          };
        }),
      };
    },
  });
}
