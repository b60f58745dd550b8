// The Home tab's «Νέο αίτημα μετάφρασης» button: the same form as /translate.
import type { App, ButtonAction } from "@slack/bolt";
import { onAction, type SlackKit } from "../../../slack/listener.js";
import type { TranslationService } from "../translation-service.js";
import { buildTranslationModal } from "./translation-views.js";

export const NEW_TRANSLATION_ACTION = "translation_new";

export function registerNewTranslationButton(app: App, deps: { kit: SlackKit; service: TranslationService }): void {
  onAction<ButtonAction>(app, deps.kit, {
    id: NEW_TRANSLATION_ACTION,
    role: "staff",
    async handle({ user, body, client }) {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildTranslationModal({ t: user.t, locale: user.locale, values: {}, today: deps.service.today() }),
      });
    },
  });
}
