// The order of precedence of an event as a printable page (A4), for the protocol desk.
import { createRequire } from "node:module";
import path from "node:path";
import { offLoop } from "../../lib/off-loop.js";
import type { OrderedGuest } from "./precedence.js";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

export interface PrecedenceLabels {
  title: string;
  subtitle: string;
  unranked: string;
  byHand: (reason: string) => string;
  speeches: string;
}

export async function precedencePdf(guests: OrderedGuest[], labels: PrecedenceLabels): Promise<Buffer> {
  // Imported here, in the render worker: the bot's thread never needs pdfkit (bench:memory).
  const { default: PDFDocument } = await import("pdfkit");
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: labels.title, Creator: "Grafeio" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.registerFont("body", path.join(FONT_DIR, "DejaVuSans.ttf"));
    doc.registerFont("bold", path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
    doc.font("bold").fontSize(16).text(labels.title);
    doc.font("body").fontSize(10).fillColor("#555555").text(labels.subtitle).moveDown();
    doc.fillColor("#000000");
    guests.forEach((g, i) => {
      doc
        .font("bold")
        .fontSize(12)
        .text(`${i + 1}. ${g.name}`, { continued: true });
      doc.font("body").text(`  ${g.office}`);
      const notes = [
        g.rank === null ? labels.unranked : "",
        g.position !== null && g.overrideReason ? labels.byHand(g.overrideReason) : "",
      ].filter(Boolean);
      if (notes.length) doc.fontSize(9).fillColor("#a33").text(notes.join(" · ")).fillColor("#000000");
      doc.moveDown(0.4);
    });
    // Speeches go the other way: the highest in precedence speaks last.
    doc.moveDown().font("bold").fontSize(13).text(labels.speeches).moveDown(0.3);
    [...guests].reverse().forEach((g, i) => {
      doc
        .font("body")
        .fontSize(11)
        .text(`${i + 1}. ${g.name}, ${g.office}`);
    });
    doc.end();
  });
}

/** precedencePdf with the hand-set places' notes written out (reason → note): a function cannot be
 * copied to the render worker. */
export function precedencePdfOfNotes(
  guests: OrderedGuest[],
  labels: Omit<PrecedenceLabels, "byHand"> & { byHand: Map<string, string> },
): Promise<Buffer> {
  const notes = labels.byHand;
  return precedencePdf(guests, { ...labels, byHand: (reason) => notes.get(reason) ?? reason });
}

/** The order of precedence rendered in the render worker. */
export const precedencePdfOffLoop = offLoop(import.meta.url, precedencePdfOfNotes);
