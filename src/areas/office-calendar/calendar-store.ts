// The office calendar's rows: the admins' corrections of single days (calendar_overrides), the
// published decisions on moved holidays (holiday_moves), and the yearly days the office prepares
// for (calendar_reminders), among them the municipality's own holidays.
import type { CalendarOverride, HolidayMove, LocalHoliday } from "../../calendar/working-days.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

export type ReminderKind = "celebration" | "cards";

export interface CalendarReminder {
  id: number;
  kind: ReminderKind;
  name: string;
  dateKey: string;
  leadDays: number;
  holiday: boolean;
}

const asDbDate = (date: string) => new Date(`${date}T00:00:00Z`);

export function createCalendarStore(prisma: PrismaClient) {
  return {
    /** The admins' corrections from `from` to `to` (inclusive, YYYY-MM-DD). */
    async overridesBetween(from: string, to: string): Promise<CalendarOverride[]> {
      const rows = await prisma.calendarOverride.findMany({
        where: { date: { gte: asDbDate(from), lte: asDbDate(to) } },
      });
      return rows.map((row) => ({
        date: row.date.toISOString().slice(0, 10),
        kind: row.kind,
        ...(row.name !== null ? { name: row.name } : {}),
      }));
    },

    async saveOverride(options: { date: string; kind: "holiday" | "working_day"; name?: string; setBy: string }) {
      const date = asDbDate(options.date);
      await prisma.calendarOverride.upsert({
        where: { date },
        create: { date, kind: options.kind, name: options.name ?? null, setBy: options.setBy },
        update: { kind: options.kind, name: options.name ?? null, setBy: options.setBy },
      });
    },

    async deleteOverride(date: string) {
      await prisma.calendarOverride.deleteMany({ where: { date: asDbDate(date) } });
    },

    /** The decisions recorded for the years from `fromYear` to `toYear` (inclusive). */
    async holidayMoves(fromYear: number, toYear: number): Promise<HolidayMove[]> {
      const rows = await prisma.holidayMove.findMany({ where: { year: { gte: fromYear, lte: toYear } } });
      return rows.map((row) => ({
        year: row.year,
        holiday: "labour_day" as const,
        date: row.date.toISOString().slice(0, 10),
      }));
    },

    async saveHolidayMove(options: HolidayMove & { setBy: string; setAt: Date }) {
      const key = { year: options.year, holiday: options.holiday };
      const date = asDbDate(options.date);
      await prisma.holidayMove.upsert({
        where: { year_holiday: key },
        create: { ...key, date, setBy: options.setBy, setAt: options.setAt },
        update: { date, setBy: options.setBy, setAt: options.setAt },
      });
    },

    async deleteHolidayMove(year: number, holiday: HolidayMove["holiday"]) {
      await prisma.holidayMove.deleteMany({ where: { year, holiday } });
    },

    /** The municipality's own holidays (active reminders marked as holidays). */
    async localHolidays(): Promise<LocalHoliday[]> {
      return prisma.calendarReminder.findMany({
        where: { active: true, holiday: true },
        select: { name: true, dateKey: true },
        orderBy: { id: "asc" },
      });
    },

    async activeReminders(kind?: ReminderKind): Promise<CalendarReminder[]> {
      return prisma.calendarReminder.findMany({
        where: { active: true, ...(kind ? { kind } : {}) },
        select: { id: true, kind: true, name: true, dateKey: true, leadDays: true, holiday: true },
        orderBy: { id: "asc" },
      });
    },

    async addReminder(options: Omit<CalendarReminder, "id"> & { createdBy: string }): Promise<CalendarReminder> {
      return prisma.calendarReminder.create({
        data: options,
        select: { id: true, kind: true, name: true, dateKey: true, leadDays: true, holiday: true },
      });
    },

    async setReminderLeadDays(id: number, leadDays: number): Promise<boolean> {
      const result = await prisma.calendarReminder.updateMany({ where: { id, active: true }, data: { leadDays } });
      return result.count > 0;
    },

    async deactivateReminder(id: number): Promise<boolean> {
      const result = await prisma.calendarReminder.updateMany({ where: { id, active: true }, data: { active: false } });
      return result.count > 0;
    },
  };
}

export type CalendarStore = ReturnType<typeof createCalendarStore>;
