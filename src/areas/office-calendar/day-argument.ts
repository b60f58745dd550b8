// What follows `/giortes`: nothing (today), a word (αύριο, tomorrow, Τρίτη), a date in the Greek
// habit (6/5, 6/5/2027) or ISO, or a name («Γιώργος»: when does it celebrate?).
import { WEEKDAY_NAMES } from "../../calendar/namedays/name-query.js";
import { isRealIsoDate, shiftDate } from "../../lib/clock.js";
import { foldGreek } from "../../lib/text.js";

export type DayArgument =
  | { kind: "date"; date: string }
  /** `weekday`: the name is also a weekday's (Κυριακή, Παρασκευή): the next such day, today included. */
  | { kind: "name"; name: string; weekday?: string }
  | { kind: "invalid" };

/** Weekday words, folded, by `getUTCDay()`. Σάββατο is the day (the name is Σάββας). */
const WEEKDAYS: Record<string, number> = {
  κυριακη: 0,
  δευτερα: 1,
  τριτη: 2,
  τεταρτη: 3,
  πεμπτη: 4,
  παρασκευη: 5,
  σαββατο: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** The next day (today included) that falls on a weekday. */
export function nextWeekday(today: string, weekday: number): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const now = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return shiftDate(today, (weekday - now + 7) % 7);
}

const RELATIVE: Record<string, number> = {
  σημερα: 0,
  today: 0,
  αυριο: 1,
  tomorrow: 1,
  μεθαυριο: 2,
  χθεσ: -1,
  yesterday: -1,
};

export function parseDayArgument(text: string | undefined, today: string): DayArgument {
  const v = (text ?? "").trim();
  if (!v) return { kind: "date", date: today };
  const folded = foldGreek(v);
  if (folded in RELATIVE) return { kind: "date", date: shiftDate(today, RELATIVE[folded] ?? 0) };
  const weekday = WEEKDAYS[folded];
  if (weekday !== undefined) {
    const date = nextWeekday(today, weekday);
    // «Κυριακή» and «Παρασκευή» are names too: asked alone, the name is meant more often than the day.
    return WEEKDAY_NAMES.has(folded) ? { kind: "name", name: v, weekday: date } : { kind: "date", date };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return isRealIsoDate(v) ? { kind: "date", date: v } : { kind: "invalid" };
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(v);
  if (m) {
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : Number(today.slice(0, 4));
    const iso = `${year}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
    return isRealIsoDate(iso) && year >= 1900 && year <= 2199 ? { kind: "date", date: iso } : { kind: "invalid" };
  }
  // Names as typed: «Μαρία-Ελένη», «Κυρ.», «Κων/νος», «Γιώργος Παπαδόπουλος».
  if (/^[\p{L}' ./‐‑‒–—-]{2,60}$/u.test(v) && /\p{L}{2}/u.test(v)) return { kind: "name", name: v };
  return { kind: "invalid" };
}
