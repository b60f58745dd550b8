// A section's chart as a PNG: stacked bars drawn as SVG and rendered by resvg with DejaVu Sans, as
// the sponsors' report draws its chart. Runs in the render worker (called by the PDF and DOCX renders).
import { createRequire } from "node:module";
import type { Resvg as ResvgType } from "@resvg/resvg-js";
import type { ReportChart } from "./report-source.js";

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");

export const CHART_SIZE = { width: 900, height: 440 } as const;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const shorten = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function stackedBarsSvg(chart: ReportChart): string {
  const { width, height } = CHART_SIZE;
  const [left, right, top, bottom] = [60, 20, 50, 90];
  const plotH = height - top - bottom;
  const n = Math.max(chart.categories.length, 1);
  const barW = (width - left - right) / n;
  const totals = chart.categories.map((_, i) => chart.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const scale = plotH / max;
  const parts = [
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="30" font-size="18">${esc(chart.title)}</text>`,
    `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#333"/>`,
    `<text x="${left - 8}" y="${top + 5}" font-size="12" text-anchor="end">${max}</text>`,
  ];
  chart.categories.forEach((category, i) => {
    let y = height - bottom;
    for (const s of chart.series) {
      const h = (s.values[i] ?? 0) * scale;
      if (h <= 0) continue;
      y -= h;
      parts.push(
        `<rect x="${(left + i * barW + barW * 0.15).toFixed(1)}" y="${y.toFixed(1)}" width="${(barW * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${esc(s.colour)}"/>`,
      );
    }
    const cx = left + i * barW + barW / 2;
    parts.push(
      `<text x="${cx.toFixed(1)}" y="${(y - 4).toFixed(1)}" font-size="12" text-anchor="middle">${totals[i] ?? 0}</text>`,
      `<text x="${cx.toFixed(1)}" y="${height - bottom + 18}" font-size="12" text-anchor="middle">${esc(shorten(category, Math.max(6, Math.floor(barW / 7.5))))}</text>`,
    );
  });
  chart.series.forEach((s, i) => {
    const x = left + i * 180;
    parts.push(`<rect x="${x}" y="${height - 30}" width="14" height="14" fill="${esc(s.colour)}"/>`);
    parts.push(`<text x="${x + 20}" y="${height - 18}" font-size="13">${esc(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans">${parts.join("")}</svg>`;
}

export function chartPng(chart: ReportChart): Buffer {
  // Loaded at the first chart, in the render worker: not held by the bot's thread (bench:memory).
  const { Resvg } = require("@resvg/resvg-js") as { Resvg: typeof ResvgType };
  const png = new Resvg(stackedBarsSvg(chart), {
    font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
