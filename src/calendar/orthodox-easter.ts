// Orthodox Easter Sunday: Meeus' Julian computus, then the Julian date carried to the Gregorian
// calendar (13 days apart from 1900 to 2099, 14 from 1 March 2100).
import { addDays, format } from "date-fns";

/** Orthodox Easter Sunday of `year` as YYYY-MM-DD (Gregorian), for 1900-2199. */
export function orthodoxEaster(year: number): string {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new RangeError(`year out of range: ${year}`);
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // The Julian date as if it were Gregorian, then moved by the calendars' difference.
  const julianAsGregorian = new Date(year, month - 1, day, 12);
  const shifted = addDays(julianAsGregorian, 13);
  const gap = year >= 2100 && shifted >= new Date(2100, 2, 1) ? 14 : 13;
  return format(addDays(julianAsGregorian, gap), "yyyy-MM-dd");
}

/** The day `offset` days after Orthodox Easter of `year` (negative: before). */
export function easterRelative(year: number, offset: number): string {
  const [y, m, d] = orthodoxEaster(year).split("-").map(Number) as [number, number, number];
  return format(addDays(new Date(y, m - 1, d, 12), offset), "yyyy-MM-dd");
}
