// «Αργότερα» on a personal reminder: the choice is recorded once and said in place of the menu.
import type { App, BlockElementAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { formatDayMonthYear, formatLocalTime, localDate } from "../../../lib/clock.js";
import { SNOOZE_ACTION, SNOOZE_BLOCK_ID, type SnoozeChoice, snoozeChoice } from "../../../scheduling/snooze.js";
import { actionMessage } from "../../../slack/codec.js";
import { onAction, type SlackKit } from "../../../slack/listener.js";
import { reminderTexts } from "../messages.js";
import type { ReminderService } from "../service.js";

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
      const channel = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
      if (!message || !channel) return reply(user.t.common.outOfDate);
      const outcome = await deps.reminders.snooze({ userId: user.userId, channel, message, choice: value });
      const when = `${formatDayMonthYear(localDate(outcome.until, deps.timeZone))} ${formatLocalTime(outcome.until, deps.timeZone)}`;
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
