// The report's files from plain data: the DOCX's document.xml holds the cover and every figure, the
// PDF is a PDF with the period in its title, and the chart is a PNG; long tables are cut and counted.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { chartPng, stackedBarsSvg } from "../../src/areas/reports/report-chart.js";
import { type ReportDocument, reportDocx, reportPdf, TABLE_ROWS } from "../../src/areas/reports/report-render.js";

const report: ReportDocument = {
  locale: "el",
  municipality: "Δήμος Αμαρουσίου",
  period: { key: "2026-Q1", label: "1ο τρίμηνο 2026" },
  madeOn: "1/12/2026",
  sections: [
    {
      id: "clippings",
      title: "Δελτίο Τύπου: αποδελτίωση",
      figures: [
        { id: "clippings.total", label: "Δημοσιεύματα της περιόδου", value: 1234 },
        { id: "sponsors.pledged_cents", label: "Δεσμεύτηκαν", value: 250050, shown: "2.500,50 €" },
      ],
      tables: [
        {
          title: "Ανά θέμα",
          columns: ["", "Σύνολο"],
          rows: Array.from({ length: TABLE_ROWS + 5 }, (_, i) => [`Θέμα <${i}> & "άλλα"`, String(i)]),
        },
      ],
      chart: {
        title: "Δημοσιεύματα ανά θέμα και τόνο",
        categories: ["Πολιτισμός", "Περιβάλλον <πράσινο>"],
        series: [
          { name: "Θετικά", colour: "#009e73", values: [3, 1] },
          { name: "Αρνητικά", colour: "#d55e00", values: [1, 0] },
        ],
      },
      notable: { title: "Αρνητικά δημοσιεύματα", items: ["2026/0003 · Η Καθημερινή · Λακκούβες"] },
    },
    { id: "events", title: "Εκδηλώσεις", figures: [], tables: [], empty: "Καμία εκδήλωση αυτή την περίοδο." },
  ],
};

async function documentXml(file: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(file);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("no word/document.xml");
  return xml;
}

describe("the report's files", () => {
  it("DOCX: the cover, every section, its figures as shown, the notable items, the chart", async () => {
    const file = await reportDocx(report);
    const xml = await documentXml(file);
    for (const text of [
      "Δήμος Αμαρουσίου",
      "Έκθεση δραστηριότητας",
      "Περίοδος: 1ο τρίμηνο 2026",
      "Δελτίο Τύπου: αποδελτίωση",
      "Δημοσιεύματα της περιόδου",
      "1.234",
      "2.500,50 €",
      "2026/0003 · Η Καθημερινή · Λακκούβες",
      "Καμία εκδήλωση αυτή την περίοδο.",
    ])
      expect(xml, text).toContain(text);
    // Text is escaped as XML, and a long table stops at TABLE_ROWS with a line for the rest.
    expect(xml).toContain("Θέμα &lt;0&gt; &amp; ");
    expect(xml).toContain(`Θέμα &lt;${TABLE_ROWS - 1}&gt;`);
    expect(xml).not.toContain(`Θέμα &lt;${TABLE_ROWS}&gt;`);
    expect(xml).toContain("…και 5 ακόμη γραμμές");
    const zip = await JSZip.loadAsync(file);
    const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
  });

  it("PDF: a PDF whose title names the period, with the font embedded, one page per section after the cover", async () => {
    const file = await reportPdf(report);
    expect(file.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = file.toString("latin1");
    expect(raw).toContain("DejaVuSans");
    // pdfkit writes a non-ASCII title as a UTF-16BE string.
    expect(file.indexOf(Buffer.from("1ο τρίμηνο 2026", "utf16le").swap16())).toBeGreaterThan(0);
    expect((raw.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it("the chart: stacked bars with escaped labels, as a PNG", () => {
    const svg = stackedBarsSvg(report.sections[0]?.chart ?? { title: "", categories: [], series: [] });
    expect(svg).toContain("Περιβάλλον &lt;πράσινο&gt;");
    expect(svg).not.toContain("<πράσινο>");
    const png = chartPng(report.sections[0]?.chart ?? { title: "", categories: [], series: [] });
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });
});
