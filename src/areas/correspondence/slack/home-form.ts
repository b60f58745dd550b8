// The Home tab's «Νέα επιστολή» button: the same form as /letter.
import type { App, ButtonAction } from "@slack/bolt";
import { onAction, type SlackKit } from "../../../slack/listener.js";
import type { LetterService } from "../letter-service.js";
import { buildLetterModal } from "./letter-views.js";

export const NEW_LETTER_ACTION = "letter_new";

export function registerNewLetterButton(app: App, deps: { kit: SlackKit; service: LetterService }): void {
  onAction<ButtonAction>(app, deps.kit, {
    id: NEW_LETTER_ACTION,
    role: "staff",
    async handle({ user, body, client }) {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildLetterModal(user.t, user.locale, deps.service.today()),
      });
    },
  });
}
