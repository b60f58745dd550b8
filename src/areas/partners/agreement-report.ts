// `/agreement report [year]`: every agreement with its obligations' due dates in the year and how
// each stands (kept, waived, late, missed, upcoming), as CSV (UTF-8 with BOM; ';' for Greek Excel)
// and XLSX (rendered in the render worker). Types only from the service: the worker imports this
// module, and the service would bring Prisma's client into it.
import type { LocaleCode } from "../../i18n/index.js";
import { csvFile } from "../../lib/csv.js";
import { offLoop } from "../../lib/off-loop.js";
import type { AgreementRecord } from "./agreement-service.js";
import { partnerTexts } from "./messages.js";
import { type DueStanding, dueDatesBetween, dueStanding } from "./obligation-rules.js";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** One due date of an agreement's obligation, with how it stands and how it was settled. */
export interface AgreementDueDate {
  obligation: AgreementRecord["obligations"][number];
  due: string;
  standing: DueStanding;
  settled?: AgreementRecord["obligations"][number]["occurrences"][number];
}

/**
 * Whether an agreement belongs to a period ending on `to`: one proposed after it is not the
 * period's (nor the year's, in the export).
 */
export const proposedBy = (a: Pick<AgreementRecord, "createdAt">, to: string) => iso(a.createdAt) <= to;

/**
 * Every due date of the agreement's obligations from `from` to `to` (both included): what the
 * year's export lists and the period report counts, from the same rule.
 */
export function dueDatesOf(a: AgreementRecord, from: string, to: string, today: string): AgreementDueDate[] {
  const dates: AgreementDueDate[] = [];
  for (const o of a.obligations) {
    const schedule = { recurrence: o.recurrence, firstDueOn: iso(o.firstDueOn), until: iso(a.expiresOn) || null };
    const settled = new Map(o.occurrences.map((s) => [iso(s.dueOn), s]));
    for (const due of dueDatesBetween(schedule, from, to)) {
      const s = settled.get(due);
      dates.push({ obligation: o, due, standing: dueStanding(schedule, due, s?.outcome, today), settled: s });
    }
  }
  return dates;
}

/** The report's rows as text, one per due date (or one per agreement without any that year). */
export function buildAgreementReport(
  agreements: AgreementRecord[],
  year: number,
  today: string,
  locale: LocaleCode,
): { rows: string[][]; agreements: number } {
  const t = partnerTexts(locale).agreements;
  const rows: string[][] = [];
  let counted = 0;
  for (const a of agreements) {
    // An agreement proposed after the year, or ended before it, is not the year's.
    if (!proposedBy(a, `${year}-12-31`)) continue;
    const head = [
      `#${a.id}`,
      a.title,
      t.kinds[a.kind],
      a.parties.map((p) => p.partner.nameEl).join(", "),
      t.statuses[a.status],
      iso(a.expiresOn),
    ];
    const dates = dueDatesOf(a, `${year}-01-01`, `${year}-12-31`, today);
    for (const { obligation: o, due, standing, settled: s } of dates)
      rows.push([
        ...head,
        o.description,
        o.owner,
        due,
        t.standings[standing],
        s ? s.note + (s.link ? ` (${s.link})` : "") : "",
      ]);
    const any = dates.length > 0;
    if (!any && a.obligations.length === 0 && a.status !== "ended") rows.push([...head, "", "", "", "", ""]);
    if (any || a.obligations.length === 0) counted++;
  }
  return { rows, agreements: counted };
}

export function agreementReportCsv(rows: string[][], locale: LocaleCode): Buffer {
  return csvFile([[...partnerTexts(locale).agreements.reportColumns], ...rows], locale === "el" ? ";" : ",");
}

export async function agreementReportXlsx(rows: string[][], locale: LocaleCode): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const t = partnerTexts(locale).agreements;
  const book = new ExcelJS.Workbook();
  book.creator = "Grafeio";
  const sheet = book.addWorksheet(t.form.title.slice(0, 31));
  sheet.columns = t.reportColumns.map((header, i) => ({
    header,
    width: [10, 36, 24, 30, 16, 12, 36, 14, 12, 14, 40][i] ?? 16,
  }));
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const agreementReportXlsxOffLoop = offLoop(import.meta.url, agreementReportXlsx);
