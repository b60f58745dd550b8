// The render worker (src/lib/off-loop.ts): the exports render in another thread, so that the bot's
// event loop stays free for Slack's acks meanwhile, and give the same files as on the event loop.
import { threadId } from "node:worker_threads";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { type ExportRow, toXlsx, toXlsxOffLoop } from "../src/areas/clippings/clipping-export.js";
import { registerPdf, registerPdfOffLoop } from "../src/areas/clippings/register-pdf.js";
import { type GiftExportRow, giftsXlsx, giftsXlsxOffLoop } from "../src/areas/events/gift-export.js";
import type { OrderedGuest } from "../src/areas/events/precedence.js";
import { precedencePdf, precedencePdfOffLoop } from "../src/areas/events/precedence-pdf.js";
import { stopRenderWorker } from "../src/lib/off-loop.js";
import { failingOffLoop, threadOfOffLoop, withCallbackOffLoop } from "./support/render-fixtures.js";

afterAll(() => stopRenderWorker());

const rows: ExportRow[] = Array.from({ length: 120 }, (_, i) => ({
  registerNumber: `2026/${String(i + 1).padStart(4, "0")}`,
  publishedOn: "2026-11-20",
  title: `Ο Δήμαρχος εγκαινίασε το νέο πάρκο (${i})`,
  outlet: "Η Καθημερινή",
  medium: "Έντυπο",
  tone: "Θετικό",
  topics: "Πολιτισμός, Περιβάλλον και πράσινο",
  scope: "Τον Δήμο",
  url: i % 3 ? `https://www.kathimerini.gr/${i}` : "",
  summary: "Εγκαίνια με αλλαγή\nγραμμής",
  createdBy: "U0STAFF01",
  loggedAt: "2026-11-20 12:00",
  status: i === 7 ? "Αποσύρθηκε: διπλή" : "",
}));

// pdfkit writes the moment of rendering into the file, and an /ID hashed from it; the rest must be the
// same bytes.
const withoutDate = (pdf: Buffer) =>
  pdf
    .toString("latin1")
    .replace(/\(D:\d{14}Z\)/, "")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");

async function sheetValues(xlsx: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const sheet = book.worksheets[0];
  const values: unknown[][] = [[sheet?.name, sheet?.getColumn(2).numFmt, sheet?.getColumn(5).numFmt]];
  sheet?.eachRow((row) => {
    values.push(row.values as unknown[]);
  });
  return values;
}

describe("the render worker", () => {
  it("renders in another thread than the event loop's", async () => {
    const ran = Number((await threadOfOffLoop()).toString());
    expect(ran).not.toBe(threadId);
    // The same worker renders the next one.
    expect(Number((await threadOfOffLoop()).toString())).toBe(ran);
  });

  it("gives the register PDF as the event loop renders it", async () => {
    const options = { locale: "el" as const, periodLabel: "11/2026", office: "Γραφείο Επικοινωνίας" };
    const [inWorker, here] = await Promise.all([registerPdfOffLoop(rows, options), registerPdf(rows, options)]);
    expect(inWorker.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(withoutDate(inWorker)).toBe(withoutDate(here));
  });

  it("gives the order of precedence PDF, with the hand-set places' notes", async () => {
    const guests: OrderedGuest[] = [
      {
        id: 1,
        name: "Κ. Δημάρχου",
        office: "Δήμαρχος",
        tieDate: null,
        position: 1,
        overrideReason: "Οικοδεσπότης",
        rank: 3,
        byTable: 1,
      },
      {
        id: 2,
        name: "Γ. Παππάς",
        office: "Πρόεδρος Συλλόγου",
        tieDate: new Date("2020-01-01"),
        position: null,
        overrideReason: null,
        rank: null,
        byTable: 2,
      },
    ];
    const labels = { title: "Συναυλία", subtitle: "12/12/2026", unranked: "Χωρίς θέση", speeches: "Σειρά ομιλιών" };
    const inWorker = await precedencePdfOffLoop(guests, {
      ...labels,
      byHand: new Map([["Οικοδεσπότης", "Θέση με το χέρι: Οικοδεσπότης"]]),
    });
    const here = await precedencePdf(guests, { ...labels, byHand: (reason) => `Θέση με το χέρι: ${reason}` });
    expect(withoutDate(inWorker)).toBe(withoutDate(here));
  });

  it("gives the XLSX files with the same cells: dates, links and exact cents across", async () => {
    expect(await sheetValues(await toXlsxOffLoop(rows, "el"))).toEqual(await sheetValues(await toXlsx(rows, "el")));
    const gifts: GiftExportRow[] = [
      {
        event: "Συναυλία",
        day: "2026-12-12",
        what: "Κεραμικό",
        forWhom: "Πρέσβης",
        costCents: 8550n,
        addedBy: "U0STAFF01",
      },
      {
        event: "Συναυλία",
        day: "2026-12-12",
        what: "Βιβλίο",
        forWhom: "Μητροπολίτης",
        costCents: null,
        addedBy: "U0STAFF01",
      },
    ];
    const inWorker = await sheetValues(await giftsXlsxOffLoop(gifts, "el", 2026));
    expect(inWorker).toEqual(await sheetValues(await giftsXlsx(gifts, "el", 2026)));
    expect(inWorker[2]).toContain(85.5);
  });

  it("rejects a render that throws with its reason, and renders the next one", async () => {
    await expect(failingOffLoop("no font")).rejects.toThrow("cannot render: no font");
    expect(Number((await threadOfOffLoop()).toString())).not.toBe(threadId);
  });

  it("refuses arguments it cannot copy to the worker, and renders the next one", async () => {
    await expect(withCallbackOffLoop(() => "x")).rejects.toThrow(/could not be cloned/);
    expect(Number((await threadOfOffLoop()).toString())).not.toBe(threadId);
  });

  it("starts a new worker when it was stopped", async () => {
    const first = Number((await threadOfOffLoop()).toString());
    await stopRenderWorker();
    const second = Number((await threadOfOffLoop()).toString());
    expect(second).not.toBe(threadId);
    expect(second).not.toBe(first);
  });
});
