// Which days the office works: Monday to Friday, less Greek public holidays (date-holidays, with
// Orthodox Easter) and the municipality's own holidays, corrected by an admin where the state moves
// a holiday. Labour Day moves by itself the way the decisions have moved it (below), marked as
// expected until an admin records the published decision. 24 and 31 December are half days.
// Pure computation: the admins' corrections, decisions and the local holidays are given as data
// (the office-calendar area's store loads them).
import { addDays, format, parseISO } from "date-fns";
import Holidays from "date-holidays";
import type { LocaleCode } from "../i18n/index.js";
import { dateOf, parseRuleKey } from "./namedays/nameday-calendar.js";
import { easterRelative } from "./orthodox-easter.js";

export interface DayInfo {
  date: string;
  working: boolean;
  /** The holiday's name, when the day is one. */
  holiday?: string;
  weekend: boolean;
  /** An admin's correction decided it. */
  overridden: boolean;
  /** A holiday kept away from its own day by decision (Labour Day from 1 May): that day. */
  movedFrom?: string;
  /** The day's own holiday is kept on another day (1 May when Labour Day moves): that day. */
  movedTo?: string;
  /** The move is the expected one: no admin has recorded the published decision yet. */
  expected?: boolean;
  /** A half day (24 and 31 December): the time work stops, HH:MM. */
  closesAt?: string;
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

/** An admin's record of where a holiday the state moves by decision is kept in a year. */
export interface HolidayMove {
  year: number;
  holiday: "labour_day";
  /** YYYY-MM-DD: the day it is kept (1 May itself when the decision did not move it). */
  date: string;
}

/** What decides the working days besides the weekends and the public holidays. */
export interface CalendarFacts {
  overrides: readonly CalendarOverride[];
  localHolidays: readonly LocalHoliday[];
  /** The published decisions on moved holidays, as admins recorded them (none: the expected moves). */
  holidayMoves?: readonly HolidayMove[];
}

/** Where Labour Day is kept in a year, and on whose word. */
export interface LabourDay {
  /** YYYY-MM-DD */
  date: string;
  /** `fixed`: on 1 May, nothing to decide; `expected`: moved by the usual rule until the decision is
   * published; `decided`: an admin recorded the decision. */
  status: "fixed" | "expected" | "decided";
}

/**
 * Where the public sector's Labour Day is expected in `year`. When 1 May falls in Holy Week, on
 * Easter Sunday or Easter Monday, every recent decision moved it to the Tuesday after Easter
 * (2013 → 7 May, 2016 → 3 May, 2021 → 4 May, 2024 → 7 May); on another Sunday, to the Monday
 * (2011 and 2022 → 2 May). Palm Sunday counts as a Sunday: its Monday is Holy Monday, a working day.
 */
export function expectedLabourDay(year: number): string {
  const mayDay = `${year}-05-01`;
  for (let offset = -6; offset <= 1; offset++)
    if (easterRelative(year, offset) === mayDay) return easterRelative(year, 2);
  return parseISO(mayDay).getDay() === 0 ? `${year}-05-02` : mayDay;
}

export function labourDay(year: number, moves: readonly HolidayMove[] = []): LabourDay {
  const decided = moves.find((m) => m.year === year && m.holiday === "labour_day");
  if (decided) return { date: decided.date, status: "decided" };
  const expected = expectedLabourDay(year);
  return { date: expected, status: expected === `${year}-05-01` ? "fixed" : "expected" };
}

/** The half days of the public sector (month-day) and when work stops on them. */
export const HALF_DAYS: readonly string[] = ["12-24", "12-31"];
export const HALF_DAY_CLOSES_AT = "13:00";

/** How far the previous and next working day are looked for. */
export const SEARCH_DAYS = 30;

const greekHolidays = new Holidays("GR");
/**
 * The English names Greeks give their holidays, where date-holidays' differ: it calls Clean Monday
 * "Ash Sunday", 28 October "National Holiday" and 26 December "Boxing Day".
 */
const ENGLISH_NAMES: Record<string, string> = {
  "Ash Sunday": "Clean Monday",
  "Annunciation, Anniversary of 1821 Revolution": "Independence Day and the Annunciation",
  "National Holiday": "Ochi Day",
  Assumption: "Dormition of the Mother of God",
  "Whit Monday": "Whit Monday (Holy Spirit Monday)",
  "Boxing Day": "Synaxis of the Mother of God (second day of Christmas)",
};

/** date-holidays' rule for Labour Day, kept apart because it moves. */
const LABOUR_DAY_RULE = "05-01";
const lawByYear = new Map<string, { others: Map<string, string>; labourDay: string }>();

/** The public holidays of the law's calendar, Labour Day apart (its name), named in `locale`. */
function lawHolidays(year: number, locale: LocaleCode) {
  const cacheKey = `${year}:${locale}`;
  let law = lawByYear.get(cacheKey);
  if (!law) {
    const all = greekHolidays.getHolidays(year, locale).filter((h) => h.type === "public");
    const labour = all.find((h) => h.rule === LABOUR_DAY_RULE);
    const others = new Map<string, string>();
    const named = (name: string) => (locale === "en" ? (ENGLISH_NAMES[name] ?? name) : name);
    for (const h of all)
      if (h !== labour && !others.has(h.date.slice(0, 10))) others.set(h.date.slice(0, 10), named(h.name));
    law = { others, labourDay: labour?.name ?? (locale === "en" ? "Labour Day" : "Εργατική Πρωτομαγιά") };
    lawByYear.set(cacheKey, law);
  }
  return law;
}

/** Greece's public holidays of a year, by date, named in `locale`, Labour Day where it is kept. */
export function publicHolidays(
  year: number,
  locale: LocaleCode = "el",
  moves: readonly HolidayMove[] = [],
): Map<string, string> {
  const law = lawHolidays(year, locale);
  const map = new Map(law.others);
  const labour = labourDay(year, moves).date;
  if (!map.has(labour)) map.set(labour, law.labourDay);
  return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
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
    return withHalfDay({
      date,
      working: override.kind === "working_day",
      holiday: override.kind === "holiday" ? override.name : undefined,
      weekend,
      overridden: true,
    });
  }
  const year = day.getFullYear();
  const law = lawHolidays(year, locale);
  const labour = labourDay(year, facts.holidayMoves);
  const mayDay = `${year}-05-01`;
  const moved = labour.date !== mayDay;
  const holiday =
    law.others.get(date) ??
    (date === labour.date ? law.labourDay : undefined) ??
    localHolidayOn(date, facts.localHolidays)?.name;
  const info: DayInfo = { date, working: !weekend && !holiday, holiday, weekend, overridden: false };
  if (moved && date === labour.date) info.movedFrom = mayDay;
  if (moved && date === mayDay) info.movedTo = labour.date;
  if (moved && (date === labour.date || date === mayDay) && labour.status === "expected") info.expected = true;
  return withHalfDay(info);
}

/** A working 24 or 31 December stops at 13:00. */
function withHalfDay(info: DayInfo): DayInfo {
  return info.working && HALF_DAYS.includes(info.date.slice(5)) ? { ...info, closesAt: HALF_DAY_CLOSES_AT } : info;
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
