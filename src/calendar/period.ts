// A period of the office's calendar, read from what a person types: a year (`2026`), a half
// (`2026-H1`, «1ο εξάμηνο 2026»), a quarter (`2026-Q1`, `Q1 2026`, «1ο τρίμηνο 2026»), a month
// (`2026-11`, `11/2026`, «Νοέμβριος 2026», "November 2026"), two days (`2026-01-15 2026-03-31`,
// `15/1/2026 31/3/2026`, `15/1/2026 έως 31/3/2026`), or a word relative to today («φέτος», «πέρσι»,
// «αυτός ο μήνας», «προηγούμενο τρίμηνο», "this year", "last month", …).
//
// Pure: it takes today's office date and the office's time zone, and returns the days (first and
// last, inclusive), the instants [start, end) at the office's midnights (so a period that spans the
// daylight-saving change is 23 or 25 hours longer or shorter, as the office's clock was), a key for
// file names and a label in Greek and English; or an error that says what was wrong, in either
// language. Registers keyed by a day (a clipping's publication date) use `from`/`to`; registers
// keyed by an instant (a row's creation time) use `start`/`end`.
import { TZDate } from "@date-fns/tz";
import { formatDayMonthYear, isRealIsoDate, shiftDate } from "../lib/clock.js";

export type PeriodKind = "year" | "half" | "quarter" | "month" | "range";
export type PeriodLocale = "el" | "en";

export interface Period {
  kind: PeriodKind;
  /** The first day, YYYY-MM-DD in the office's calendar. */
  from: string;
  /** The last day, inclusive. */
  to: string;
  /** The office's midnight at the start of `from`. */
  start: Date;
  /** The office's midnight at the end of `to` (exclusive): the period is [start, end). */
  end: Date;
  /** For file names: `2026`, `2026-H1`, `2026-Q1`, `2026-11`, `2026-01-15_2026-03-31`. */
  key: string;
  label: Record<PeriodLocale, string>;
}

export type PeriodError =
  | { code: "empty" }
  | { code: "unrecognised"; text: string }
  | { code: "bad_year"; text: string }
  | { code: "bad_month"; text: string }
  | { code: "bad_quarter"; text: string }
  | { code: "bad_half"; text: string }
  | { code: "bad_day"; text: string }
  | { code: "reversed"; from: string; to: string };

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: PeriodError };

export interface PeriodContext {
  /** Today's date in the office's calendar (YYYY-MM-DD), for «φέτος», "last month". */
  today: string;
  /** The office's IANA time zone (Europe/Athens). */
  timeZone: string;
}

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const MONTHS_EL = [
  "Ιανουάριος",
  "Φεβρουάριος",
  "Μάρτιος",
  "Απρίλιος",
  "Μάιος",
  "Ιούνιος",
  "Ιούλιος",
  "Αύγουστος",
  "Σεπτέμβριος",
  "Οκτώβριος",
  "Νοέμβριος",
  "Δεκέμβριος",
] as const;
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** Lower case, no accents, final sigma as σ: «Νοεμβρίου» → «νοεμβριου». */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ");
}

// Each month by the folded beginnings of its Greek (nominative and genitive, «Μάης») and English
// names and abbreviations; a word is a month when it is one of these or starts with one of 3+ letters.
const MONTH_WORDS: readonly (readonly string[])[] = [
  ["ιανουαριοσ", "ιανουαριου", "ιαν", "january", "jan"],
  ["φεβρουαριοσ", "φεβρουαριου", "φεβ", "february", "feb"],
  ["μαρτιοσ", "μαρτιου", "μαρ", "march", "mar"],
  ["απριλιοσ", "απριλιου", "απρ", "april", "apr"],
  ["μαιοσ", "μαιου", "μαησ", "μαι", "may"],
  ["ιουνιοσ", "ιουνιου", "ιουν", "june", "jun"],
  ["ιουλιοσ", "ιουλιου", "ιουλ", "july", "jul"],
  ["αυγουστοσ", "αυγουστου", "αυγ", "august", "aug"],
  ["σεπτεμβριοσ", "σεπτεμβριου", "σεπ", "september", "sept", "sep"],
  ["οκτωβριοσ", "οκτωβριου", "οκτ", "october", "oct"],
  ["νοεμβριοσ", "νοεμβριου", "νοε", "november", "nov"],
  ["δεκεμβριοσ", "δεκεμβριου", "δεκ", "december", "dec"],
];

function monthOfWord(word: string): number | undefined {
  const w = fold(word).replace(/\.$/, "");
  if (w.length < 3) return undefined;
  for (const [i, words] of MONTH_WORDS.entries()) {
    // A whole name, a known abbreviation, or a longer spelling of one («Σεπτέμβρη», «Νοέμβρη»).
    if (words.includes(w)) return i + 1;
    if (words.some((name) => name.length >= 5 && w.length >= 5 && name.startsWith(w.slice(0, 5)))) return i + 1;
  }
  return undefined;
}

// «1ο», «1η», «α'», «α΄», «πρώτο», "1st", "first": the ordinals of quarters and halves.
const ORDINAL_WORDS: Record<string, number> = {
  α: 1,
  β: 2,
  γ: 3,
  δ: 4,
  πρωτο: 1,
  δευτερο: 2,
  τριτο: 3,
  τεταρτο: 4,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
};

function ordinalOf(word: string): number | undefined {
  const w = fold(word).replace(/['΄’`.]$/u, "");
  const digits = /^(\d)(?:ο|η|st|nd|rd|th)?$/.exec(w);
  if (digits) return Number(digits[1]);
  return ORDINAL_WORDS[w];
}

/** The office's midnight at the start of a day. */
function midnight(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const elOrdinal = (n: number) => `${n}ο`;
const enOrdinal = (n: number) => `${n}${n === 1 ? "st" : n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;

function build(
  kind: PeriodKind,
  from: string,
  to: string,
  key: string,
  label: Record<PeriodLocale, string>,
  timeZone: string,
): Period {
  return { kind, from, to, start: midnight(from, timeZone), end: midnight(shiftDate(to, 1), timeZone), key, label };
}

function yearPeriod(year: number, timeZone: string): Period {
  return build(
    "year",
    `${year}-01-01`,
    `${year}-12-31`,
    String(year),
    { el: String(year), en: String(year) },
    timeZone,
  );
}

function monthsPeriod(
  kind: "half" | "quarter" | "month",
  year: number,
  firstMonth: number,
  months: number,
  timeZone: string,
): Period {
  const lastMonth = firstMonth + months - 1;
  const from = `${year}-${pad(firstMonth)}-01`;
  const to = `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`;
  if (kind === "month") {
    const label = { el: `${MONTHS_EL[firstMonth - 1]} ${year}`, en: `${MONTHS_EN[firstMonth - 1]} ${year}` };
    return build(kind, from, to, `${year}-${pad(firstMonth)}`, label, timeZone);
  }
  const n = Math.ceil(firstMonth / months);
  if (kind === "quarter") {
    const label = { el: `${elOrdinal(n)} τρίμηνο ${year}`, en: `${enOrdinal(n)} quarter ${year}` };
    return build(kind, from, to, `${year}-Q${n}`, label, timeZone);
  }
  const label = { el: `${elOrdinal(n)} εξάμηνο ${year}`, en: `${enOrdinal(n)} half ${year}` };
  return build(kind, from, to, `${year}-H${n}`, label, timeZone);
}

/** Two days; a range that is exactly a month, a quarter, a half or a year is given that name. */
function rangePeriod(from: string, to: string, timeZone: string): Period {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  if (fy === ty && fd === 1 && td === lastDayOfMonth(ty, tm)) {
    const months = tm - fm + 1;
    if (months === 12) return yearPeriod(fy, timeZone);
    if (months === 6 && (fm === 1 || fm === 7)) return monthsPeriod("half", fy, fm, 6, timeZone);
    if (months === 3 && fm % 3 === 1) return monthsPeriod("quarter", fy, fm, 3, timeZone);
    if (months === 1) return monthsPeriod("month", fy, fm, 1, timeZone);
  }
  const text = `${formatDayMonthYear(from)} – ${formatDayMonthYear(to)}`;
  return build("range", from, to, `${from}_${to}`, { el: text, en: text }, timeZone);
}

type Parsed = PeriodResult | undefined;
const ok = (period: Period): PeriodResult => ({ ok: true, period });
const fail = (error: PeriodError): PeriodResult => ({ ok: false, error });

function checkedYear(text: string, year: number): PeriodError | undefined {
  return year >= MIN_YEAR && year <= MAX_YEAR ? undefined : { code: "bad_year", text };
}

/** A day as typed: 2026-01-15, 15/1/2026, 15.1.2026, 15-1-2026. Undefined: not a day's shape. */
function readDay(word: string): { iso: string } | { bad: string } | undefined {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  let iso: string | undefined;
  if (m) iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(word);
  if (m) iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  if (iso === undefined) return undefined;
  const year = Number(iso.slice(0, 4));
  return isRealIsoDate(iso) && year >= MIN_YEAR && year <= MAX_YEAR ? { iso } : { bad: word };
}

function parseTwoDays(text: string, timeZone: string): Parsed {
  // `A B`, `A - B`, `A – B`, `A έως B`, `A to B`, `από A έως B`, `from A to B`, `A-B` for d/m/y,
  // and a period's own key, `2026-01-15_2026-03-31`.
  const words = text
    .replace(/^(?:από|απο|from)\s+/iu, "")
    .replace(/(\d{4})[–—-](\d{1,2}[/.]\d{1,2}[/.]\d{4})$/u, "$1 $2")
    .split(/\s+(?:έως|εως|μέχρι|μεχρι|to|until|[–—-])\s+|\s+|(?<=\d)[–—_](?=\d)/iu)
    .filter(Boolean);
  if (words.length !== 2) return undefined;
  const days = words.map(readDay);
  if (days.some((d) => d === undefined)) return undefined;
  for (const d of days) if (d && "bad" in d) return fail({ code: "bad_day", text: d.bad });
  const [from, to] = days.map((d) => (d && "iso" in d ? d.iso : "")) as [string, string];
  if (to < from) return fail({ code: "reversed", from, to });
  return ok(rangePeriod(from, to, timeZone));
}

function parseRelative(folded: string, { today, timeZone }: PeriodContext): Parsed {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const quarterStart = Math.floor((month - 1) / 3) * 3 + 1;
  const words = folded.replace(/\s+/g, " ");
  if (/^(φετοσ|this year|τρεχον ετοσ|το ετοσ)$/.test(words)) return ok(yearPeriod(year, timeZone));
  if (/^(περσι|περυσι|last year|προηγουμενο ετοσ|περσινο ετοσ)$/.test(words)) return ok(yearPeriod(year - 1, timeZone));
  if (/^(this month|αυτοσ ο μηνασ|τρεχων μηνασ|ο μηνασ|μηνασ)$/.test(words))
    return ok(monthsPeriod("month", year, month, 1, timeZone));
  if (/^(last month|προηγουμενοσ μηνασ|τον προηγουμενο μηνα|περασμενοσ μηνασ)$/.test(words)) {
    const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
    return ok(monthsPeriod("month", y, m, 1, timeZone));
  }
  if (/^(this quarter|αυτο το τριμηνο|τρεχον τριμηνο|το τριμηνο|τριμηνο)$/.test(words))
    return ok(monthsPeriod("quarter", year, quarterStart, 3, timeZone));
  if (/^(last quarter|προηγουμενο τριμηνο|περασμενο τριμηνο)$/.test(words)) {
    const [y, m] = quarterStart === 1 ? [year - 1, 10] : [year, quarterStart - 3];
    return ok(monthsPeriod("quarter", y, m, 3, timeZone));
  }
  return undefined;
}

/** Reads a period; see the top of this file for what it accepts. */
export function parsePeriod(input: string | undefined, context: PeriodContext): PeriodResult {
  const text = (input ?? "").trim().replace(/\s+/g, " ");
  if (text === "") return fail({ code: "empty" });
  const { timeZone } = context;
  const folded = fold(text);

  const relative = parseRelative(folded, context);
  if (relative) return relative;

  // 2026
  let m = /^(\d{4})$/.exec(folded);
  if (m) {
    const year = Number(m[1]);
    const yearError = checkedYear(text, year);
    return yearError ? fail(yearError) : ok(yearPeriod(year, timeZone));
  }

  // 2026-Q1, 2026 Q1, 2026/Τ1, 2026-H1 (Τ: τρίμηνο, Ε: εξάμηνο); Q1 2026, Q1-2026, Τ1 2026
  m = /^(\d{4})[\s/-]?(q|τ|h|ε)(\d+)$/u.exec(folded);
  if (m) return quarterOrHalf(text, m[2] ?? "", Number(m[3]), Number(m[1]), timeZone);
  m = /^(q|τ|h|ε)(\d+)[\s/-]?(\d{4})$/u.exec(folded);
  if (m) return quarterOrHalf(text, m[1] ?? "", Number(m[2]), Number(m[3]), timeZone);

  // «1ο τρίμηνο 2026», «α' τρίμηνο 2026», «πρώτο εξάμηνο 2026», "1st quarter 2026", "first half of 2026"
  m = /^(\S+) (τριμηνο|εξαμηνο|quarter|half)(?: (?:του|of))? (\d{4})$/u.exec(folded);
  if (m) {
    const n = ordinalOf(m[1] ?? "");
    const unit = m[2] === "τριμηνο" || m[2] === "quarter" ? "q" : "h";
    if (n === undefined) return fail({ code: unit === "q" ? "bad_quarter" : "bad_half", text });
    return quarterOrHalf(text, unit, n, Number(m[3]), timeZone);
  }

  // 2026-11, 2026/11, 11/2026, 11-2026
  m = /^(\d{4})[-/](\d{1,2})$/.exec(folded);
  const mm = m ? [Number(m[1]), Number(m[2])] : /^(\d{1,2})[-/.](\d{4})$/.exec(folded)?.slice(1).map(Number).reverse();
  if (mm) {
    const [year, month] = mm as [number, number];
    const yearError = checkedYear(text, year);
    if (yearError) return fail(yearError);
    if (month < 1 || month > 12) return fail({ code: "bad_month", text });
    return ok(monthsPeriod("month", year, month, 1, timeZone));
  }

  // «Νοέμβριος 2026», «Νοεμβρίου 2026», "November 2026", "nov 2026", "2026 November"
  const named =
    /^(\p{L}+\.?) (\d{4})$/u.exec(folded)?.slice(1) ?? /^(\d{4}) (\p{L}+\.?)$/u.exec(folded)?.slice(1).reverse();
  if (named) {
    const month = monthOfWord(named[0] ?? "");
    if (month !== undefined) {
      const year = Number(named[1]);
      const yearError = checkedYear(text, year);
      if (yearError) return fail(yearError);
      return ok(monthsPeriod("month", year, month, 1, timeZone));
    }
  }

  const days = parseTwoDays(text, timeZone);
  if (days) return days;

  // One day alone is a period of one day (2026-03-25).
  const one = readDay(text);
  if (one) return "bad" in one ? fail({ code: "bad_day", text }) : ok(rangePeriod(one.iso, one.iso, timeZone));

  return fail({ code: "unrecognised", text });
}

function quarterOrHalf(text: string, unit: string, n: number, year: number, timeZone: string): PeriodResult {
  const yearError = checkedYear(text, year);
  if (yearError) return fail(yearError);
  if (unit === "q" || unit === "τ") {
    if (n < 1 || n > 4) return fail({ code: "bad_quarter", text });
    return ok(monthsPeriod("quarter", year, (n - 1) * 3 + 1, 3, timeZone));
  }
  if (n < 1 || n > 2) return fail({ code: "bad_half", text });
  return ok(monthsPeriod("half", year, (n - 1) * 6 + 1, 6, timeZone));
}

const EXAMPLES = "`2026-Q1`, `2026`, `2026-11`, `15/1/2026 31/3/2026`";

/** What was wrong, in a sentence, with the forms that work. */
export function periodErrorText(error: PeriodError, locale: PeriodLocale): string {
  const el = locale === "el";
  switch (error.code) {
    case "empty":
      return el ? `Ποια περίοδο; Για παράδειγμα ${EXAMPLES}.` : `Which period? For example ${EXAMPLES}.`;
    case "unrecognised":
      return el
        ? `Δεν καταλαβαίνω την περίοδο «${error.text}». Γράψτε ένα έτος, τρίμηνο, μήνα ή δύο ημερομηνίες: ${EXAMPLES}.`
        : `I cannot read the period “${error.text}”. Write a year, a quarter, a month or two dates: ${EXAMPLES}.`;
    case "bad_year":
      return el
        ? `Το έτος στο «${error.text}» πρέπει να είναι από ${MIN_YEAR} έως ${MAX_YEAR}.`
        : `The year in “${error.text}” must be from ${MIN_YEAR} to ${MAX_YEAR}.`;
    case "bad_month":
      return el
        ? `Ο μήνας στο «${error.text}» πρέπει να είναι από 1 έως 12.`
        : `The month in “${error.text}” must be from 1 to 12.`;
    case "bad_quarter":
      return el
        ? `Το τρίμηνο στο «${error.text}» πρέπει να είναι 1, 2, 3 ή 4 (π.χ. \`2026-Q1\`).`
        : `The quarter in “${error.text}” must be 1, 2, 3 or 4 (e.g. \`2026-Q1\`).`;
    case "bad_half":
      return el
        ? `Το εξάμηνο στο «${error.text}» πρέπει να είναι 1 ή 2 (π.χ. \`2026-H1\`).`
        : `The half in “${error.text}” must be 1 or 2 (e.g. \`2026-H1\`).`;
    case "bad_day":
      return el
        ? `Η ημερομηνία «${error.text}» δεν υπάρχει (ή το έτος της δεν είναι από ${MIN_YEAR} έως ${MAX_YEAR}).`
        : `There is no such day as “${error.text}” (or its year is not from ${MIN_YEAR} to ${MAX_YEAR}).`;
    case "reversed":
      return el
        ? `Η περίοδος τελειώνει (${formatDayMonthYear(error.to)}) πριν αρχίσει (${formatDayMonthYear(error.from)}).`
        : `The period ends (${formatDayMonthYear(error.to)}) before it starts (${formatDayMonthYear(error.from)}).`;
  }
}
