// The correspondence's part of each person's Home: the entries they registered that await an
// answer by a deadline, each with the entry's own menu (answered, declined, filed).
import { messages } from "../../i18n/index.js";
import { defineTexts } from "../../i18n/texts.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import { type LetterService, protocolNumber } from "./letter-service.js";
import { NEW_LETTER_ACTION } from "./slack/home-form.js";
import { LETTER_MENU_ACTION, letterMenuValue } from "./slack/letter-views.js";

const texts = defineTexts(
  { kind: "Επιστολή προς απάντηση", form: "Νέα επιστολή" },
  { kind: "Letter awaiting an answer", form: "New letter" },
);

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function createLettersHomeSource(service: Pick<LetterService, "openWithDue">): HomeSource {
  return homeSource({
    id: "letters",
    async collect(w) {
      const mine = (await service.openWithDue()).filter((l) => l.createdBy === w.actor);
      const h = texts(w.locale);
      const m = messages(w.locale).letters;
      return {
        forms: [{ text: h.form, actionId: NEW_LETTER_ACTION }],
        items: mine.map((l) => ({
          kind: h.kind,
          title: `*${protocolNumber(l)}* ${escapeMrkdwn(truncate(l.subject, 150))} · ${escapeMrkdwn(truncate(l.counterpart, 80))}`,
          due: day(l.dueOn),
          action: {
            type: "overflow" as const,
            actionId: LETTER_MENU_ACTION,
            options: [
              { text: m.menuAnswered, value: letterMenuValue.encode({ outcome: "answered", id: l.id }) },
              { text: m.menuDeclined, value: letterMenuValue.encode({ outcome: "declined", id: l.id }) },
              { text: m.menuFiled, value: letterMenuValue.encode({ outcome: "filed", id: l.id }) },
            ],
          },
        })),
      };
    },
  });
}
