// Occurrences of a cron schedule in a time zone, computed from wall-clock times day by day so
// that daylight-saving changes neither skip nor repeat a local time. node-cron only says "it is
// time"; which occurrences exist (and which were missed) is decided here.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { localDate } from "../lib/clock.js";

export interface CronSchedule {
  minutes: number[];
  hours: number[];
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  dayRestricted: boolean;
  weekdayRestricted: boolean;
}

function field(text: string, min: number, max: number, name: string): number[] {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = min;
    let to = max;
    if (range !== "*") {
      const [a, b] = range.split("-");
      from = Number(a);
      to = b === undefined ? (stepText === undefined ? from : max) : Number(b);
    }
    if (![from, to, step].every(Number.isInteger) || step < 1 || from < min || to > max || from > to) {
      throw new Error(`invalid cron ${name} field: ${text}`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((x, y) => x - y);
}

/** Five fields: minute hour day-of-month month day-of-week (0 or 7 = Sunday). */
export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`a cron schedule has 5 fields: ${expression}`);
  const [m = "", h = "", dom = "", mon = "", dow = ""] = parts;
  const weekdays = new Set(field(dow, 0, 7, "day-of-week").map((d) => d % 7));
  return {
    minutes: field(m, 0, 59, "minute"),
    hours: field(h, 0, 23, "hour"),
    days: new Set(field(dom, 1, 31, "day-of-month")),
    months: new Set(field(mon, 1, 12, "month")),
    weekdays,
    dayRestricted: dom !== "*",
    weekdayRestricted: dow !== "*",
  };
}

function dayMatches(s: CronSchedule, date: Date): boolean {
  if (!s.months.has(date.getUTCMonth() + 1)) return false;
  const dom = s.days.has(date.getUTCDate());
  const dow = s.weekdays.has(date.getUTCDay());
  // Cron's rule: when both are restricted, either may match.
  if (s.dayRestricted && s.weekdayRestricted) return dom || dow;
  if (s.dayRestricted) return dom;
  if (s.weekdayRestricted) return dow;
  return true;
}

/**
 * The instant of a wall-clock time in a zone. A time that does not exist (the spring-forward
 * gap) comes out shifted forward by the gap; a time that exists twice (autumn) comes out once.
 */
export function wallTime(isoDate: string, hour: number, minute: number, timeZone: string): Date {
  const [y, mo, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, mo - 1, d, hour, minute, timeZone).getTime());
}

/** Occurrences in (from, to], oldest first. */
export function occurrencesBetween(expression: string, from: Date, to: Date, timeZone: string): Date[] {
  const s = parseCron(expression);
  const out = new Map<number, Date>();
  let day = new Date(`${localDate(from, timeZone)}T00:00:00Z`);
  const last = new Date(`${localDate(to, timeZone)}T00:00:00Z`);
  while (day <= last) {
    if (dayMatches(s, day)) {
      const iso = day.toISOString().slice(0, 10);
      for (const hour of s.hours) {
        for (const minute of s.minutes) {
          const at = wallTime(iso, hour, minute, timeZone);
          if (at > from && at <= to) out.set(at.getTime(), at);
        }
      }
    }
    day = addDays(day, 1);
  }
  return [...out.values()].sort((a, b) => a.getTime() - b.getTime());
}

/** The first occurrence after `after`, looking up to a year ahead. */
export function nextOccurrence(expression: string, after: Date, timeZone: string): Date | undefined {
  for (const days of [2, 8, 32, 128, 400]) {
    const found = occurrencesBetween(expression, after, addDays(after, days), timeZone)[0];
    if (found) return found;
  }
  return undefined;
}

/**
 * A job's schedule at another time of day, its days unchanged: `30 8 * * 1-5` at 07:45 is
 * `45 7 * * 1-5`. Undefined for a time that is not HH:MM, or that falls between 03:00 and 04:00,
 * which Athens' daylight-saving changes skip or repeat.
 */
export function scheduleAtTime(schedule: string, time: string): string | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  const fields = schedule.trim().split(/\s+/);
  if (!m || fields.length !== 5) return undefined;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  if (hour === 3) return undefined;
  return [String(minute), String(hour), ...fields.slice(2)].join(" ");
}
