// The yearly days the office prepares for ahead of time: national days (parade, wreath-laying),
// the municipality's own celebrations, and the Christmas and Easter card campaigns. Each has a
// date rule (the same keys as name days) and a lead time in days; an admin edits them.

import { dateOf, parseRuleKey } from "../../calendar/namedays/nameday-calendar.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { shiftDate } from "../../lib/clock.js";

export type ReminderKind = "celebration" | "cards";

export interface CalendarReminder {
  id: number;
  kind: ReminderKind;
  name: string;
  dateKey: string;
  leadDays: number;
  holiday: boolean;
}

export interface ReminderOccurrence {
  reminder: CalendarReminder;
  /** The day itself this year (YYYY-MM-DD). */
  date: string;
  /** The day the reminder is due: `leadDays` before. */
  remindOn: string;
}

export const MAX_LEAD_DAYS = 120;

export function createCalendarReminders({ prisma }: { prisma: PrismaClient }) {
  async function active(kind?: ReminderKind): Promise<CalendarReminder[]> {
    return prisma.calendarReminder.findMany({
      where: { active: true, ...(kind ? { kind } : {}) },
      orderBy: { id: "asc" },
    });
  }

  return {
    active,

    /**
     * Reminders whose day is still ahead of `today` and whose reminder day has come: a reminder
     * missed while the bot was down, or on a weekend, is still given until the day itself.
     */
    async dueOn(today: string, kind?: ReminderKind): Promise<ReminderOccurrence[]> {
      const year = Number(today.slice(0, 4));
      const out: ReminderOccurrence[] = [];
      for (const reminder of await active(kind)) {
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
    },

    /** The municipality's own holidays that fall on `date`. */
    async localHolidayOn(date: string): Promise<CalendarReminder | undefined> {
      const year = Number(date.slice(0, 4));
      for (const reminder of await prisma.calendarReminder.findMany({ where: { active: true, holiday: true } })) {
        const rule = parseRuleKey(reminder.dateKey);
        if (rule && dateOf(rule, year) === date) return reminder;
      }
      return undefined;
    },

    async add(options: Omit<CalendarReminder, "id"> & { createdBy: string }): Promise<CalendarReminder> {
      return prisma.calendarReminder.create({ data: options });
    },

    async setLeadDays(id: number, leadDays: number): Promise<boolean> {
      const result = await prisma.calendarReminder.updateMany({ where: { id, active: true }, data: { leadDays } });
      return result.count > 0;
    },

    async remove(id: number): Promise<boolean> {
      const result = await prisma.calendarReminder.updateMany({ where: { id, active: true }, data: { active: false } });
      return result.count > 0;
    },
  };
}

export type CalendarReminders = ReturnType<typeof createCalendarReminders>;
