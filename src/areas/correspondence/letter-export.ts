// The register of correspondence as files: CSV (UTF-8 with BOM, ';' for Greek Excel) and XLSX.
import { formatRegisterNumber } from "../../db/register-number.js";
import { type LocaleCode, messages } from "../../i18n/index.js";
import { formatLocalTime, localDate } from "../../lib/clock.js";
import { csvFile } from "../../lib/csv.js";
import { offLoop } from "../../lib/off-loop.js";
import { asPrintedTable } from "../../lib/xlsx-layout.js";
import { languageName } from "../translations/languages.js";
// Types only from the service: the render worker imports this module, and the service would bring
// Prisma's client into it.
import type { Letter } from "./letter-service.js";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

function cells(l: Letter, locale: LocaleCode, timeZone: string): string[] {
  const t = messages(locale).letters;
  return [
    formatRegisterNumber(l.registerYear, l.registerSeq),
    day(l.letterDate),
    t.directions[l.direction],
    t.kinds[l.kind],
    l.counterpart,
    l.country ?? "",
    l.subject,
    l.language ? languageName(l.language, locale) : "",
    l.documentUrl ?? "",
    l.translationRequestId ? `#${l.translationRequestId}` : "",
    day(l.dueOn),
    l.briefing ?? "",
    t.statuses[l.status],
    l.createdBy,
    // When it was registered, on the office's wall clock: "2026-12-01 11:07".
    `${localDate(l.createdAt, timeZone)} ${formatLocalTime(l.createdAt, timeZone)}`,
  ];
}

export function lettersCsv(letters: Letter[], locale: LocaleCode, timeZone: string): Buffer {
  return csvFile(
    [[...messages(locale).letters.columns], ...letters.map((l) => cells(l, locale, timeZone))],
    locale === "el" ? ";" : ",",
  );
}

export async function lettersXlsx(letters: Letter[], locale: LocaleCode, timeZone: string): Promise<Buffer> {
  // Imported at the first render, in the render worker: not held by the bot's thread (bench:memory).
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Grafeio";
  const sheet = book.addWorksheet(messages(locale).letters.sheetName);
  sheet.columns = messages(locale).letters.columns.map((header, i) => ({
    header,
    width: [14, 12, 12, 20, 36, 14, 60][i] ?? 20,
  }));
  for (const l of letters) sheet.addRow(cells(l, locale, timeZone));
  asPrintedTable(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The XLSX rendered in the render worker. */
export const lettersXlsxOffLoop = offLoop(import.meta.url, lettersXlsx);
