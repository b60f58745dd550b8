// The year's gift register as files: CSV (UTF-8 with BOM, ';' for Greek Excel) and XLSX, one row per
// gift with its event, in the order the store gives them.
import { type LocaleCode, messages } from "../../i18n/index.js";
import { formatDayMonthYear, localDate } from "../../lib/clock.js";
import { csvFile } from "../../lib/csv.js";
import { decimalToCents, formatEuros } from "../../lib/money.js";
import { offLoop } from "../../lib/off-loop.js";
import { asPrintedTable } from "../../lib/xlsx-layout.js";

/** A gift as the files show it: plain data (exact cents), which the render worker can be handed. */
export interface GiftExportRow {
  event: string;
  /** The event's day in the office's time zone (ISO). */
  day: string;
  what: string;
  forWhom: string;
  costCents: bigint | null;
  addedBy: string;
}

export function giftExportRows(
  rows: {
    gift: { what: string; forWhom: string; cost: { toString(): string } | null; addedBy: string };
    event: { title: string; startsAt: Date };
  }[],
  timeZone: string,
): GiftExportRow[] {
  return rows.map(({ gift, event }) => ({
    event: event.title,
    day: localDate(event.startsAt, timeZone),
    what: gift.what,
    forWhom: gift.forWhom,
    costCents: gift.cost !== null ? decimalToCents(gift.cost) : null,
    addedBy: gift.addedBy,
  }));
}

export function giftsCsv(rows: GiftExportRow[], locale: LocaleCode): Buffer {
  const cells = rows.map((r) => [
    r.event,
    formatDayMonthYear(r.day),
    r.what,
    r.forWhom,
    r.costCents !== null ? formatEuros(r.costCents, locale) : "",
    r.addedBy,
  ]);
  return csvFile([[...messages(locale).events.giftColumns], ...cells], locale === "el" ? ";" : ",");
}

export async function giftsXlsx(rows: GiftExportRow[], locale: LocaleCode, year: number): Promise<Buffer> {
  // Imported at the first render, in the render worker: not held by the bot's thread (bench:memory).
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(String(year));
  sheet.columns = messages(locale).events.giftColumns.map((header) => ({ header, width: 28 }));
  for (const r of rows)
    sheet.addRow([
      r.event,
      new Date(`${r.day}T00:00:00Z`),
      r.what,
      r.forWhom,
      r.costCents !== null ? Number(r.costCents) / 100 : null,
      r.addedBy,
    ]);
  sheet.getColumn(2).numFmt = "d/m/yyyy";
  sheet.getColumn(5).numFmt = '#,##0.00 "€"';
  asPrintedTable(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The XLSX rendered in the render worker. */
export const giftsXlsxOffLoop = offLoop(import.meta.url, giftsXlsx);
