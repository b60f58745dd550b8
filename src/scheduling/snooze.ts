// «Αργότερα» on every personal reminder: a menu (in an hour, tomorrow morning, the next working
// day) that the reminders area records once and brings back once (src/areas/reminders), at the
// person's own hour. The jobs
// that DM a person add it with withSnooze(); the rule of when "later" is stays here, pure.
import { TZDate } from "@date-fns/tz";
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

/** The morning hour "tomorrow morning" and "the next working day" come back at, on the person's clock. */
export const SNOOZE_MORNING_HOUR = 9;
/** "In an hour" that falls in the person's night (21:00-08:00 there) waits for their next working morning. */
const NIGHT_ENDS = 8;
const NIGHT_STARTS = 21;

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

/**
 * When a reminder put off at `now` comes back, on the person's own clock (`timeZone`, their Slack
 * zone) and the office's working days (its weekends and holidays, src/calendar): in an hour, unless
 * that is night there (then their next working morning); "tomorrow morning" at 09:00 there on
 * their tomorrow, whatever day it is (they said tomorrow: a Friday's is Saturday's, for the event on
 * Saturday); "the next working day" at 09:00 there on the first working day after their today, so
 * never a weekend or a holiday. From Monday to Thursday before a working day the two are the same.
 */
export async function snoozeUntil(
  choice: SnoozeChoice,
  now: Date,
  options: {
    timeZone: string;
    nextWorkingDay(date: string): Promise<string>;
    isWorkingDay(date: string): Promise<boolean>;
  },
): Promise<Date> {
  const zone = options.timeZone;
  const morningOf = (day: string) => wallTime(day, SNOOZE_MORNING_HOUR, 0, zone);
  const today = localDate(now, zone);
  if (choice === "morning") return morningOf(shiftDate(today, 1));
  if (choice === "workday") return morningOf(await options.nextWorkingDay(today));
  const inAnHour = new Date(now.getTime() + 3600_000);
  const hour = new TZDate(inAnHour, zone).getHours();
  if (hour >= NIGHT_ENDS && hour < NIGHT_STARTS) return inAnHour;
  // Night there: this morning when it is still before it on a working day, else the next working one.
  const day = localDate(inAnHour, zone);
  if (hour < NIGHT_ENDS && (await options.isWorkingDay(day))) return morningOf(day);
  return morningOf(await options.nextWorkingDay(day));
}
