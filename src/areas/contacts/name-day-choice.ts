// Which name day a contact form settles on: a date typed by hand, a feast chosen from those of the
// first name, or, when nothing was chosen, a suggestion from the first name (several feasts: ask).

import { feastsOfName } from "../../calendar/namedays/name-query.js";
import { type NameDayCalendar, type NameDayMatch, parseRuleKey } from "../../calendar/namedays/nameday-calendar.js";
import { foldGreek } from "../../lib/text.js";

export type NameDayDecision =
  | { kind: "set"; key: string | null; confirmed: boolean }
  | { kind: "ask"; keys: string[] }
  | { kind: "invalid" };

export function decideNameDay(options: {
  calendar: NameDayCalendar;
  fullName: string;
  /** The radio choice: a key, `none`, or undefined when nothing was chosen. */
  choice?: string;
  typed?: string;
  noneValue: string;
}): NameDayDecision {
  const typed = options.typed?.trim();
  if (typed) {
    const key = readNameDay(typed);
    return key && options.calendar.describeKey(key) ? { kind: "set", key, confirmed: true } : { kind: "invalid" };
  }
  if (options.choice === options.noneValue) return { kind: "set", key: null, confirmed: true };
  if (options.choice) return { kind: "set", key: options.choice, confirmed: true };
  const feasts = suggestableFeasts(options.calendar, options.fullName);
  if (feasts.length === 0) return { kind: "set", key: null, confirmed: false };
  if (feasts.length === 1) return { kind: "set", key: feasts[0]?.key ?? null, confirmed: false };
  return { kind: "ask", keys: feasts.map((f) => f.key) };
}

/** The feasts a name day may be suggested from: a feast the name only shares (Νικόλαος on Bright Tuesday) is offered, never suggested. */
export function suggestableFeasts(calendar: NameDayCalendar, fullName: string): NameDayMatch[] {
  const all = feastsOfFullName(calendar, fullName);
  const primary = all.filter((f) => !f.secondary);
  return primary.length > 0 ? primary : all;
}

/** The feasts to offer for a name, the contact's current one included. */
export function nameDayChoicesFor(calendar: NameDayCalendar, fullName: string, currentKey?: string | null): string[] {
  const keys = feastsOfFullName(calendar, fullName).map((f) => f.key);
  if (currentKey && !keys.includes(currentKey)) keys.unshift(currentKey);
  return keys;
}

/**
 * The feasts of the first name in a full name. Lists often put the surname first
 * («Παπαδόπουλος Γεώργιος»), so each word is tried in turn until one is a name in the calendar; a
 * double name gives both («Μαρία-Ελένη»), and a name abbreviated («Κων/νος») or in another case
 * («Γιώργο») is read as `/giortes` reads it (calendar/namedays/name-query.ts).
 */
export function feastsOfFullName(calendar: NameDayCalendar, fullName: string): NameDayMatch[] {
  return feastsOfName(calendar, fullName);
}

/** Reads a day the way the office writes it: `15/8`, `15/08`, `15-8`, or a feast key. */
export function readNameDay(value: string): string | undefined {
  const v = value.trim();
  if (parseRuleKey(v)) return v;
  const m = /^(\d{1,2})[/.-](\d{1,2})$/.exec(v);
  if (m) {
    const key = `fixed:${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
    return parseRuleKey(key) ? key : undefined;
  }
  const e = /^(?:πασχα|pascha|easter)\s*([+-]\s*\d{1,2})?$/i.exec(foldGreek(v));
  if (e) {
    const offset = Number((e[1] ?? "+0").replace(/\s/g, ""));
    return `easter:${offset >= 0 ? "+" : ""}${offset}`;
  }
  return undefined;
}

/** A name day as a spreadsheet cell that reads back the same: `15/8`, `Πάσχα+5`, or the key. */
export function nameDayForFile(key: string, locale: "el" | "en"): string {
  const rule = parseRuleKey(key);
  if (rule?.kind === "fixed") return `${rule.day}/${rule.month}`;
  if (rule?.kind === "easter")
    return `${locale === "en" ? "Easter" : "Πάσχα"}${rule.offset >= 0 ? "+" : ""}${rule.offset}`;
  return key;
}
