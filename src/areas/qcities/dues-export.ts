// The year's dues list as files: CSV (UTF-8 with BOM, ';' for Greek Excel) and XLSX. The rows come
// ready (names, not ids): the render worker imports this module, so it imports no service or store.
import type { LocaleCode } from "../../i18n/index.js";
import { csvFile } from "../../lib/csv.js";
import { offLoop } from "../../lib/off-loop.js";
import { asPrintedTable } from "../../lib/xlsx-layout.js";
import { qcitiesTexts } from "./messages.js";
import type { DuesStanding } from "./rules.js";

export interface DuesExportRow {
  city: string;
  country: string;
  year: number;
  /** "2500.00": an exact decimal, as the spreadsheet reads it. */
  amount: string;
  dueOn: string;
  paidOn: string;
  /** Who recorded the payment, by name. */
  paidRecordedBy: string;
  standing: DuesStanding;
}

function cells(r: DuesExportRow, locale: LocaleCode): string[] {
  const t = qcitiesTexts(locale);
  return [r.city, r.country, String(r.year), r.amount, r.dueOn, r.paidOn, r.paidRecordedBy, t.standings[r.standing]];
}

export function duesCsv(rows: DuesExportRow[], locale: LocaleCode): Buffer {
  const amount = (r: DuesExportRow) => (locale === "el" ? r.amount.replace(".", ",") : r.amount);
  return csvFile(
    [[...qcitiesTexts(locale).dues.columns], ...rows.map((r) => cells({ ...r, amount: amount(r) }, locale))],
    locale === "el" ? ";" : ",",
  );
}

export async function duesXlsx(rows: DuesExportRow[], locale: LocaleCode): Promise<Buffer> {
  // Imported at the first render, in the render worker: not held by the bot's thread (bench:memory).
  const { default: ExcelJS } = await import("exceljs");
  const t = qcitiesTexts(locale);
  const book = new ExcelJS.Workbook();
  book.creator = "Grafeio";
  const sheet = book.addWorksheet(t.dues.sheetName);
  sheet.columns = t.dues.columns.map((header, i) => ({ header, width: [30, 10, 8, 14, 12, 12, 24, 16][i] ?? 16 }));
  for (const r of rows) {
    const row = cells(r, locale);
    // The amount as a number, in euros with two decimals.
    sheet.addRow([...row.slice(0, 3), Number(r.amount), ...row.slice(4)]);
  }
  sheet.getColumn(4).numFmt = "#,##0.00";
  asPrintedTable(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The XLSX rendered in the render worker. */
export const duesXlsxOffLoop = offLoop(import.meta.url, duesXlsx);
