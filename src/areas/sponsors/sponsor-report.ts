// The sponsors' report for a year: per event and per sponsor, pledged against received and the
// benefits still owed; as CSV and XLSX; and a chart of contributions per month by type (PNG).
import { createRequire } from "node:module";
import type { Resvg as ResvgType } from "@resvg/resvg-js";
import { type LocaleCode, messages } from "../../i18n/index.js";
import { localDate } from "../../lib/clock.js";
import { csvFile } from "../../lib/csv.js";
import { decimalToCents, formatEuros } from "../../lib/money.js";
import { offLoop } from "../../lib/off-loop.js";
import { asPrintedTable } from "../../lib/xlsx-layout.js";
import { CONTRIBUTION_TYPES, type ContributionType } from "./sponsorship-validation.js";
import type { SponsorshipWithBenefits } from "./store.js";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

export interface ReportRow {
  event: string;
  organisation: string;
  type: ContributionType;
  status: string;
  pledgedCents: bigint;
  receivedCents: bigint;
  benefitsOutstanding: number;
}

export interface SponsorReport {
  year: number;
  rows: ReportRow[];
  byEvent: {
    event: string;
    pledgedCents: bigint;
    receivedCents: bigint;
    sponsors: number;
    benefitsOutstanding: number;
  }[];
  totals: { pledgedCents: bigint; receivedCents: bigint };
  /** Sponsors still being approached this year: not in the figures, but not "none" either. */
  prospects: number;
  /** Euro cents by month (0-11) and contribution type: what was received, or pledged when not yet. */
  byMonth: Record<ContributionType, bigint[]>;
}

/**
 * `timeZone` is the office's: an undated sponsorship counts in the month it was entered on the
 * office's calendar (entered on 31 December at 23:30 in Athens is December's, not January's).
 */
export function buildSponsorReport(
  year: number,
  sponsorships: SponsorshipWithBenefits[],
  locale: LocaleCode,
  timeZone: string,
): SponsorReport {
  const t = messages(locale).sponsors;
  const live = sponsorships.filter((s) => s.status !== "declined" && s.status !== "prospect");
  const rows: ReportRow[] = live.map((s) => ({
    event: s.eventName,
    organisation: s.organisation,
    type: s.contributionType,
    status: t.statuses[s.status],
    pledgedCents: decimalToCents(s.pledgedAmount),
    receivedCents: decimalToCents(s.receivedAmount),
    benefitsOutstanding: s.benefits.filter((b) => b.status === "pending").length,
  }));
  const events = new Map<string, SponsorReport["byEvent"][number]>();
  for (const r of rows) {
    const e = events.get(r.event) ?? {
      event: r.event,
      pledgedCents: 0n,
      receivedCents: 0n,
      sponsors: 0,
      benefitsOutstanding: 0,
    };
    e.pledgedCents += r.pledgedCents;
    e.receivedCents += r.receivedCents;
    e.sponsors++;
    e.benefitsOutstanding += r.benefitsOutstanding;
    events.set(r.event, e);
  }
  const byMonth = Object.fromEntries(
    CONTRIBUTION_TYPES.map((c) => [c, Array.from({ length: 12 }, () => 0n)]),
  ) as Record<ContributionType, bigint[]>;
  for (const s of live) {
    // An event's date is a calendar day (stored at UTC midnight); an entry's time is an instant.
    const month = s.eventDate ? s.eventDate.getUTCMonth() : Number(localDate(s.createdAt, timeZone).slice(5, 7)) - 1;
    const cents = s.receivedAmount !== null ? decimalToCents(s.receivedAmount) : decimalToCents(s.pledgedAmount);
    const series = byMonth[s.contributionType];
    series[month] = (series[month] ?? 0n) + cents;
  }
  return {
    year,
    rows,
    byEvent: [...events.values()],
    totals: {
      pledgedCents: rows.reduce((a, r) => a + r.pledgedCents, 0n),
      receivedCents: rows.reduce((a, r) => a + r.receivedCents, 0n),
    },
    byMonth,
    prospects: sponsorships.filter((s) => s.status === "prospect").length,
  };
}

function cells(r: ReportRow, locale: LocaleCode): string[] {
  const t = messages(locale).sponsors;
  return [
    r.event,
    r.organisation,
    t.types[r.type],
    r.status,
    formatEuros(r.pledgedCents, locale),
    formatEuros(r.receivedCents, locale),
    String(r.benefitsOutstanding),
  ];
}

export function reportCsv(report: SponsorReport, locale: LocaleCode): Buffer {
  return csvFile(
    [[...messages(locale).sponsors.columns], ...report.rows.map((r) => cells(r, locale))],
    locale === "el" ? ";" : ",",
  );
}

export async function reportXlsx(report: SponsorReport, locale: LocaleCode): Promise<Buffer> {
  // Imported at the first render, in the render worker: not held by the bot's thread (bench:memory).
  const { default: ExcelJS } = await import("exceljs");
  const t = messages(locale).sponsors;
  const book = new ExcelJS.Workbook();
  book.creator = "Grafeio";
  const sheet = book.addWorksheet(t.sheetName);
  sheet.columns = t.columns.map((header, i) => ({ header, width: [30, 30, 14, 16, 16, 16, 12][i] ?? 16 }));
  for (const r of report.rows) {
    // Amounts as numbers in the sheet (Excel sums them), from exact cents: no float arithmetic.
    sheet.addRow([
      r.event,
      r.organisation,
      t.types[r.type],
      r.status,
      Number(r.pledgedCents) / 100,
      Number(r.receivedCents) / 100,
      r.benefitsOutstanding,
    ]);
  }
  sheet.getColumn(5).numFmt = '#,##0.00 "€"';
  sheet.getColumn(6).numFmt = '#,##0.00 "€"';
  asPrintedTable(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const COLOURS: Record<ContributionType, string> = {
  money: "#1d4f91",
  goods: "#e69f00",
  services: "#009e73",
  media: "#cc79a7",
};
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Stacked bars of euros per month by contribution type, drawn as SVG and rendered to PNG. */
export function reportChartPng(report: SponsorReport, locale: LocaleCode): Buffer {
  const t = messages(locale).sponsors;
  const [width, height, left, bottom, top] = [900, 420, 90, 60, 50];
  const plotH = height - bottom - top;
  const barW = (width - left - 20) / 12;
  const monthTotals = Array.from({ length: 12 }, (_, m) =>
    CONTRIBUTION_TYPES.reduce((a, c) => a + (report.byMonth[c][m] ?? 0n), 0n),
  );
  // bigint cents: Math.max would turn them into floats.
  let max = 0n;
  for (const total of monthTotals) if (total > max) max = total;
  const scale = max > 0n ? plotH / Number(max) : 0;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="30" font-size="18">${esc(t.chartTitle(report.year))}</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#333"/>`,
  ];
  for (let m = 0; m < 12; m++) {
    let y = height - bottom;
    for (const c of CONTRIBUTION_TYPES) {
      const h = Number(report.byMonth[c][m] ?? 0n) * scale;
      if (h > 0) {
        y -= h;
        parts.push(
          `<rect x="${left + m * barW + 6}" y="${y.toFixed(1)}" width="${(barW - 12).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[c]}"/>`,
        );
      }
    }
    parts.push(
      `<text x="${left + m * barW + barW / 2}" y="${height - bottom + 20}" font-size="13" text-anchor="middle">${esc(t.monthsShort[m] ?? "")}</text>`,
    );
  }
  parts.push(
    `<text x="${left - 8}" y="${top + 5}" font-size="12" text-anchor="end">${esc(formatEuros(max, locale))}</text>`,
  );
  CONTRIBUTION_TYPES.forEach((c, i) => {
    const x = left + i * 180;
    parts.push(`<rect x="${x}" y="${height - 22}" width="14" height="14" fill="${COLOURS[c]}"/>`);
    parts.push(`<text x="${x + 20}" y="${height - 10}" font-size="13">${esc(t.types[c])}</text>`);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans">${parts.join("")}</svg>`;
  // Loaded at the first chart, in the render worker: not held by the bot's thread (bench:memory).
  const { Resvg } = require("@resvg/resvg-js") as { Resvg: typeof ResvgType };
  const png = new Resvg(svg, { font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" } })
    .render()
    .asPng();
  return Buffer.from(png);
}

/** The XLSX and the chart rendered in the render worker (the report is plain data: bigints, Dates). */
export const reportXlsxOffLoop = offLoop(import.meta.url, reportXlsx);
export const reportChartPngOffLoop = offLoop(import.meta.url, reportChartPng);
