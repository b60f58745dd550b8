// Which days the office works: Monday to Friday, less Greek public holidays (date-holidays, with
// Orthodox Easter) and the municipality's own holiday, corrected by an admin where the state moves a holiday (e.g. Labour Day 2024).
import { addDays, format, parseISO } from "date-fns";
import Holidays from "date-holidays";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { LocaleCode } from "../i18n/index.js";

export interface DayInfo {
  date: string;
  working: boolean;
  /** The holiday's name, when the day is one. */
  holiday?: string;
  weekend: boolean;
  /** An admin's correction decided it. */
  overridden: boolean;
}

export function createWorkingCalendar({
  prisma,
  localHolidayOn,
}: {
  prisma: PrismaClient;
  /** The municipality's own holiday on a date (its patron saint), set by an admin. */
  localHolidayOn?: (date: string) => Promise<{ name: string } | undefined>;
}) {
  const holidays = new Holidays("GR");
  const byYear = new Map<string, Map<string, string>>();

  function publicHolidays(year: number, locale: LocaleCode): Map<string, string> {
    const cacheKey = `${year}:${locale}`;
    let map = byYear.get(cacheKey);
    if (!map) {
      map = new Map(
        holidays
          .getHolidays(year, locale)
          .filter((h) => h.type === "public")
          .map((h) => [h.date.slice(0, 10), h.name]),
      );
      byYear.set(cacheKey, map);
    }
    return map;
  }

  async function dayInfo(date: string, locale: LocaleCode = "el"): Promise<DayInfo> {
    const day = parseISO(date);
    const weekend = day.getDay() === 0 || day.getDay() === 6;
    const override = await prisma.calendarOverride.findUnique({ where: { date: new Date(`${date}T00:00:00Z`) } });
    if (override) {
      return {
        date,
        working: override.kind === "working_day",
        holiday: override.kind === "holiday" ? (override.name ?? undefined) : undefined,
        weekend,
        overridden: true,
      };
    }
    const holiday = publicHolidays(day.getFullYear(), locale).get(date) ?? (await localHolidayOn?.(date))?.name;
    return { date, working: !weekend && !holiday, holiday, weekend, overridden: false };
  }

  return {
    dayInfo,
    publicHolidays,
    async isWorkingDay(date: string): Promise<boolean> {
      return (await dayInfo(date)).working;
    },
    /** The working day before `date` (not `date` itself). */
    async previousWorkingDay(date: string): Promise<string> {
      let d = parseISO(date);
      for (let i = 0; i < 30; i++) {
        d = addDays(d, -1);
        const iso = format(d, "yyyy-MM-dd");
        if ((await dayInfo(iso)).working) return iso;
      }
      throw new Error(`no working day in the 30 days before ${date}`);
    },
    /** The working day after `date` (not `date` itself). */
    async nextWorkingDay(date: string): Promise<string> {
      let d = parseISO(date);
      for (let i = 0; i < 30; i++) {
        d = addDays(d, 1);
        const iso = format(d, "yyyy-MM-dd");
        if ((await dayInfo(iso)).working) return iso;
      }
      throw new Error(`no working day in the 30 days after ${date}`);
    },
    async setOverride(options: { date: string; kind: "holiday" | "working_day"; name?: string; setBy: string }) {
      const date = new Date(`${options.date}T00:00:00Z`);
      await prisma.calendarOverride.upsert({
        where: { date },
        create: { date, kind: options.kind, name: options.name ?? null, setBy: options.setBy },
        update: { kind: options.kind, name: options.name ?? null, setBy: options.setBy },
      });
    },
    async clearOverride(date: string) {
      await prisma.calendarOverride.deleteMany({ where: { date: new Date(`${date}T00:00:00Z`) } });
    },
  };
}

export type WorkingCalendar = ReturnType<typeof createWorkingCalendar>;
