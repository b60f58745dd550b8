// The coverage report as files, from its figures (coverage-figures.ts): a PDF with charts (pdfkit
// with DejaVu Sans embedded, as the period reports; the charts are the stacked bars drawn by resvg
// as the sponsors' and the period reports' charts) and an XLSX with the figures, a sheet each.
// Both run in the render worker (off-loop.ts): the bot's event loop stays free for Slack's acks.
import { createRequire } from "node:module";
import path from "node:path";
import { type LocaleCode, messages } from "../../i18n/index.js";
import { formatDayMonth, formatDayMonthYear } from "../../lib/clock.js";
import { offLoop } from "../../lib/off-loop.js";
import { asPrintedTable } from "../../lib/xlsx-layout.js";
import { CHART_SIZE, chartPng } from "../reports/report-chart.js";
import type { ReportChart } from "../reports/report-source.js";
import { type CoverageFigures, TONES, TOP_OUTLETS } from "./coverage-figures.js";
import { coverageTexts } from "./coverage-texts.js";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

const TONE_COLOURS = { positive: "#009e73", neutral: "#8c8c8c", negative: "#d55e00" } as const;
/** At most this many rows of a table are printed; the rest are counted in a line (the XLSX has all). */
const TABLE_ROWS = 25;

export interface CoverageFile {
  locale: LocaleCode;
  /** «Νοέμβριος 2026», "Q4 2026", «23/11/2026–29/11/2026». */
  periodLabel: string;
  /** The day it was made, YYYY-MM-DD. */
  madeOn: string;
  figures: CoverageFigures;
}

const number = (n: number, locale: LocaleCode) => n.toLocaleString(locale === "el" ? "el-GR" : "en-GB");
export const percent = (share: number | null, locale: LocaleCode) =>
  share === null
    ? "–"
    : `${(share * 100).toLocaleString(locale === "el" ? "el-GR" : "en-GB", { maximumFractionDigits: 1 })} %`;

/** A table as the PDF prints it: every cell text in the reader's language. */
interface PrintedTable {
  title: string;
  columns: string[];
  rows: string[][];
}

/** What both files say, in the reader's language: the headline figures, the tables, the charts. */
export function coverageContent({ figures: f, locale }: Pick<CoverageFile, "figures" | "locale">) {
  const x = coverageTexts(locale);
  const t = messages(locale).clip;
  const n = (v: number) => number(v, locale);
  const topicName = (tp: CoverageFigures["topics"][number]) =>
    tp.topicId === null ? x.noTopic : locale === "en" ? tp.nameEn : tp.nameEl;
  const weekName = (w: CoverageFigures["weeks"][number]) => `${formatDayMonth(w.from)}–${formatDayMonth(w.to)}`;
  const toneRow = (name: string, total: number, tones: Record<(typeof TONES)[number], number>) => [
    name,
    n(total),
    ...TONES.map((tone) => n(tones[tone])),
  ];
  const headline: [string, string][] = [
    [x.rows, n(f.rows)],
    [x.withdrawn, n(f.withdrawn)],
    [x.total, n(f.total)],
    ...TONES.map((tone): [string, string] => [x.tone[tone], n(f.tones[tone])]),
    [x.negativeShare, percent(f.negativeShare, locale)],
    [x.repliesAsked, n(f.replies.asked)],
    [x.repliesAnswered, n(f.replies.answered)],
    [x.repliesInTime, n(f.replies.answeredInTime)],
    [x.repliesLate, n(f.replies.answeredLate)],
    [x.repliesOwed, n(f.replies.owed)],
    [x.repliesOverdue, n(f.replies.overdue)],
  ];
  const tables: PrintedTable[] = [
    {
      title: x.byWeek,
      columns: x.weekColumns,
      rows: f.weeks.map((w) => [weekName(w), n(w.total), n(w.negative), percent(w.negativeShare, locale)]),
    },
    {
      title: x.byTopic,
      columns: x.toneColumns,
      rows: f.topics.map((tp) => toneRow(topicName(tp), tp.total, tp.tones)),
    },
    {
      title: x.byOutlet,
      columns: x.toneColumns,
      rows: f.outlets.map((o) => toneRow(o.outlet, o.total, o.tones)),
    },
    { title: x.byMedium, columns: x.countColumns, rows: f.media.map((m) => [t.media[m.medium], n(m.total)]) },
  ];
  const top = f.outlets.slice(0, TOP_OUTLETS);
  const charts: ReportChart[] = [
    {
      // Each week's clippings: the negative ones on top of the rest, so that their share shows.
      title: x.weekChart,
      categories: f.weeks.map(weekName),
      series: [
        {
          name: `${x.tone.positive} + ${x.tone.neutral}`,
          colour: TONE_COLOURS.neutral,
          values: f.weeks.map((w) => w.total - w.negative),
        },
        { name: x.tone.negative, colour: TONE_COLOURS.negative, values: f.weeks.map((w) => w.negative) },
      ],
    },
    {
      title: x.outletChart,
      categories: top.map((o) => o.outlet),
      series: TONES.map((tone) => ({
        name: x.tone[tone],
        colour: TONE_COLOURS[tone],
        values: top.map((o) => o.tones[tone]),
      })),
    },
  ];
  return { headline, tables, charts };
}

export async function coveragePdf(file: CoverageFile): Promise<Buffer> {
  const x = coverageTexts(file.locale);
  const { headline, tables, charts } = coverageContent(file);
  // Imported here, in the render worker: the bot's thread never needs pdfkit (bench:memory).
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    info: { Title: `${x.title}: ${file.periodLabel}`, Author: "Grafeio" },
  });
  doc.registerFont("body", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const room = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font("bold").fontSize(18).text(x.title, left, doc.page.margins.top, { width });
  doc.font("body").fontSize(12).text(`${x.period}: ${file.periodLabel}`, { width });
  doc
    .fontSize(9)
    .fillColor("#555")
    .text(`${x.office} · ${x.made(formatDayMonthYear(file.madeOn))}`, { width })
    .fillColor("black");
  doc.moveDown(0.8);
  if (file.figures.rows === 0) doc.font("body").fontSize(10).text(x.empty, { width }).moveDown(0.5);

  const line = (cells: string[], widths: number[], font: "body" | "bold") => {
    doc.font(font).fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? 60) - 6 }))) + 4;
    room(height);
    const y = doc.y;
    let cx = left;
    cells.forEach((c, i) => {
      doc.text(c, cx + 3, y + 2, { width: (widths[i] ?? 60) - 6, align: i === 0 ? "left" : "right" });
      cx += widths[i] ?? 60;
    });
    doc
      .moveTo(left, y + height)
      .lineTo(left + width, y + height)
      .lineWidth(0.3)
      .strokeColor("#999")
      .stroke();
    doc.y = y + height;
  };
  const table = (title: string, columns: string[], rows: string[][]) => {
    if (rows.length === 0) return;
    doc.moveDown(0.8);
    room(40);
    doc.font("bold").fontSize(11).text(title, left, doc.y, { width });
    doc.moveDown(0.2);
    const first = Math.min(width * 0.45, 230);
    const rest = (width - first) / Math.max(1, columns.length - 1);
    const widths = columns.map((_, i) => (i === 0 ? first : rest));
    line(columns, widths, "bold");
    for (const row of rows.slice(0, TABLE_ROWS)) line(row, widths, "body");
    if (rows.length > TABLE_ROWS)
      doc
        .font("body")
        .fontSize(9)
        .text(x.more(rows.length - TABLE_ROWS), left, doc.y + 2, { width });
  };
  const chart = (c: ReportChart) => {
    if (c.categories.length === 0) return;
    const h = (width * CHART_SIZE.height) / CHART_SIZE.width;
    doc.moveDown(1);
    room(h);
    doc.image(chartPng(c), left, doc.y, { width });
    doc.y += h + 6;
  };

  table(x.figures, x.figureColumns, headline);
  const [weeks, ...rest] = tables;
  const [weekChart, outletChart] = charts;
  if (weeks) table(weeks.title, weeks.columns, weeks.rows);
  if (weekChart) chart(weekChart);
  for (const tb of rest) table(tb.title, tb.columns, tb.rows);
  if (outletChart && file.figures.outlets.length) {
    doc.addPage();
    doc.y = doc.page.margins.top;
    chart(outletChart);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font("body")
      .fontSize(8)
      .fillColor("#555")
      .text(
        `${x.title}: ${file.periodLabel} · ${x.page(i + 1, range.count)}`,
        left,
        doc.page.height - doc.page.margins.bottom - 10,
        { width, align: "right", lineBreak: false },
      );
  }
  doc.end();
  return done;
}

/** The figures as a workbook: one sheet each, numbers as numbers (shares as percentages). */
export async function coverageXlsx(file: CoverageFile): Promise<Buffer> {
  const { figures: f, locale } = file;
  const x = coverageTexts(locale);
  const t = messages(locale).clip;
  // Imported at the first render, in the render worker: not held by the bot's thread (bench:memory).
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  book.creator = "Grafeio";
  const sheet = (name: string, columns: string[], rows: (string | number | null)[][], widths: number[]) => {
    const s = book.addWorksheet(name);
    s.columns = columns.map((header, i) => ({ header, width: widths[i] ?? 14 }));
    for (const r of rows) s.addRow(r);
    asPrintedTable(s, { landscape: false });
    return s;
  };
  const figures = sheet(
    x.sheets.figures,
    x.figureColumns,
    [
      [x.rows, f.rows],
      [x.withdrawn, f.withdrawn],
      [x.total, f.total],
      ...TONES.map((tone) => [x.tone[tone], f.tones[tone]]),
      [x.negativeShare, f.negativeShare],
      [x.repliesAsked, f.replies.asked],
      [x.repliesAnswered, f.replies.answered],
      [x.repliesInTime, f.replies.answeredInTime],
      [x.repliesLate, f.replies.answeredLate],
      [x.repliesOwed, f.replies.owed],
      [x.repliesOverdue, f.replies.overdue],
    ],
    [50, 14],
  );
  figures.getCell(`B${TONES.length + 5}`).numFmt = "0.0%";
  const toneCells = (tones: Record<(typeof TONES)[number], number>) => TONES.map((tone) => tones[tone]);
  sheet(
    x.sheets.tones,
    x.countColumns,
    TONES.map((tone) => [x.tone[tone], f.tones[tone]]),
    [30, 14],
  );
  sheet(
    x.sheets.topics,
    x.toneColumns,
    f.topics.map((tp) => [
      tp.topicId === null ? x.noTopic : locale === "en" ? tp.nameEn : tp.nameEl,
      tp.total,
      ...toneCells(tp.tones),
    ]),
    [40, 12, 12, 12, 12],
  );
  sheet(
    x.sheets.outlets,
    x.toneColumns,
    f.outlets.map((o) => [o.outlet, o.total, ...toneCells(o.tones)]),
    [40, 12, 12, 12, 12],
  );
  sheet(
    x.sheets.media,
    x.countColumns,
    f.media.map((m) => [t.media[m.medium], m.total]),
    [30, 14],
  );
  const weeks = sheet(
    x.sheets.weeks,
    x.weekColumns,
    f.weeks.map((w) => [
      `${formatDayMonthYear(w.from)}–${formatDayMonthYear(w.to)}`,
      w.total,
      w.negative,
      w.negativeShare,
    ]),
    [28, 14, 14, 18],
  );
  weeks.getColumn(4).numFmt = "0.0%";
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Both rendered in the render worker: the file's data is plain (strings, numbers, null). */
export const coveragePdfOffLoop = offLoop(import.meta.url, coveragePdf);
export const coverageXlsxOffLoop = offLoop(import.meta.url, coverageXlsx);

/** The report's two files, rendered in the render worker and named by the period's key. */
export async function coverageFiles(file: CoverageFile, key: string): Promise<{ file: Buffer; filename: string }[]> {
  const [pdf, xlsx] = await Promise.all([coveragePdfOffLoop(file), coverageXlsxOffLoop(file)]);
  return [
    { file: pdf, filename: `grafeio-coverage-${key}.pdf` },
    { file: xlsx, filename: `grafeio-coverage-${key}.xlsx` },
  ];
}
