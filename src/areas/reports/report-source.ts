// The one interface through which an area adds its section to the period reports (`/report`), as
// the digest's sections do to the morning briefing: the area collects its data for the period
// through its own service, and describes it in the reader's language as plain data (figures,
// tables, a chart's series, notable items). The reports area renders every section the same way,
// in the PDF and in the DOCX; an area never sees either format.
import type { Period } from "../../calendar/period.js";
import type { LocaleCode } from "../../i18n/index.js";

export interface ReportWindow {
  period: Period;
  locale: LocaleCode;
  timeZone: string;
  /** Today in the office's calendar (YYYY-MM-DD): what is "still owed" or "overdue" is as of now. */
  today: string;
  /** The instant the report is made: an event before it was held, one after it is still to come. */
  now: Date;
}

/** A headline figure: its label, the number, and the number as shown (euros, days), if not plain. */
export interface ReportFigure {
  /** Stable across languages (`clippings.total`): what tests and later readers of the data use. */
  id: string;
  label: string;
  value: number;
  shown?: string;
}

/** A small table: every cell already text in the reader's language. */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
}

/** Stacked bars: one bar per category, one colour per series. */
export interface ReportChart {
  title: string;
  categories: string[];
  series: { name: string; colour: string; values: number[] }[];
}

/** What a section says: plain text (not mrkdwn), in the reader's language. */
export interface ReportSection {
  id: string;
  title: string;
  figures: ReportFigure[];
  tables: ReportTable[];
  chart?: ReportChart;
  /** Notable items: a heading and one line each (at most a few dozen). */
  notable?: { title: string; items: string[] };
  /** A sentence when the period had nothing in this area. */
  empty?: string;
}

/** A section's data from the area's service, described by the area in the reader's language. */
export interface DataReportSource<D> {
  id: string;
  collect(window: ReportWindow): Promise<D>;
  describe(data: D, window: ReportWindow): ReportSection;
}

// biome-ignore lint/suspicious/noExplicitAny: a list holds sources of different data types
export type ReportSource = DataReportSource<any>;

/** Defines a source, keeping its data type between collect and describe. */
export function reportSource<D>(source: DataReportSource<D>): DataReportSource<D> {
  return source;
}

export async function buildReportSection(source: ReportSource, window: ReportWindow): Promise<ReportSection> {
  return source.describe(await source.collect(window), window);
}

/** How many of each key, in the order of `keys` (then any others, most first). */
export function countBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  keys: readonly string[] = [],
): Map<string, number> {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const item of items) {
    const k = key(item);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const fixed = new Set(keys);
  const rest = [...counts].filter(([k]) => !fixed.has(k)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return new Map([...keys.map((k) => [k, counts.get(k) ?? 0] as const), ...rest]);
}
