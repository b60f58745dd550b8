// The coverage report's figures as a pure function of clippings and replies (no database), and its
// two files drawn from them: the XLSX's numbers are the figures, the PDF is a PDF with its charts.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { coverageFigures, mondayOf } from "../../src/areas/clippings/coverage-figures.js";
import { coverageContent, coveragePdf, coverageXlsx } from "../../src/areas/clippings/coverage-render.js";
import type { ClippingRecord } from "../../src/areas/clippings/store.js";

const TZ = "Europe/Athens";
let nextId = 1;
const clipping = (over: Partial<ClippingRecord>): ClippingRecord => {
  const id = nextId++;
  return {
    id,
    registerNumber: `2026/${String(id).padStart(4, "0")}`,
    publishedOn: "2026-11-10",
    title: `Δημοσίευμα ${id}`,
    outlet: "Η Καθημερινή",
    medium: "online",
    tone: "neutral",
    scope: "municipality",
    url: null,
    summary: null,
    createdBy: "U0STAFF01",
    createdAt: new Date("2026-11-10T09:00:00Z"),
    withdrawReason: null,
    withdrawn: false,
    topics: [],
    ...over,
  };
};
const culture = { id: 1, nameEl: "Πολιτισμός", nameEn: "Culture" };
const roads = { id: 2, nameEl: "Οδοποιία", nameEn: "Roads" };

describe("the coverage figures", () => {
  const clippings = [
    clipping({ publishedOn: "2026-10-31", tone: "negative" }), // the day before: outside
    clipping({ publishedOn: "2026-11-01", tone: "positive", outlet: "ΕΡΤ", medium: "tv", topics: [culture] }), // a Sunday
    clipping({ publishedOn: "2026-11-02", tone: "negative", topics: [culture, roads] }),
    clipping({ publishedOn: "2026-11-04", tone: "negative", outlet: " Η Καθημερινή " }),
    clipping({ publishedOn: "2026-11-05", tone: "neutral", withdrawn: true, withdrawReason: "διπλό" }),
    clipping({ publishedOn: "2026-11-30", tone: "positive", outlet: "in.gr" }), // the last day, a Monday
    clipping({ publishedOn: "2026-12-01", tone: "negative" }), // the day after: outside
  ];
  const [, sunday, twoTopics, spaced, withdrawn, last] = clippings;
  const replies = [
    // Closed at 23:30 in Athens on its due day: in time.
    { id: twoTopics?.id ?? 0, dueOn: "2026-11-05", closedAt: new Date("2026-11-05T21:30:00Z") },
    // Closed at 00:30 in Athens the day after: late.
    { id: spaced?.id ?? 0, dueOn: "2026-11-05", closedAt: new Date("2026-11-05T22:30:00Z") },
    // Owed, past its day (today is 2026-12-02).
    { id: last?.id ?? 0, dueOn: "2026-12-01", closedAt: null },
    // Owed, not yet due.
    { id: sunday?.id ?? 0, dueOn: "2026-12-10", closedAt: null },
    // A withdrawn clipping's reply is not counted.
    { id: withdrawn?.id ?? 0, dueOn: "2026-11-06", closedAt: null },
  ];
  const f = coverageFigures(
    { clippings, replies },
    { from: "2026-11-01", to: "2026-11-30", today: "2026-12-02", timeZone: TZ },
  );

  it("count the period's days only, withdrawn ones apart", () => {
    expect(f.rows).toBe(5);
    expect(f.withdrawn).toBe(1);
    expect(f.total).toBe(4);
    expect(f.tones).toEqual({ positive: 2, neutral: 0, negative: 2 });
    expect(f.negativeShare).toBe(0.5);
  });

  it("count a clipping under each of its topics, the untopical last; outlets as typed, trimmed", () => {
    expect(f.topics.map((t) => [t.nameEl, t.total, t.tones.negative])).toEqual([
      ["Πολιτισμός", 2, 1],
      ["Οδοποιία", 1, 1],
      ["", 2, 1],
    ]);
    expect(f.topics.at(-1)?.topicId).toBeNull();
    expect(f.outlets.map((o) => [o.outlet, o.total])).toEqual([
      ["Η Καθημερινή", 2],
      // Equal counts in the Greek alphabetical order (Greek before Latin letters).
      ["ΕΡΤ", 1],
      ["in.gr", 1],
    ]);
    expect(f.media).toEqual([
      { medium: "online", total: 3 },
      { medium: "tv", total: 1 },
    ]);
  });

  it("give the share of negative coverage week by week, Monday to Sunday, cut to the period", () => {
    expect(mondayOf("2026-11-01")).toBe("2026-10-26");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(f.weeks.map((w) => [w.from, w.to, w.total, w.negative, w.negativeShare])).toEqual([
      ["2026-11-01", "2026-11-01", 1, 0, 0],
      ["2026-11-02", "2026-11-08", 2, 2, 1],
      ["2026-11-09", "2026-11-15", 0, 0, null],
      ["2026-11-16", "2026-11-22", 0, 0, null],
      ["2026-11-23", "2026-11-29", 0, 0, null],
      ["2026-11-30", "2026-11-30", 1, 0, 0],
    ]);
  });

  it("tell replies answered in time (by the office's calendar) from late ones, and what is owed", () => {
    expect(f.replies).toEqual({ asked: 4, answered: 2, answeredInTime: 1, answeredLate: 1, owed: 2, overdue: 1 });
  });

  it("are the XLSX's numbers, and the PDF is a PDF with the report's tables", async () => {
    const file = { locale: "el" as const, periodLabel: "Νοέμβριος 2026", madeOn: "2026-12-02", figures: f };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await coverageXlsx(file)) as unknown as ArrayBuffer);
    const rows = (name: string) =>
      (book.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows("Σύνολα")).toContainEqual(["Αρνητικά", 2]);
    expect(rows("Σύνολα")).toContainEqual(["Απαντήθηκαν εμπρόθεσμα", 1]);
    expect(rows("Μέσα")).toContainEqual(["Η Καθημερινή", 2, 0, 0, 2]);
    expect(rows("Εβδομάδες")[2]).toEqual(["2/11/2026–8/11/2026", 2, 2, 1]);
    const content = coverageContent(file);
    expect(content.charts.map((c) => c.categories.length)).toEqual([6, 3]);
    const pdf = await coveragePdf(file);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // Two charts drawn: two images in the file.
    expect(pdf.toString("latin1").match(/\/Subtype \/Image/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("make an empty period's files too", async () => {
    const empty = coverageFigures(
      { clippings: [], replies: [] },
      { from: "2026-11-01", to: "2026-11-30", today: "2026-12-02", timeZone: TZ },
    );
    expect(empty.negativeShare).toBeNull();
    const file = { locale: "en" as const, periodLabel: "November 2026", madeOn: "2026-12-02", figures: empty };
    expect((await coveragePdf(file)).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await coverageXlsx(file)).length).toBeGreaterThan(0);
  });
});
