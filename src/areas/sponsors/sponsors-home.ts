// The sponsors' part of each person's Home: for a manager, the sponsorships awaiting their approval
// (not the ones they asked for themselves), with the approval message's own button; for whoever
// registered a sponsorship, the thank-you letter owed after its event, with the menu's step.
import { messages } from "../../i18n/index.js";
import { defineTexts } from "../../i18n/texts.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import type { Role } from "../users/roles.js";
import type { SponsorsService } from "./service.js";
import { NEW_SPONSORSHIP_ACTION } from "./slack/home-form.js";
import { approvalValue, menuValue } from "./slack/sponsor-codecs.js";
import { SPONSOR_APPROVE_ACTION, SPONSOR_MENU_ACTION } from "./slack/sponsor-views.js";

const texts = defineTexts(
  { approval: "Χορηγία προς έγκριση", thanks: "Ευχαριστήριο σε χορηγό", form: "Νέα χορηγία" },
  { approval: "Sponsorship to approve", thanks: "Thank-you letter to a sponsor", form: "New sponsorship" },
);

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function createSponsorsHomeSource(
  sponsorships: Pick<SponsorsService, "awaitingApproval" | "thanksOwed">,
  roles: { hasRole(slackUserId: string, role: Role): Promise<boolean> },
): HomeSource {
  return homeSource({
    id: "sponsors",
    async collect(w) {
      const h = texts(w.locale);
      const m = messages(w.locale).sponsors;
      const name = (s: { id: number; organisation: string; eventName: string }) =>
        `*#${s.id}* ${escapeMrkdwn(truncate(s.organisation, 100))} · ${escapeMrkdwn(truncate(s.eventName, 100))}`;
      const toApprove = (await roles.hasRole(w.actor, "manager"))
        ? (await sponsorships.awaitingApproval()).filter((s) => s.approvalAskedBy !== w.actor)
        : [];
      const thanks = (await sponsorships.thanksOwed(w.today)).filter((s) => s.createdBy === w.actor);
      return {
        forms: [{ text: h.form, actionId: NEW_SPONSORSHIP_ACTION }],
        items: [
          ...toApprove.map((s) => ({
            kind: h.approval,
            title: name(s),
            due: null,
            action: {
              type: "button" as const,
              text: m.actions.approve,
              actionId: SPONSOR_APPROVE_ACTION,
              value: approvalValue.encode(s.id),
              style: "primary" as const,
            },
          })),
          ...thanks.map((s) => ({
            kind: h.thanks,
            title: name(s),
            due: day(s.eventDate),
            action: {
              type: "button" as const,
              text: m.actions.thank,
              actionId: SPONSOR_MENU_ACTION,
              value: menuValue.encode({ choice: "thank", id: s.id }),
            },
          })),
        ],
      };
    },
  });
}
