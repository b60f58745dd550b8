// Time is injected: production uses the system clock, tests set their own.
import { TZDate } from "@date-fns/tz";
import { addDays, format, parseISO } from "date-fns";

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** The calendar date (YYYY-MM-DD) of an instant in the given time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd");
}

export function localYear(instant: Date, timeZone: string): number {
  return new TZDate(instant, timeZone).getFullYear();
}

/**
 * The wall-clock time of an instant in the given time zone, on a 24-hour clock: «10:31», «00:05».
 * (Intl's `hour12: false` writes midnight's hour as «24» in Greek, and without it «10:31 π.μ.».)
 */
export function formatLocalTime(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "HH:mm");
}

/** Greek date habit: d/M/yyyy. */
export function formatDayMonthYear(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d}/${m}/${y}`;
}

/** Greek date habit without the year: d/M. */
export function formatDayMonth(isoDate: string): string {
  const [, m, d] = isoDate.split("-").map(Number);
  return `${d}/${m}`;
}

/** True for a YYYY-MM-DD that is a real calendar day (not 2026-02-30). */
export function isRealIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar date (YYYY-MM-DD) plus `days` (negative: before). */
export function shiftDate(date: string, days: number): string {
  return format(addDays(parseISO(date), days), "yyyy-MM-dd");
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.UTC(...ymd(to)) - Date.UTC(...ymd(from))) / 86_400_000);
}

function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return [y, m - 1, d];
}
