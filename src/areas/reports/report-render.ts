// The period report as files: a PDF (pdfkit, DejaVu Sans embedded, as the printable registers) and
// a DOCX (the `docx` package), both from the same plain data: a cover with the municipality, the
// office and the period, then every area's section (its figures, tables, chart and notable items).
// Both run in the render worker (off-loop.ts): the bot's event loop stays free for Slack's acks.
import { createRequire } from "node:module";
import path from "node:path";
import type { LocaleCode } from "../../i18n/index.js";
import { offLoop } from "../../lib/off-loop.js";
import { reportTexts } from "./messages.js";
import { CHART_SIZE, chartPng } from "./report-chart.js";
import type { ReportFigure, ReportSection, ReportTable } from "./report-source.js";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

/** At most this many rows of a table are printed; the rest are counted in a line. */
export const TABLE_ROWS = 30;

export interface ReportDocument {
  locale: LocaleCode;
  /** The municipality's name as the cover shows it. */
  municipality: string;
  period: { key: string; label: string };
  /** The day it was made, d/M/yyyy. */
  madeOn: string;
  sections: ReportSection[];
}

const shownValue = (f: ReportFigure, locale: LocaleCode) =>
  f.shown ?? f.value.toLocaleString(locale === "el" ? "el-GR" : "en-GB");

function cutTable(table: ReportTable): { rows: string[][]; more: number } {
  return { rows: table.rows.slice(0, TABLE_ROWS), more: Math.max(0, table.rows.length - TABLE_ROWS) };
}

export async function reportPdf(report: ReportDocument): Promise<Buffer> {
  const x = reportTexts(report.locale);
  // Imported here, in the render worker: the bot's thread never needs pdfkit (bench:memory).
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    bufferPages: true,
    info: { Title: `${x.title}: ${report.period.label}`, Author: "Grafeio", Subject: report.municipality },
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

  // The cover.
  doc.font("bold").fontSize(24).text(report.municipality, left, 220, { width, align: "center" });
  doc.moveDown(0.5).font("body").fontSize(13).text(x.office, { width, align: "center" });
  doc.moveDown(3).font("bold").fontSize(20).text(x.title, { width, align: "center" });
  doc.moveDown(0.5).font("body").fontSize(16).text(`${x.period}: ${report.period.label}`, { width, align: "center" });
  doc.moveDown(6).fontSize(10).fillColor("#555").text(x.made(report.madeOn), { width, align: "center" });
  doc.fillColor("black");

  for (const section of report.sections) {
    doc.addPage();
    doc.font("bold").fontSize(16).text(section.title, left, doc.page.margins.top, { width });
    doc.moveDown(0.5);
    if (section.empty)
      doc.font("body").fontSize(10).fillColor("#555").text(section.empty, { width }).fillColor("black");
    // The figures: label and number on one line each.
    doc.font("bold").fontSize(11).text(x.figures, { width });
    doc.moveDown(0.2);
    for (const f of section.figures) {
      room(16);
      const y = doc.y;
      doc
        .font("body")
        .fontSize(10)
        .text(f.label, left + 10, y, { width: width - 130 });
      const after = doc.y;
      doc.font("bold").text(shownValue(f, report.locale), left + width - 120, y, { width: 120, align: "right" });
      doc.y = Math.max(after, doc.y) + 2;
    }
    for (const table of section.tables) {
      const { rows, more } = cutTable(table);
      if (rows.length === 0) continue;
      doc.moveDown(0.8);
      room(40);
      doc.font("bold").fontSize(11).text(table.title, left, doc.y, { width });
      doc.moveDown(0.2);
      const first = Math.min(width * 0.45, 230);
      const rest = (width - first) / Math.max(1, table.columns.length - 1);
      const widths = table.columns.map((_, i) => (i === 0 ? first : rest));
      const line = (cells: string[], font: "body" | "bold") => {
        doc.font(font).fontSize(9);
        const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (widths[i] ?? rest) - 6 }))) + 4;
        room(height);
        const y = doc.y;
        let cx = left;
        cells.forEach((c, i) => {
          doc.text(c, cx + 3, y + 2, { width: (widths[i] ?? rest) - 6, align: i === 0 ? "left" : "right" });
          cx += widths[i] ?? rest;
        });
        doc
          .moveTo(left, y + height)
          .lineTo(left + width, y + height)
          .lineWidth(0.3)
          .strokeColor("#999")
          .stroke();
        doc.y = y + height;
      };
      line(table.columns, "bold");
      for (const row of rows) line(row, "body");
      if (more > 0)
        doc
          .font("body")
          .fontSize(9)
          .text(x.more(more), left, doc.y + 2, { width });
    }
    if (section.chart) {
      const png = chartPng(section.chart);
      const h = (width * CHART_SIZE.height) / CHART_SIZE.width;
      doc.moveDown(1);
      room(h);
      doc.image(png, left, doc.y, { width });
      doc.y += h + 6;
    }
    if (section.notable?.items.length) {
      doc.moveDown(0.8);
      room(40);
      doc.font("bold").fontSize(11).text(section.notable.title, left, doc.y, { width });
      doc.moveDown(0.2).font("body").fontSize(9);
      for (const item of section.notable.items) {
        room(14);
        doc.text(`• ${item}`, left + 6, doc.y, { width: width - 6 });
      }
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font("body")
      .fontSize(8)
      .fillColor("#555")
      .text(
        `${report.municipality} · ${x.title}: ${report.period.label} · ${x.page(i + 1, range.count)}`,
        left,
        doc.page.height - doc.page.margins.bottom - 10,
        { width, align: "right", lineBreak: false },
      );
  }
  doc.end();
  return done;
}

export async function reportDocx(report: ReportDocument): Promise<Buffer> {
  const x = reportTexts(report.locale);
  // Imported at the first render, in the render worker: not held by the bot's thread.
  const {
    AlignmentType,
    Document,
    HeadingLevel,
    ImageRun,
    Packer,
    PageBreak,
    Paragraph,
    Table,
    TableCell,
    TableRow,
    TextRun,
    WidthType,
  } = await import("docx");
  const cell = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: options.bold ?? false })],
        }),
      ],
    });
  const table = (header: string[] | undefined, rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        ...(header
          ? [new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, right: i > 0 })) })]
          : []),
        ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { right: i > 0 })) })),
      ],
    });

  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [
    new Paragraph({
      spacing: { before: 3000 },
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: report.municipality, bold: true, size: 48 })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: x.office, size: 26 })] }),
    new Paragraph({
      spacing: { before: 1200 },
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: x.title, bold: true, size: 40 })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `${x.period}: ${report.period.label}`, size: 32 })],
    }),
    new Paragraph({
      spacing: { before: 2400 },
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: x.made(report.madeOn), size: 20, color: "555555" })],
    }),
  ];
  for (const section of report.sections) {
    children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }));
    if (section.empty)
      children.push(new Paragraph({ children: [new TextRun({ text: section.empty, italics: true })] }));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(x.figures)] }));
    children.push(
      table(
        undefined,
        section.figures.map((f) => [f.label, shownValue(f, report.locale)]),
      ),
    );
    for (const t of section.tables) {
      const { rows, more } = cutTable(t);
      if (rows.length === 0) continue;
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(t.title)] }));
      children.push(table(t.columns, rows));
      if (more > 0) children.push(new Paragraph({ children: [new TextRun({ text: x.more(more), italics: true })] }));
    }
    if (section.chart) {
      const w = 600;
      children.push(
        new Paragraph({
          spacing: { before: 240 },
          children: [
            new ImageRun({
              type: "png",
              data: chartPng(section.chart),
              transformation: { width: w, height: Math.round((w * CHART_SIZE.height) / CHART_SIZE.width) },
              altText: { name: section.chart.title, title: section.chart.title, description: section.chart.title },
            }),
          ],
        }),
      );
    }
    if (section.notable?.items.length) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(section.notable.title)] }));
      for (const item of section.notable.items)
        children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    }
  }
  const doc = new Document({
    creator: "Grafeio",
    title: `${x.title}: ${report.period.label}`,
    description: report.municipality,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** Both rendered in the render worker: the report is plain data (strings and numbers). */
export const reportPdfOffLoop = offLoop(import.meta.url, reportPdf);
export const reportDocxOffLoop = offLoop(import.meta.url, reportDocx);
