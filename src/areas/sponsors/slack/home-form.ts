// The Home tab's «Νέα χορηγία» button: the same form as /sponsor add.
import type { App, ButtonAction } from "@slack/bolt";
import { onAction, type SlackKit } from "../../../slack/listener.js";
import type { SponsorsService } from "../service.js";
import { buildSponsorModal, eventChoices } from "./sponsor-views.js";

export const NEW_SPONSORSHIP_ACTION = "sponsor_new";

export function registerNewSponsorshipButton(
  app: App,
  deps: { kit: SlackKit; sponsorships: SponsorsService; timeZone: string },
): void {
  onAction<ButtonAction>(app, deps.kit, {
    id: NEW_SPONSORSHIP_ACTION,
    role: "staff",
    async handle({ user, body, client }) {
      const events = eventChoices(await deps.sponsorships.upcomingEvents(), deps.timeZone);
      await client.views.open({ trigger_id: body.trigger_id, view: buildSponsorModal(user.t, undefined, events) });
    },
  });
}
