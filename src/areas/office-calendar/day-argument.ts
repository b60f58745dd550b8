// What follows `/giortes`: nothing (today), a word (αύριο, tomorrow), a date in the Greek habit
// (6/5, 6/5/2027) or ISO, or a name («Γιώργος»: when does it celebrate?).
import { isRealIsoDate, shiftDate } from "../../lib/clock.js";
import { foldGreek } from "../../lib/text.js";

export type DayArgument = { kind: "date"; date: string } | { kind: "name"; name: string } | { kind: "invalid" };

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
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return isRealIsoDate(v) ? { kind: "date", date: v } : { kind: "invalid" };
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(v);
  if (m) {
    const year = m[3] ? (m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3])) : Number(today.slice(0, 4));
    const iso = `${year}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
    return isRealIsoDate(iso) && year >= 1900 && year <= 2199 ? { kind: "date", date: iso } : { kind: "invalid" };
  }
  if (/^[\p{L}' -]{2,40}$/u.test(v)) return { kind: "name", name: v };
  return { kind: "invalid" };
}
