// `/network export`: every network with its dues (a row per year) and every meeting with its
// decision and report, as CSV (UTF-8 with BOM; ';' for Greek Excel: the two tables one after the
// other) and XLSX (two sheets, rendered in the render worker). Types only from the service: the
// worker imports this module, and the service would bring Prisma's client into it.
import type { LocaleCode } from "../../i18n/index.js";
import { csvFile } from "../../lib/csv.js";
import { decimalToCents, formatEuros } from "../../lib/money.js";
import { offLoop } from "../../lib/off-loop.js";
import { asPrintedTable } from "../../lib/xlsx-layout.js";
import { networkTexts } from "./messages.js";
import type { MeetingView, NetworkRecord } from "./service.js";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export interface ExportRows {
  networks: string[][];
  meetings: string[][];
}

/** The two tables as text, in the reader's language. */
export function exportRows(
  data: { networks: NetworkRecord[]; meetings: MeetingView[] },
  locale: LocaleCode,
): ExportRows {
  const t = networkTexts(locale);
  const networks: string[][] = [];
  for (const n of data.networks) {
    const head = [
      n.name,
      iso(n.memberSince),
      [n.decisionNumber, iso(n.decisionDate)].filter(Boolean).join(" · "),
      n.ada ?? "",
    ];
    if (n.dues.length === 0) networks.push([...head, "", "", "", ""]);
    for (const d of [...n.dues].sort((a, b) => a.year - b.year))
      networks.push([
        ...head,
        String(d.year),
        formatEuros(decimalToCents(d.amount), locale),
        iso(d.dueOn),
        d.paidOn ? iso(d.paidOn) : t.no,
      ]);
  }
  const meetings = data.meetings.map(({ meeting: m, host }) => [
    String(m.id),
    host,
    m.title,
    m.endsOn ? `${iso(m.startsOn)} – ${iso(m.endsOn)}` : iso(m.startsOn),
    [m.place ?? "", m.online ? t.card.online : ""].filter(Boolean).join(", "),
    m.decision === "attend" ? t.form.attend : m.decision === "decline" ? t.form.decline : t.card.undecided,
    m.attendees.join(", "),
    m.reportedAt ? iso(m.reportedAt) : "",
  ]);
  return { networks, meetings };
}

export function networksCsv(data: { networks: NetworkRecord[]; meetings: MeetingView[] }, locale: LocaleCode): Buffer {
  const t = networkTexts(locale).export;
  const rows = exportRows(data, locale);
  return csvFile(
    [[...t.networkColumns], ...rows.networks, [], [...t.meetingColumns], ...rows.meetings],
    locale === "el" ? ";" : ",",
  );
}

export async function networksXlsx(rows: ExportRows, locale: LocaleCode): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const t = networkTexts(locale).export;
  const book = new ExcelJS.Workbook();
  book.creator = "Grafeio";
  for (const [title, columns, body] of [
    [t.networksSheet, t.networkColumns, rows.networks],
    [t.meetingsSheet, t.meetingColumns, rows.meetings],
  ] as const) {
    const sheet = book.addWorksheet(title.slice(0, 31));
    sheet.columns = columns.map((header) => ({ header, width: 22 }));
    for (const r of body) sheet.addRow(r);
    asPrintedTable(sheet, { landscape: true });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const xlsxOffLoop = offLoop(import.meta.url, networksXlsx);

/** The XLSX, rendered in the render worker (the event loop stays free for Slack's acks). */
export function networksXlsxOffLoop(
  data: { networks: NetworkRecord[]; meetings: MeetingView[] },
  locale: LocaleCode,
): Promise<Buffer> {
  return xlsxOffLoop(exportRows(data, locale), locale);
}
