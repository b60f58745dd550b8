import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ExportRow,
  exportRowsOf,
  parseExportRange,
  toCsv,
  toXlsx,
} from "../../src/areas/clippings/clipping-export.js";
import { registerPdf } from "../../src/areas/clippings/register-pdf.js";
import type { ClippingRecord } from "../../src/areas/clippings/store.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { ManualClock } from "../../src/lib/clock.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  registerNumber: "2026/0001",
  publishedOn: "2026-11-20",
  title: "Ο Δήμαρχος εγκαινίασε το νέο πάρκο",
  outlet: "Η Καθημερινή",
  medium: "Έντυπο",
  tone: "Θετικό",
  topics: "Πολιτισμός, Περιβάλλον και πράσινο",
  scope: "Τον Δήμο",
  url: "https://www.kathimerini.gr/a",
  summary: 'Εγκαίνια; με "εισαγωγικά"\nκαι αλλαγή γραμμής',
  createdBy: "U0STAFF01",
  loggedAt: "2026-11-20 12:00",
  status: "",
  ...over,
});

describe("export periods", () => {
  it("read a month, two dates, or nothing as this month", () => {
    expect(parseExportRange("2026-11", "2026-11-22")).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      label: "2026-11",
    });
    expect(parseExportRange("2/2028", "2026-11-22")).toEqual({
      from: "2028-02-01",
      to: "2028-02-29",
      label: "2028-02",
    });
    expect(parseExportRange("", "2026-11-22")?.label).toBe("2026-11");
    expect(parseExportRange("1/11/2026 15/11/2026", "2026-11-22")).toEqual({
      from: "2026-11-01",
      to: "2026-11-15",
      label: "2026-11-01_2026-11-15",
    });
    expect(parseExportRange("2026-11-15 2026-11-01", "2026-11-22")).toBeUndefined();
    expect(parseExportRange("13/2026", "2026-11-22")).toBeUndefined();
    expect(parseExportRange("χθες", "2026-11-22")).toBeUndefined();
  });
});

describe("the CSV", () => {
  it("starts with a BOM, uses ';' for Greek Excel, quotes what needs quoting", () => {
    const text = toCsv([row()], "el").toString("utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, first] = text.slice(1).split("\r\n");
    expect(header?.split(";")[0]).toBe("Αριθμός μητρώου");
    expect(first).toContain('"Εγκαίνια; με ""εισαγωγικά""\nκαι αλλαγή γραμμής"');
    expect(toCsv([row()], "en").toString("utf8").split("\r\n")[0]).toContain("Register number,Published on");
  });

  it("cannot carry a formula into the spreadsheet", () => {
    const text = toCsv(
      [row({ title: '=HYPERLINK("http://evil")', outlet: "+30 210", summary: "@SUM(A1)" })],
      "el",
    ).toString("utf8");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain("'+30 210");
    expect(text).toContain("'@SUM(A1)");
  });
});

describe("when a clipping was logged", () => {
  it("is the office's wall clock in both files: a clipping logged at 11:07 in Athens says 11:07", async () => {
    const clipping: ClippingRecord = {
      id: 1,
      registerNumber: "2026/0001",
      publishedOn: "2026-12-01",
      title: "Ο Δήμαρχος εγκαινίασε το νέο πάρκο",
      outlet: "Η Καθημερινή",
      medium: "print",
      tone: "positive",
      scope: "municipality",
      url: null,
      summary: null,
      createdBy: "U0STAFF01",
      createdAt: new Date("2026-12-01T09:07:06.594Z"),
      withdrawReason: null,
      withdrawn: false,
      topics: [],
    };
    const [exported] = exportRowsOf([clipping], "el", "Europe/Athens");
    expect(exported?.loggedAt).toBe("2026-12-01 11:07");
    const csv = toCsv(exported ? [exported] : [], "el").toString("utf8");
    expect(csv).toContain(";2026-12-01 11:07");
    expect(csv).not.toContain("T09:07");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asExcelBuffer(await toXlsx(exported ? [exported] : [], "el")));
    const cell = book.worksheets[0]?.getRow(2).getCell(12).value as Date;
    // A spreadsheet's date has no zone: what it shows is the value's own clock.
    expect([cell.getUTCHours(), cell.getUTCMinutes()]).toEqual([11, 7]);
  });
});

// exceljs types its input as its own Buffer interface; a Node Buffer is what it reads.
const asExcelBuffer = (b: Buffer) => b as unknown as ExcelJS.Buffer;

describe("the XLSX", () => {
  it("reads back with Greek intact, a bold frozen header and real dates", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(asExcelBuffer(await toXlsx([row(), row({ registerNumber: "2026/0002", url: "" })], "el")));
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe("Μητρώο δημοσιευμάτων");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Αριθμός μητρώου");
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(sheet?.getRow(2).getCell(3).value).toBe("Ο Δήμαρχος εγκαινίασε το νέο πάρκο");
    expect(sheet?.getRow(2).getCell(2).value).toBeInstanceOf(Date);
    expect(sheet?.getRow(3).getCell(1).value).toBe("2026/0002");
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(1).getCell(13).value).toBe("Κατάσταση");
    // Printed: A4 (paper size 9) across, one page wide, the header on every page.
    expect(sheet?.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    });
  });
});

describe("the PDF register", () => {
  it("embeds a font with Greek glyphs and runs over as many A4 pages as it needs", async () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      row({ registerNumber: `2026/${String(i + 1).padStart(4, "0")}` }),
    );
    const pdf = await registerPdf(rows, { locale: "el", periodLabel: "11/2026", office: "Γραφείο Επικοινωνίας" });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
    expect(text).toMatch(/\/FontFile2/); // the font program itself is in the file
    const pages = text.match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const one = await registerPdf(rows.slice(0, 3), { locale: "en", periodLabel: "11/2026", office: "Office" });
    expect(one.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(1);
  });
});

describe("/clip export in Slack", () => {
  let t: TestBot;
  const STAFF = "U0STAFF01";
  beforeAll(async () => {
    t = await startTestBot({ clock: new ManualClock(new Date("2026-11-22T08:00:00Z")) });
    await t.grant(STAFF, "staff");
    // Slack's answer for a person with a full name in their profile.
    t.fake.override("users.info", (args) => ({
      ok: true,
      user: {
        id: args.user,
        name: "maria.p",
        real_name: "Μαρία Παπαδοπούλου",
        profile: { real_name: "Μαρία Παπαδοπούλου", display_name: "Μαρία" },
        locale: "el-GR",
        tz: "Europe/Athens",
      },
    }));
    for (const [i, publishedOn] of ["2026-11-03", "2026-11-20", "2026-10-30"].entries()) {
      const r = validateClipping(
        {
          title: `Δημοσίευμα ${i}`,
          outlet: "Τα Νέα",
          medium: "print",
          tone: "neutral",
          scope: "municipality",
          publishedOn,
        },
        { today: "2026-11-22", knownTopicIds: new Set() },
      );
      if (!r.ok) throw new Error("invalid seed");
      await t.bot.services.clippings.createClipping({ draft: r.draft, createdBy: STAFF, submissionKey: `export-${i}` });
    }
  });
  afterAll(() => t?.stop());

  async function run(text: string) {
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", text, userId: STAFF });
    const answer = await t.fake.waitFor("response_url", () => true, 10_000, before);
    expect(await t.bot.inFlight.drain(10_000)).toBe(true);
    return { answer: String(answer.args.text), calls: t.fake.calls.slice(before) };
  }

  it("sends the month's register to the requester's DM as CSV and XLSX", async () => {
    const { answer, calls } = await run("export 11/2026");
    expect(answer).toContain("προσωπικό μήνυμα");
    const names = calls.filter((c) => c.method === "files.getUploadURLExternal").map((c) => c.args.filename);
    expect(names).toEqual(["grafeio-clippings-2026-11.csv", "grafeio-clippings-2026-11.xlsx"]);
    expect(calls.filter((c) => c.method === "file_upload")).toHaveLength(2);
    const complete = calls.find((c) => c.method === "files.completeUploadExternal");
    expect(complete?.args.channel_id).toBe("D0STAFF01");
    expect(String(complete?.args.initial_comment)).toContain("2 δημοσιεύματα");
    // Who registered each clipping is named as Slack names them, not by their Slack id.
    const csv = t.fake.uploadedFile("grafeio-clippings-2026-11.csv")?.toString("utf8") ?? "";
    expect(csv).toContain(";Μαρία Παπαδοπούλου;");
    expect(csv).not.toContain(STAFF);
  });

  it("gives managers the month's register as a PDF, and refuses it to staff", async () => {
    expect((await run("export 11/2026 pdf")).answer).toContain("«προϊστάμενος»");
    await t.grant("U0MANAGER", "manager");
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", text: "export 11/2026 pdf", userId: "U0MANAGER" });
    await t.fake.waitFor("response_url", () => true, 10_000, before);
    expect(await t.bot.inFlight.drain(10_000)).toBe(true);
    const names = t.fake.calls
      .slice(before)
      .filter((c) => c.method === "files.getUploadURLExternal")
      .map((c) => c.args.filename);
    expect(names).toEqual(["grafeio-clippings-2026-11.pdf"]);
  });

  it("says so when the period has nothing, or cannot be read", async () => {
    expect((await run("export 2025-01")).answer).toContain("Δεν υπάρχουν δημοσιεύματα");
    expect((await run("export κάποτε")).answer).toContain("Δεν κατάλαβα το διάστημα");
  });
});
