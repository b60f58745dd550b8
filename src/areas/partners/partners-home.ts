// The agreements' part of each person's Home: the obligations they own whose due dates are late or
// fall due by the end of the week, each with the agreement card's own menu choices (kept; waived for
// a manager, as the service allows only them), which open the same form the card's menu does.
import { defineTexts } from "../../i18n/texts.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import type { AgreementsService } from "./agreement-service.js";
import { partnerTexts } from "./messages.js";
import { AGREEMENT_MENU } from "./slack/agreement-views.js";
import { agreementMenuValue } from "./slack/codecs.js";

const texts = defineTexts({ kind: "Υποχρέωση συμφωνίας" }, { kind: "Agreement's obligation" });

export function createPartnersHomeSource(
  agreements: Pick<AgreementsService, "ownedDue">,
  roles: { hasRole(slackUserId: string, role: "manager"): Promise<boolean> },
): HomeSource {
  return homeSource({
    id: "agreements",
    async collect(w) {
      const due = await agreements.ownedDue(w.actor, w.today, w.weekEnd);
      if (due.length === 0) return null;
      const h = texts(w.locale);
      const m = partnerTexts(w.locale).agreements;
      const manager = await roles.hasRole(w.actor, "manager");
      return {
        items: due.map(({ obligation: o, due: day, standing }) => ({
          kind: h.kind,
          title:
            `*#${o.agreementId}* ${escapeMrkdwn(truncate(o.description, 150))} · ` +
            `${escapeMrkdwn(truncate(o.agreement.title, 80))} · ${m.standings[standing]}`,
          due: day,
          // A manager may keep or waive it (a menu); its owner only keeps it (a button: a menu needs two).
          action: manager
            ? {
                type: "overflow" as const,
                actionId: AGREEMENT_MENU,
                options: [
                  { text: m.menu.done, value: agreementMenuValue.encode({ choice: "done", id: o.id }) },
                  { text: m.menu.waive, value: agreementMenuValue.encode({ choice: "waive", id: o.id }) },
                ],
              }
            : {
                type: "button" as const,
                text: m.menu.done,
                actionId: AGREEMENT_MENU,
                value: agreementMenuValue.encode({ choice: "done", id: o.id }),
              },
        })),
      };
    },
  });
}
