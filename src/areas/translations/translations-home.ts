// The translations' part of each person's Home: the requests assigned to them and the ones they
// asked for, each with the step they can take now (the card's own button).
import { messages } from "../../i18n/index.js";
import { defineTexts } from "../../i18n/texts.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import { NEW_TRANSLATION_ACTION } from "./slack/home-form.js";
import { stepActionId } from "./slack/translation-views.js";
import { availableSteps } from "./translation-flow.js";
import type { TranslationService } from "./translation-service.js";
import { isoDay } from "./translation-validation.js";

const texts = defineTexts(
  { assigned: "Μετάφραση για εσάς", requested: "Μετάφραση που ζητήσατε", form: "Αίτημα μετάφρασης" },
  { assigned: "Translation for you", requested: "Translation you asked for", form: "Translation request" },
);

export function createTranslationsHomeSource(service: Pick<TranslationService, "list">): HomeSource {
  return homeSource({
    id: "translations",
    async collect(w) {
      const found = await service.list({ actor: w.actor, filter: "mine", today: w.today });
      if (found.status !== "found") return null;
      const h = texts(w.locale);
      const m = messages(w.locale).translations;
      return {
        forms: [{ text: h.form, actionId: NEW_TRANSLATION_ACTION }],
        items: found.requests.map((r) => {
          // The step the person would take next (cancelling is left to the card).
          const step = availableSteps(r, { userId: w.actor, coordinator: false }).find((a) => a !== "cancel");
          return {
            kind: r.assignee === w.actor ? h.assigned : h.requested,
            title: `*#${r.id}* ${escapeMrkdwn(truncate(r.title, 150))} (${r.sourceLang}→${r.targetLang}, ${m.statuses[r.status]})`,
            due: isoDay(r.dueOn),
            ...(step
              ? {
                  action: {
                    type: "button" as const,
                    text: m.actions[step],
                    actionId: stepActionId(step),
                    value: String(r.id),
                  },
                }
              : {}),
          };
        }),
      };
    },
  });
}
