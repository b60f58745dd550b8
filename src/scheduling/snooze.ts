// «Αργότερα» on every personal reminder: a menu (in an hour, tomorrow morning, the next working
// day) that the reminders area records once and brings back once (src/areas/reminders). The jobs
// that DM a person add it with withSnooze(); the rule of when "later" is stays here, pure.
import type { KnownBlock } from "@slack/types";
import type { Messages } from "../i18n/index.js";
import { localDate, shiftDate } from "../lib/clock.js";
import { type Codec, enumCodec } from "../slack/codec.js";
import { truncate } from "../slack/mrkdwn.js";
import { wallTime } from "./cron.js";

export const SNOOZE_ACTION = "reminder_snooze";
/** The block the menu is in: left out when the reminder is posted again. */
export const SNOOZE_BLOCK_ID = "reminder_snooze";
export const SNOOZE_CHOICES = ["hour", "morning", "workday"] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];
export const snoozeChoice: Codec<SnoozeChoice> = enumCodec(SNOOZE_CHOICES);

/** The office's morning, when "tomorrow morning" and "the next working day" come back. */
export const SNOOZE_MORNING_HOUR = 9;

/** A reminder's message with the «Αργότερα» menu under it (its text as a section when it has no blocks). */
export function withSnooze(
  t: Messages,
  message: { text: string; blocks?: KnownBlock[] },
): { text: string; blocks: KnownBlock[] } {
  const blocks = message.blocks ?? [{ type: "section", text: { type: "mrkdwn", text: truncate(message.text, 3000) } }];
  return {
    text: message.text,
    blocks: [
      ...blocks.slice(0, 49),
      {
        type: "actions",
        block_id: SNOOZE_BLOCK_ID,
        elements: [
          {
            type: "static_select",
            action_id: SNOOZE_ACTION,
            placeholder: { type: "plain_text", text: t.jobs.later },
            options: SNOOZE_CHOICES.map((c) => ({
              text: { type: "plain_text", text: t.jobs.laterChoices[c] },
              value: c,
            })),
          },
        ],
      },
    ],
  };
}

/** When a reminder put off at `now` comes back. */
export async function snoozeUntil(
  choice: SnoozeChoice,
  now: Date,
  options: { timeZone: string; nextWorkingDay(date: string): Promise<string> },
): Promise<Date> {
  if (choice === "hour") return new Date(now.getTime() + 3600_000);
  const today = localDate(now, options.timeZone);
  const day = choice === "morning" ? shiftDate(today, 1) : await options.nextWorkingDay(today);
  return wallTime(day, SNOOZE_MORNING_HOUR, 0, options.timeZone);
}
