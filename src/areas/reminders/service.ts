// Putting a personal reminder off: the choice is recorded once per reminder message, and the
// reminder is given back when it is due, once (the reminder-snoozes job).
import type { KnownBlock } from "@slack/types";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { type PersonalReminders, personalDeliveryTime } from "../../scheduling/personal-hour.js";
import { SNOOZE_BLOCK_ID, type SnoozeChoice, snoozeUntil } from "../../scheduling/snooze.js";
import type { ReminderStore, SnoozedReminder } from "./store.js";

export interface SnoozeOutcome {
  /** False when this reminder had already been put off (a retry, a double click). */
  recorded: boolean;
  until: Date;
  /** The person's time zone, which `until` was chosen in (and is said in). */
  zone: string;
}

/** The office's working days, on which a reminder put off comes back. */
export interface SnoozeCalendar {
  nextWorkingDay(date: string): Promise<string>;
  isWorkingDay(date: string): Promise<boolean>;
}

/** The most a reminder's blocks may be to be posted again (Slack's 50 a message, the menu added). */
const MAX_BLOCKS = 49;
const DUE_BATCH = 200;

export function createReminderService(deps: {
  store: ReminderStore;
  clock: Clock;
  calendar: SnoozeCalendar;
  /** Each person's time zone (Slack's profile `tz`): "later" is on their clock. */
  timeZones: { resolve(slackUserId: string): Promise<string> };
}) {
  const { store, clock } = deps;
  return {
    /** The person puts off the reminder in `message` (a DM of theirs) until their choice. */
    async snooze(options: {
      userId: string;
      channel: string;
      message: { ts: string; text?: string; blocks?: { type: string; block_id?: string }[] };
      choice: SnoozeChoice;
    }): Promise<SnoozeOutcome> {
      const { message } = options;
      const zone = await deps.timeZones.resolve(options.userId);
      const dueAt = await snoozeUntil(options.choice, clock.now(), {
        timeZone: zone,
        nextWorkingDay: (d) => deps.calendar.nextWorkingDay(d),
        isWorkingDay: (d) => deps.calendar.isWorkingDay(d),
      });
      // What comes back is the reminder itself, without its «Αργότερα» menu (added again when posted).
      const blocks = message.blocks?.filter((b) => b.block_id !== SNOOZE_BLOCK_ID).slice(0, MAX_BLOCKS);
      const { created, reminder } = await store.recordOnce({
        userId: options.userId,
        channel: options.channel,
        messageTs: message.ts,
        text: message.text ?? "",
        blocks: blocks as Prisma.InputJsonValue | undefined,
        choice: options.choice,
        dueAt,
      });
      return { recorded: created, until: reminder.dueAt, zone };
    },

    /** Reminders due by `at`, not given back yet. */
    due: (at: Date): Promise<SnoozedReminder[]> => store.findDue(at, DUE_BATCH),

    /** Its blocks as posted again. */
    blocksOf: (r: SnoozedReminder): KnownBlock[] | undefined =>
      Array.isArray(r.blocks) && r.blocks.length > 0 ? (r.blocks as unknown as KnownBlock[]) : undefined,

    delivered: (id: number) => store.markDelivered(id, clock.now()),
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;

/** The choice a reminder kept for the person's own hour is recorded under (not a snooze). */
export const AT_THEIR_HOUR = "timezone";
/** A kept reminder's row names its once-only key: `tz:<key>` (where a snooze has its message's ts). */
const KEY_PREFIX = "tz:";

/** The once-only key a reminder kept for the person's hour is posted under: the job's own key. */
export function keptReminderKey(r: Pick<SnoozedReminder, "choice" | "messageTs" | "id">): string {
  return r.choice === AT_THEIR_HOUR && r.messageTs.startsWith(KEY_PREFIX)
    ? r.messageTs.slice(KEY_PREFIX.length)
    : `snooze:${r.id}`;
}

/**
 * Personal reminders at the office's hour in the person's zone (src/scheduling/personal-hour.ts):
 * posted now when that is now, else kept once per key in snoozed_reminders for the reminder-snoozes
 * job, which posts it under the same key (so a re-run that posts now instead still posts once).
 */
export function createPersonalReminders(deps: {
  store: ReminderStore;
  timeZone: string;
  timeZones: { resolve(slackUserId: string): Promise<string> };
}): PersonalReminders {
  return {
    async post(run, message) {
      const zone = await deps.timeZones.resolve(message.channel);
      const at = personalDeliveryTime(run.scheduledFor, deps.timeZone, zone);
      if (at.getTime() <= run.scheduledFor.getTime()) return { posted: (await run.sender.post(message)).posted };
      const blocks = message.blocks
        ?.filter((b) => !("block_id" in b) || b.block_id !== SNOOZE_BLOCK_ID)
        .slice(0, MAX_BLOCKS);
      const { created } = await deps.store.recordOnce({
        userId: message.channel,
        channel: message.channel,
        messageTs: `${KEY_PREFIX}${message.key}`,
        text: message.text,
        blocks: blocks as Prisma.InputJsonValue | undefined,
        choice: AT_THEIR_HOUR,
        dueAt: at,
      });
      return { posted: false, ...(created ? { until: at } : {}) };
    },
  };
}
