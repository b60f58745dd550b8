// Name days and dates in words, in the reader's language: «15 Αυγούστου», «Σάββατο 25/3/2027».

import type { LocaleCode, Messages } from "../../i18n/index.js";
import { formatDayMonthYear } from "../../lib/clock.js";
import { dateOf, type NameDayCalendar } from "./nameday-calendar.js";

/** «15 Αυγούστου» / "15 August". */
export function dayAndMonth(t: Messages, month: number, day: number): string {
  return `${day} ${t.nameDays.months[month - 1]}`;
}

/** «Σάββατο 25/3/2027». */
export function weekdayAndDate(t: Messages, isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${t.nameDays.weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${formatDayMonthYear(isoDate)}`;
}

/**
 * A name-day key in words, with this year's date where it moves: «15 Αυγούστου»,
 * «Ζωοδόχου Πηγής (5 ημέρες μετά το Πάσχα), φέτος 17/4/2026», «Κυριακή των Προπατόρων: η Κυριακή
 * από 11 έως 17 Δεκεμβρίου».
 */
export function describeNameDay(
  calendar: NameDayCalendar,
  key: string,
  /** `year`: a moving feast's date that year is added («φέτος 17/4/2026»); without it, the rule alone. */
  options: { t: Messages; locale: LocaleCode; year?: number },
): string {
  const { t, locale, year } = options;
  const known = calendar.describeKey(key);
  if (!known) return key;
  const { rule, label } = known;
  const shownLabel = label ? (locale === "en" && label.en ? label.en : label.el) : undefined;
  if (rule.kind === "fixed") return dayAndMonth(t, rule.month, rule.day);
  const thisYear = year === undefined ? "" : `, ${t.nameDays.thisYear(formatDayMonthYear(dateOf(rule, year)))}`;
  if (rule.kind === "easter") {
    const when = t.nameDays.easter(rule.offset);
    return `${shownLabel ? `${shownLabel} (${when})` : when}${thisYear}`;
  }
  const when =
    rule.kind === "laterOf"
      ? t.nameDays.laterOf(dayAndMonth(t, rule.month, rule.day), rule.easterOffset)
      : t.nameDays.sundayFrom(dayAndMonth(t, rule.month, rule.day), dayAndMonth(t, rule.month, rule.day + 6));
  return `${shownLabel ? `${shownLabel}: ` : ""}${when}${thisYear}`;
}
