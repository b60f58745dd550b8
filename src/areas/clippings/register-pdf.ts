// The monthly register as a printable PDF (A4 landscape). Greek needs a font that has its glyphs:
// DejaVu Sans, shipped by the dejavu-fonts-ttf npm package, is embedded in the file.
import { createRequire } from "node:module";
import path from "node:path";
import { type LocaleCode, messages } from "../../i18n/index.js";
import { formatDayMonthYear } from "../../lib/clock.js";
import { offLoop } from "../../lib/off-loop.js";
import type { ExportRow } from "./clipping-export.js";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

// Column widths in points on A4 landscape (842 × 595, 36 pt margins).
const COLUMNS = [
  { key: "registerNumber", width: 62 },
  { key: "publishedOn", width: 58 },
  { key: "outlet", width: 110 },
  { key: "title", width: 300 },
  { key: "tone", width: 70 },
  { key: "topics", width: 170 },
] as const;

export async function registerPdf(
  rows: ExportRow[],
  options: { locale: LocaleCode; periodLabel: string; office: string },
): Promise<Buffer> {
  const t = messages(options.locale).export;
  // Imported here, in the render worker: the bot's thread never needs pdfkit (bench:memory).
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "A4",
    layout: "landscape",
    margin: 36,
    bufferPages: true,
    info: { Title: `${t.pdfTitle} ${options.periodLabel}`, Author: "Grafeio" },
  });
  doc.registerFont("body", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const headings = t.pdfColumns;

  const header = () => {
    doc.font("bold").fontSize(14).text(`${t.pdfTitle}: ${options.periodLabel}`, left, 36);
    doc
      .font("body")
      .fontSize(9)
      .fillColor("#555")
      .text(options.office, left, doc.y + 2)
      .fillColor("black");
    let x = left;
    const y = doc.y + 10;
    doc.font("bold").fontSize(8.5);
    const tallest = Math.max(...COLUMNS.map((c, i) => doc.heightOfString(headings[i] ?? "", { width: c.width - 4 })));
    COLUMNS.forEach((c, i) => {
      doc.text(headings[i] ?? "", x + 2, y, { width: c.width - 4 });
      x += c.width;
    });
    const lineY = y + tallest + 3;
    doc
      .moveTo(left, lineY)
      .lineTo(left + COLUMNS.reduce((w, c) => w + c.width, 0), lineY)
      .stroke();
    doc.y = lineY + 4;
  };

  header();
  doc.font("body").fontSize(8.5);
  for (const row of rows) {
    const cells: Record<(typeof COLUMNS)[number]["key"], string> = {
      registerNumber: row.registerNumber,
      publishedOn: formatDayMonthYear(row.publishedOn),
      outlet: row.outlet,
      title: row.status ? `${row.title} (${row.status})` : row.title,
      tone: row.tone,
      topics: row.topics,
    };
    const height = Math.max(...COLUMNS.map((c) => doc.heightOfString(cells[c.key], { width: c.width - 4 }))) + 4;
    if (doc.y + height > bottom()) {
      doc.addPage();
      header();
      doc.font("body").fontSize(8.5);
    }
    const y = doc.y;
    let x = left;
    doc.fillColor(row.status ? "#888" : "black");
    for (const c of COLUMNS) {
      doc.text(cells[c.key], x + 2, y, { width: c.width - 4 });
      x += c.width;
    }
    doc.fillColor("black");
    doc.y = y + height;
  }
  if (rows.length === 0) doc.text(t.nothing(options.periodLabel), left, doc.y + 6);
  doc
    .font("body")
    .fontSize(8)
    .text(t.pdfCount(rows.length), left, doc.y + 8);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .font("body")
      .fontSize(8)
      .text(t.pdfPage(i + 1, range.count), left, doc.page.height - doc.page.margins.bottom - 10, {
        width: doc.page.width - left * 2,
        align: "right",
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}

/** The register PDF rendered in the render worker: 1,600 clippings hold the CPU for a quarter of a second. */
export const registerPdfOffLoop = offLoop(import.meta.url, registerPdf);
