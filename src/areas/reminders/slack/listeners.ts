// «Αργότερα» on a personal reminder: the choice is recorded once and said in place of the menu.
// And Slack's profile changes, which keep each person's time zone (their reminders' hour) current.
import type { App, BlockElementAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { formatDayMonthYear, formatLocalTime, localDate } from "../../../lib/clock.js";
import { SNOOZE_ACTION, SNOOZE_BLOCK_ID, type SnoozeChoice, snoozeChoice } from "../../../scheduling/snooze.js";
import { actionMessage } from "../../../slack/codec.js";
import { onAction, onUserChanged, type SlackKit } from "../../../slack/listener.js";
import { reminderTexts } from "../messages.js";
import type { ReminderService } from "../service.js";

/** The DM a message's menu was in, as Slack's `container` names it when `channel` is absent. */
const containerChannel = z.object({ channel_id: z.string().regex(/^[A-Z0-9]{1,40}$/) });

export interface ReminderSlackDeps {
  kit: SlackKit;
  reminders: Pick<ReminderService, "snooze">;
  timeZone: string;
}

export function registerSnoozeMenu(app: App, deps: ReminderSlackDeps): void {
  onAction<BlockElementAction, SnoozeChoice>(app, deps.kit, {
    id: SNOOZE_ACTION,
    role: "staff",
    value: snoozeChoice,
    async handle({ user, body, value, respond, reply }) {
      const message = actionMessage(body);
      const channel = body.channel?.id ?? containerChannel.safeParse(body.container).data?.channel_id;
      if (!message || !channel) return reply(user.t.common.outOfDate);
      const outcome = await deps.reminders.snooze({ userId: user.userId, channel, message, choice: value });
      // Said on the person's clock, and named when it is not the office's.
      const zone = outcome.zone;
      const when = `${formatDayMonthYear(localDate(outcome.until, zone))} ${formatLocalTime(outcome.until, zone)}${zone === deps.timeZone ? "" : ` (${zone})`}`;
      const r = reminderTexts(user.locale);
      const said = outcome.recorded ? r.putOff(when) : r.alreadyPutOff(when);
      const kept = (message.blocks ?? []).filter((b) => b.block_id !== SNOOZE_BLOCK_ID) as unknown as KnownBlock[];
      await respond({
        replace_original: true,
        text: message.text ?? said,
        blocks: [...kept, { type: "context", elements: [{ type: "mrkdwn", text: said }] }],
      });
    },
  });
}

/** A profile's `tz` as Slack tells of it (user_change): kept for someone Grafeio knows. */
export function registerTimeZoneChanges(
  app: App,
  deps: { kit: Pick<SlackKit, "logger">; timeZones: { changed(slackUserId: string, tz: string): Promise<boolean> } },
): void {
  onUserChanged(app, deps.kit, async (user) => {
    if (user.tz) await deps.timeZones.changed(user.id, user.tz);
  });
}
