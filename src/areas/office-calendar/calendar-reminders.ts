// The yearly days the office prepares for ahead of time: national days (parade, wreath-laying),
// the municipality's own celebrations, and the Christmas and Easter card campaigns. Each has a
// date rule (the same keys as name days) and a lead time in days; an admin edits them.

import { dateOf, parseRuleKey } from "../../calendar/namedays/nameday-calendar.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { shiftDate } from "../../lib/clock.js";
import { type CalendarReminder, type CalendarStore, createCalendarStore, type ReminderKind } from "./calendar-store.js";

export type { CalendarReminder, ReminderKind } from "./calendar-store.js";

export interface ReminderOccurrence {
  reminder: CalendarReminder;
  /** The day itself this year (YYYY-MM-DD). */
  date: string;
  /** The day the reminder is due: `leadDays` before. */
  remindOn: string;
}

export const MAX_LEAD_DAYS = 120;

/**
 * Reminders whose day is still ahead of `today` and whose reminder day has come: a reminder missed
 * while the bot was down, or on a weekend, is still given until the day itself.
 */
export function remindersDue(reminders: readonly CalendarReminder[], today: string): ReminderOccurrence[] {
  const year = Number(today.slice(0, 4));
  const out: ReminderOccurrence[] = [];
  for (const reminder of reminders) {
    const rule = parseRuleKey(reminder.dateKey);
    if (!rule) continue;
    // This year's day, or next year's when this year's has passed (a January day reminded in December).
    for (const y of [year, year + 1]) {
      const date = dateOf(rule, y);
      const remindOn = shiftDate(date, -reminder.leadDays);
      if (remindOn <= today && today < date) out.push({ reminder, date, remindOn });
    }
  }
  return out;
}

export function createCalendarReminders(deps: { store: CalendarStore } | { prisma: PrismaClient }) {
  const store = "store" in deps ? deps.store : createCalendarStore(deps.prisma);
  return {
    active: (kind?: ReminderKind) => store.activeReminders(kind),

    async dueOn(today: string, kind?: ReminderKind): Promise<ReminderOccurrence[]> {
      return remindersDue(await store.activeReminders(kind), today);
    },

    add: (options: Omit<CalendarReminder, "id"> & { createdBy: string }) => store.addReminder(options),
    setLeadDays: (id: number, leadDays: number) => store.setReminderLeadDays(id, leadDays),
    remove: (id: number) => store.deactivateReminder(id),
  };
}

export type CalendarReminders = ReturnType<typeof createCalendarReminders>;
