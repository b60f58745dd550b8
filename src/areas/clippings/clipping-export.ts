// The register as files: CSV (UTF-8 with BOM, so that Excel shows Greek; ';' for Greek Excel) and
// XLSX, one row per clipping in register order, every field.

import { type LocaleCode, messages } from "../../i18n/index.js";
import { formatLocalTime, isRealIsoDate, localDate } from "../../lib/clock.js";
import { csvFile } from "../../lib/csv.js";
import { offLoop } from "../../lib/off-loop.js";
import { asPrintedTable } from "../../lib/xlsx-layout.js";
import type { ClippingRecord } from "./store.js";

export interface ExportRange {
  from: string;
  to: string;
  /** For file names: 2026-11, or 2026-11-01_2026-11-15. */
  label: string;
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A month (2026-11, 11/2026), two dates (2026-11-01 2026-11-15, or 1/11/2026 15/11/2026), or nothing
 * (this month, from `today`).
 */
export function parseExportRange(text: string | undefined, today: string): ExportRange | undefined {
  const t = (text ?? "").trim();
  const month = (y: number, m: number): ExportRange | undefined =>
    m >= 1 && m <= 12 && y >= 1900 && y <= 2100
      ? {
          from: `${y}-${String(m).padStart(2, "0")}-01`,
          to: `${y}-${String(m).padStart(2, "0")}-${lastDayOfMonth(y, m)}`,
          label: `${y}-${String(m).padStart(2, "0")}`,
        }
      : undefined;
  if (t === "") return month(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  let m = /^(\d{4})-(\d{1,2})$/.exec(t) ?? undefined;
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\/(\d{4})$/.exec(t) ?? undefined;
  if (m) return month(Number(m[2]), Number(m[1]));
  const dates = t
    .split(/\s+|\s*(?:έως|to|-{1,2})\s*/)
    .filter(Boolean)
    .map(readDay);
  if (dates.length === 2 && dates[0] && dates[1] && dates[0] <= dates[1]) {
    return { from: dates[0], to: dates[1], label: `${dates[0]}_${dates[1]}` };
  }
  return undefined;
}

function readDay(value: string): string | undefined {
  if (isRealIsoDate(value)) return value;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = m ? `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}` : "";
  return isRealIsoDate(iso) ? iso : undefined;
}

export interface ExportRow {
  registerNumber: string;
  publishedOn: string;
  title: string;
  outlet: string;
  medium: string;
  tone: string;
  topics: string;
  scope: string;
  url: string;
  summary: string;
  createdBy: string;
  /** When it was logged, on the office's wall clock: "2026-12-01 11:07". */
  loggedAt: string;
  /** Empty, or "withdrawn: <reason>" in the reader's language. */
  status: string;
}

/** Clippings as export rows, with labels in the reader's language and times in the office's. */
export function exportRowsOf(clippings: ClippingRecord[], locale: LocaleCode, timeZone: string): ExportRow[] {
  const t = messages(locale).clip;
  return clippings.map((r) => ({
    registerNumber: r.registerNumber,
    publishedOn: r.publishedOn,
    title: r.title,
    outlet: r.outlet,
    medium: t.media[r.medium],
    tone: t.tones[r.tone],
    topics: r.topics.map((topic) => (locale === "en" ? topic.nameEn : topic.nameEl)).join(", "),
    scope: t.scopes[r.scope],
    url: r.url ?? "",
    summary: r.summary ?? "",
    createdBy: r.createdBy,
    loggedAt: `${localDate(r.createdAt, timeZone)} ${formatLocalTime(r.createdAt, timeZone)}`,
    status: r.withdrawn ? `${t.withdrawnMark}: ${r.withdrawReason ?? ""}` : "",
  }));
}

function headers(locale: LocaleCode): string[] {
  return [...messages(locale).export.columns];
}

const cells = (r: ExportRow) => [
  r.registerNumber,
  r.publishedOn,
  r.title,
  r.outlet,
  r.medium,
  r.tone,
  r.topics,
  r.scope,
  r.url,
  r.summary,
  r.createdBy,
  r.loggedAt,
];

export function toCsv(rows: ExportRow[], locale: LocaleCode): Buffer {
  // Greek Excel lists with ';' (the comma is the decimal mark there).
  const separator = locale === "el" ? ";" : ",";
  return csvFile([headers(locale), ...rows.map(cells)], separator);
}

export async function toXlsx(rows: ExportRow[], locale: LocaleCode): Promise<Buffer> {
  // Imported at the first render, in the render worker: not held by the bot's thread (bench:memory).
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Grafeio";
  const sheet = book.addWorksheet(messages(locale).export.sheetName);
  const widths = [12, 12, 60, 24, 16, 12, 30, 24, 40, 60, 14, 20, 30];
  sheet.columns = headers(locale).map((header, i) => ({ header, width: widths[i] ?? 20 }));
  for (const r of rows) {
    sheet.addRow([
      r.registerNumber,
      new Date(`${r.publishedOn}T00:00:00Z`),
      r.title,
      r.outlet,
      r.medium,
      r.tone,
      r.topics,
      r.scope,
      r.url ? { text: r.url, hyperlink: r.url } : "",
      r.summary,
      r.createdBy,
      // A spreadsheet's date has no time zone: the office's wall clock, as written in the CSV.
      new Date(`${r.loggedAt.replace(" ", "T")}:00Z`),
      r.status,
    ]);
  }
  sheet.getColumn(2).numFmt = "d/m/yyyy";
  sheet.getColumn(12).numFmt = "d/m/yyyy hh:mm";
  asPrintedTable(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The XLSX rendered in the render worker (exceljs writes the whole sheet in one go). */
export const toXlsxOffLoop = offLoop(import.meta.url, toXlsx);
