// The networks' part of each person's Home: the meeting reports they owe (as the delegate who
// reports) and their open follow-up actions, each with the meeting menu's own choice, and the
// area's two forms.
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import { type HomeSource, homeSource } from "../home/home-source.js";
import { networkTexts } from "./messages.js";
import type { NetworksService } from "./service.js";
import { meetingMenuValue } from "./slack/codecs.js";
import { MEETING_MENU, meetingHeadline, NEW_MEETING_ACTION, NEW_NETWORK_ACTION } from "./slack/views.js";

export function createNetworksHomeSource(
  networks: Pick<NetworksService, "reportsOwedBy" | "openFollowUps">,
): HomeSource {
  return homeSource({
    id: "networks",
    async collect(w) {
      const t = networkTexts(w.locale);
      const owed = await networks.reportsOwedBy(w.actor, w.today);
      const actions = await networks.openFollowUps({ owner: w.actor });
      return {
        forms: [
          { text: t.home.formMeeting, actionId: NEW_MEETING_ACTION },
          { text: t.home.formNetwork, actionId: NEW_NETWORK_ACTION },
        ],
        items: [
          ...owed.map((v) => ({
            kind: t.home.report,
            title: meetingHeadline(t, v),
            due: v.reportDue,
            action: {
              type: "button" as const,
              text: t.reminders.writeReport,
              actionId: MEETING_MENU,
              value: meetingMenuValue.encode({ choice: "report", id: v.meeting.id }),
              style: "primary" as const,
            },
          })),
          ...actions.map((f) => ({
            kind: t.home.followUp,
            title: `${escapeMrkdwn(truncate(f.description, 150))} · #${f.meetingId} ${escapeMrkdwn(truncate(f.meeting.title, 80))}`,
            due: f.dueOn.toISOString().slice(0, 10),
            action: {
              type: "button" as const,
              text: t.home.done,
              actionId: MEETING_MENU,
              value: meetingMenuValue.encode({ choice: "done", id: f.id }),
            },
          })),
        ],
      };
    },
  });
}
