// The report's data on the real engine: every area's section for 2026-Q1 counts exactly the rows
// inside the quarter in Athens (rows a minute either side of each boundary are seeded), and its
// figures agree with the registers' own exports for the same period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices, type Services } from "../../src/app/areas.js";
import { createClippingsReportSource } from "../../src/areas/clippings/clippings-report.js";
import { createContactsReportSource } from "../../src/areas/contacts/contacts-report.js";
import { createLettersReportSource } from "../../src/areas/correspondence/letters-report.js";
import { createEventsReportSource } from "../../src/areas/events/events-report.js";
import { createReportService, type PreparedReport } from "../../src/areas/reports/report-service.js";
import type { ReportSection } from "../../src/areas/reports/report-source.js";
import { createSponsorsReportSource } from "../../src/areas/sponsors/sponsors-report.js";
import { createTranslationsReportSource } from "../../src/areas/translations/translations-report.js";
import { noAudit } from "../../src/lib/audit.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { EXPECTED, fillQuarter, MANAGER } from "./report-office.js";

const TZ = "Europe/Athens";
const READER = "U0REPREAD";
const STAFF = "U0REPSTAF";

describe("the period report's data", () => {
  const clock = new ManualClock(new Date("2026-06-01T09:00:00Z"));
  let database: TestDatabase;
  let s: Services;
  let reports: ReturnType<typeof createReportService>;

  beforeAll(async () => {
    database = await createTestDatabase();
    s = createServices({
      prisma: database.db.prisma,
      reader: database.db.reader,
      clock,
      timeZone: TZ,
      defaultLocale: "el",
      lookupSlackLocale: async () => "el-GR",
      audit: noAudit,
    });
    await fillQuarter(database.db.prisma, s);
    await s.roles.grantRole({ slackUserId: READER, role: "reader", grantedBy: "test" });
    await s.roles.grantRole({ slackUserId: STAFF, role: "staff", grantedBy: "test" });
    reports = createReportService({
      roles: s.roles,
      // In the composition root's order (clippings, contacts, …): the service puts them in the report's.
      sources: [
        createClippingsReportSource(s.clippings),
        createContactsReportSource(s.contacts),
        createTranslationsReportSource(s.translations),
        createLettersReportSource(s.letters),
        createSponsorsReportSource(s.sponsorships),
        createEventsReportSource(s.events),
      ],
      clock,
      timeZone: TZ,
    });
  });
  afterAll(() => database?.dispose());

  async function report(actor: string, periodText: string, locale: "el" | "en" = "el") {
    const prepared = await reports.prepare({ actor, periodText });
    if (prepared.status !== "prepared") throw new Error(JSON.stringify(prepared));
    return { prepared, doc: await reports.build(prepared, locale, { municipality: "Δήμος" }) };
  }
  const figures = (sections: ReportSection[]) =>
    Object.fromEntries(sections.flatMap((section) => section.figures.map((f) => [f.id, f.value])));

  it("counts, in every area, exactly what falls inside the quarter in Athens", async () => {
    const { doc } = await report(MANAGER, "2026-Q1");
    expect(doc.sections.map((section) => section.id)).toEqual([
      "clippings",
      "events",
      "sponsors",
      "translations",
      "correspondence",
      "contacts",
    ]);
    expect(doc.period).toEqual({ key: "2026-Q1", label: "1ο τρίμηνο 2026" });
    const got = figures(doc.sections);
    for (const [id, value] of Object.entries(EXPECTED)) expect(got[id], id).toBe(value);
  });

  it("agrees with the clippings' export and the letters' export for the same period", async () => {
    const { prepared, doc } = await report(MANAGER, "2026-Q1");
    const rows = await s.clippings.rowsForExport({ ...prepared.period, label: prepared.period.key }, "el");
    const got = figures(doc.sections);
    expect(got["clippings.total"]).toBe(rows.length);
    expect(got["clippings.withdrawn"]).toBe(rows.filter((r) => r.status !== "").length);
    for (const [id, tone] of [
      ["clippings.positive", "Θετικό"],
      ["clippings.negative", "Αρνητικό"],
    ] as const)
      expect(got[id], id).toBe(rows.filter((r) => r.status === "" && r.tone === tone).length);
    // The letters' export is a year's register: the report for that year has the same entries.
    const year = await report(MANAGER, "2026");
    const exported = await s.letters.yearFor(MANAGER, 2026);
    if (exported.status !== "found") throw new Error("refused");
    const yearFigures = figures(year.doc.sections);
    expect(yearFigures["correspondence.total"]).toBe(exported.letters.length);
    expect(yearFigures["correspondence.incoming"]).toBe(
      exported.letters.filter((l) => l.direction === "incoming").length,
    );
    expect(exported.letters.length).toBe(4);
  });

  it("describes the sections in the reader's language, with the chart's series and the notable items", async () => {
    const { doc } = await report(MANAGER, "2026-Q1", "en");
    const clippings = doc.sections[0];
    expect(clippings?.title).toBe("Press clippings");
    expect(clippings?.chart?.categories).toEqual(["Culture", "Cleaning", "(no topic)"]);
    expect(clippings?.chart?.series.map((x) => [x.name, x.values])).toEqual([
      ["Positive", [1, 0, 0]],
      ["Neutral", [0, 0, 0]],
      ["Negative", [1, 1, 1]],
    ]);
    expect(clippings?.notable?.items.some((i) => i.includes("Λακκούβες στην οδό Κηφισίας"))).toBe(true);
    const sponsors = doc.sections.find((x) => x.id === "sponsors");
    expect(sponsors?.figures.find((f) => f.id === "sponsors.pledged_cents")?.shown).toBe("€3,500.50");
    const letters = doc.sections.find((x) => x.id === "correspondence");
    expect(letters?.tables[0]?.rows).toEqual([
      ["Γαλλία", "0", "1"],
      ["Κύπρος", "1", "0"],
      ["(no country)", "1", "0"],
    ]);
    expect(letters?.notable?.items[0]).toContain("Eurocities");
    // Contacts are counted, never named.
    expect(JSON.stringify(doc.sections.find((x) => x.id === "contacts"))).not.toContain("Πρέσβης");
  });

  it("is for managers and readers: staff and strangers are refused, a reader is not", async () => {
    expect(await reports.prepare({ actor: STAFF, periodText: "2026-Q1" })).toEqual({
      status: "refused",
      reason: "not_reader",
    });
    expect(await reports.prepare({ actor: "U0NOBODY1", periodText: "2026-Q1" })).toMatchObject({ status: "refused" });
    expect((await reports.prepare({ actor: READER, periodText: "2026-Q1" })).status).toBe("prepared");
    // Sending to someone else: a manager, to a reader only.
    expect(await reports.prepare({ actor: READER, periodText: "2026-Q1", recipient: MANAGER })).toEqual({
      status: "refused",
      reason: "not_manager",
    });
    expect(await reports.prepare({ actor: MANAGER, periodText: "2026-Q1", recipient: STAFF })).toEqual({
      status: "refused",
      reason: "recipient_not_reader",
      recipient: STAFF,
    });
    expect(await reports.prepare({ actor: MANAGER, periodText: "2026-Q1", recipient: READER })).toMatchObject({
      status: "prepared",
      recipient: READER,
      requestedBy: MANAGER,
    });
    expect(await reports.prepare({ actor: MANAGER, periodText: "2026-Q5" })).toMatchObject({ status: "bad_period" });
    // A report is built only from what prepare allowed.
    const forged = {
      status: "prepared",
      period: {},
      recipient: STAFF,
      requestedBy: STAFF,
    } as unknown as PreparedReport;
    await expect(reports.build(forged, "el", { municipality: "Δήμος" })).rejects.toThrow();
  });

  it("an empty period says so in each section", async () => {
    const { doc } = await report(READER, "2024");
    for (const section of doc.sections) expect(section.empty, section.id).toBeTruthy();
    expect(Object.values(figures(doc.sections)).every((v) => v === 0)).toBe(true);
  });
});
