// Which days the office works: Monday to Friday, less Greek public holidays (date-holidays, with
// Orthodox Easter) and the municipality's own holidays, corrected by an admin where the state moves
// a holiday (e.g. Labour Day 2024). Pure computation: the admins' corrections and the local
// holidays are given as data (the office-calendar area's store loads them).
import { addDays, format, parseISO } from "date-fns";
import Holidays from "date-holidays";
import type { LocaleCode } from "../i18n/index.js";
import { dateOf, parseRuleKey } from "./namedays/nameday-calendar.js";

export interface DayInfo {
  date: string;
  working: boolean;
  /** The holiday's name, when the day is one. */
  holiday?: string;
  weekend: boolean;
  /** An admin's correction decided it. */
  overridden: boolean;
}

/** An admin's correction of one day. */
export interface CalendarOverride {
  /** YYYY-MM-DD */
  date: string;
  kind: "holiday" | "working_day";
  name?: string;
}

/** A holiday of the municipality's own, every year on a feast key (`fixed:11-11`, `easter:+50`). */
export interface LocalHoliday {
  name: string;
  dateKey: string;
}

/** What decides the working days besides the weekends and the public holidays. */
export interface CalendarFacts {
  overrides: readonly CalendarOverride[];
  localHolidays: readonly LocalHoliday[];
}

/** How far the previous and next working day are looked for. */
export const SEARCH_DAYS = 30;

const greekHolidays = new Holidays("GR");
const publicByYear = new Map<string, Map<string, string>>();

/** Greece's public holidays of a year, by date, named in `locale`. */
export function publicHolidays(year: number, locale: LocaleCode = "el"): Map<string, string> {
  const cacheKey = `${year}:${locale}`;
  let map = publicByYear.get(cacheKey);
  if (!map) {
    map = new Map(
      greekHolidays
        .getHolidays(year, locale)
        .filter((h) => h.type === "public")
        .map((h) => [h.date.slice(0, 10), h.name]),
    );
    publicByYear.set(cacheKey, map);
  }
  return map;
}

/** The local holiday that falls on `date`, if any. */
export function localHolidayOn(date: string, localHolidays: readonly LocalHoliday[]): LocalHoliday | undefined {
  const year = Number(date.slice(0, 4));
  return localHolidays.find((holiday) => {
    const rule = parseRuleKey(holiday.dateKey);
    return rule !== undefined && dateOf(rule, year) === date;
  });
}

export function dayInfo(date: string, facts: CalendarFacts, locale: LocaleCode = "el"): DayInfo {
  const day = parseISO(date);
  const weekend = day.getDay() === 0 || day.getDay() === 6;
  const override = facts.overrides.find((o) => o.date === date);
  if (override) {
    return {
      date,
      working: override.kind === "working_day",
      holiday: override.kind === "holiday" ? override.name : undefined,
      weekend,
      overridden: true,
    };
  }
  const holiday =
    publicHolidays(day.getFullYear(), locale).get(date) ?? localHolidayOn(date, facts.localHolidays)?.name;
  return { date, working: !weekend && !holiday, holiday, weekend, overridden: false };
}

export function isWorkingDay(date: string, facts: CalendarFacts): boolean {
  return dayInfo(date, facts).working;
}

function nearestWorkingDay(date: string, facts: CalendarFacts, step: 1 | -1): string {
  let d = parseISO(date);
  for (let i = 0; i < SEARCH_DAYS; i++) {
    d = addDays(d, step);
    const iso = format(d, "yyyy-MM-dd");
    if (isWorkingDay(iso, facts)) return iso;
  }
  throw new Error(`no working day in the ${SEARCH_DAYS} days ${step < 0 ? "before" : "after"} ${date}`);
}

/** The working day before `date` (not `date` itself). */
export function previousWorkingDay(date: string, facts: CalendarFacts): string {
  return nearestWorkingDay(date, facts, -1);
}

/** The working day after `date` (not `date` itself). */
export function nextWorkingDay(date: string, facts: CalendarFacts): string {
  return nearestWorkingDay(date, facts, 1);
}

/**
 * The office's working calendar as the scheduler and the areas ask it (its facts loaded when asked:
 * an admin's correction counts from the next question on).
 */
export interface WorkingCalendar {
  dayInfo(date: string, locale?: LocaleCode): Promise<DayInfo>;
  isWorkingDay(date: string): Promise<boolean>;
  previousWorkingDay(date: string): Promise<string>;
  nextWorkingDay(date: string): Promise<string>;
  publicHolidays(year: number, locale: LocaleCode): Map<string, string>;
}
