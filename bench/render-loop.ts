// npm run bench:render — how long the event loop stalls while an export renders (a benchmark, not a
// test). Builds 1,600 realistic clippings in memory (Greek titles and summaries, outlets, topics, some
// withdrawn), as many letters and gifts, 400 sponsorships and 200 guests, and renders every export
// format the bot sends while a 1 ms timer and perf_hooks' monitorEventLoopDelay watch the loop:
// "before" calls the render on the event loop, as the listeners did; "after" calls what they call
// now (the render worker, src/lib/off-loop.ts; the CSVs stay on the loop). "stall" is the longest the
// loop could not run anything (what an ack arriving then would have waited), the worst of the runs;
// "total" the render's wall time, their mean. Prints a table, then one JSON line.
// BENCH_ROWS (1600) and BENCH_RUNS (5) change the sizes.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { type ExportRow, exportRowsOf, toCsv, toXlsx, toXlsxOffLoop } from "../src/areas/clippings/clipping-export.js";
import { registerPdf, registerPdfOffLoop } from "../src/areas/clippings/register-pdf.js";
import type { ClippingRecord } from "../src/areas/clippings/store.js";
import { MEDIA, SCOPES, TONES } from "../src/areas/clippings/validation.js";
import { lettersCsv, lettersXlsx, lettersXlsxOffLoop } from "../src/areas/correspondence/letter-export.js";
import type { Letter } from "../src/areas/correspondence/letter-service.js";
import { type GiftExportRow, giftsCsv, giftsXlsx, giftsXlsxOffLoop } from "../src/areas/events/gift-export.js";
import type { OrderedGuest } from "../src/areas/events/precedence.js";
import { precedencePdf, precedencePdfOffLoop } from "../src/areas/events/precedence-pdf.js";
import {
  reportChartPng,
  reportChartPngOffLoop,
  reportCsv,
  reportXlsx,
  reportXlsxOffLoop,
  type SponsorReport,
} from "../src/areas/sponsors/sponsor-report.js";
import { CONTRIBUTION_TYPES } from "../src/areas/sponsors/sponsorship-validation.js";
import { stopRenderWorker } from "../src/lib/off-loop.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 1600);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
let state = 20261122;
const rand = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const subjects = [
  "Ο Δήμαρχος Αμαρουσίου",
  "Το δημοτικό συμβούλιο",
  "Η αντιδήμαρχος καθαριότητας",
  "Οι κάτοικοι του Μαρουσιού",
  "Η Περιφέρεια Αττικής",
  "Ο σύλλογος γονέων",
];
const verbs = ["εγκαινίασε", "ανακοίνωσε", "ενέκρινε", "καταγγέλλουν", "παρουσίασε", "ζητά"];
const objects = [
  "το νέο πάρκο",
  "την ανάπλαση της πλατείας",
  "πρόγραμμα ανακύκλωσης",
  "έργα ασφαλτόστρωσης",
  "τον προϋπολογισμό του 2027",
  "ψηφιακές υπηρεσίες για τους δημότες",
];
const places = ["στο Μαρούσι", "στην οδό Κηφισίας", "στο Ολυμπιακό Στάδιο", "στη Νέα Λέσβο", "στα Πεύκα"];
const outlets = ["Η Καθημερινή", "Τα Νέα", "ΕΡΤ", "Πρώτο Θέμα", "in.gr", "Η Αυγή", "ertnews.gr", "Βόρεια Προάστια"];
const topics = [
  { id: 1, nameEl: "Πολιτισμός", nameEn: "Culture" },
  { id: 2, nameEl: "Περιβάλλον και πράσινο", nameEn: "Environment" },
  { id: 3, nameEl: "Καθαριότητα", nameEn: "Cleaning" },
  { id: 4, nameEl: "Οικονομικά", nameEn: "Finance" },
  { id: 5, nameEl: "Συγκοινωνίες", nameEn: "Transport" },
];
const sentence = () => `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(places)}`;

function clippings(n: number): ClippingRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    registerNumber: `2026/${String(i + 1).padStart(4, "0")}`,
    publishedOn: `2026-11-${String(1 + (i % 30)).padStart(2, "0")}`,
    title: rand() < 0.3 ? `${sentence()}: ${sentence().toLowerCase()}` : sentence(),
    outlet: pick(outlets),
    medium: pick(MEDIA),
    tone: pick(TONES),
    scope: pick(SCOPES),
    url: rand() < 0.8 ? `https://news.example.gr/2026/11/${i + 1}` : null,
    summary: rand() < 0.7 ? `${sentence()}. ${sentence()}. ${sentence()}.` : null,
    createdBy: "U0STAFF01",
    createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 30), 9, i % 60)),
    withdrawReason: rand() < 0.03 ? "Διπλή καταχώριση" : null,
    withdrawn: false,
    topics: topics.filter(() => rand() < 0.35),
  })).map((c) => ({ ...c, withdrawn: c.withdrawReason !== null }));
}

interface Measured {
  stallMs: number;
  totalMs: number;
  bytes: number;
}

/** Runs `render` while a 1 ms timer and the loop-delay histogram watch the event loop. */
async function measure(render: () => Promise<Buffer>): Promise<Measured> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longestGap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  // Let the probe settle first.
  await new Promise((r) => setTimeout(r, 20));
  longestGap = 0;
  histogram.enable();
  last = performance.now();
  const started = performance.now();
  const file = await render();
  const totalMs = performance.now() - started;
  // One more tick, so that a stall at the very end is seen too.
  await new Promise((r) => setTimeout(r, 5));
  histogram.disable();
  clearInterval(probe);
  return { stallMs: Math.max(longestGap, histogram.max / 1e6), totalMs, bytes: file.length };
}

function letters(n: number): Letter[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    registerYear: 2026,
    registerSeq: i + 1,
    direction: pick(["incoming", "outgoing"] as const),
    kind: pick(["letter", "call_for_interest", "invitation"] as const),
    letterDate: new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
    counterpart: pick(["Δήμος Λευκωσίας", "Ville de Saint-Maur", "Embassy of Canada", "Stadt Bonn"]),
    contactId: null,
    country: pick(["CY", "FR", "CA", "DE", null]),
    subject: `${sentence()}: ${sentence().toLowerCase()}`,
    language: pick(["en", "fr", "de", null]),
    documentUrl: rand() < 0.5 ? `https://docs.example.gr/${i}` : null,
    translationRequestId: rand() < 0.2 ? i : null,
    dueOn: rand() < 0.5 ? new Date(Date.UTC(2026, i % 12, 28)) : null,
    briefing: rand() < 0.3 ? `${sentence()}. ${sentence()}.` : null,
    status: pick(["open", "answered", "declined", "filed"] as const),
    closedBy: null,
    closedAt: null,
    createdBy: "U0STAFF01",
    submissionKey: null,
    createdAt: new Date(Date.UTC(2026, i % 12, 1 + (i % 28), 10)),
  }));
}

function gifts(n: number): GiftExportRow[] {
  return Array.from({ length: n }, (_, i) => ({
    event: `${pick(["Συναυλία", "Έκθεση", "Υποδοχή αντιπροσωπείας"])} ${i % 80}`,
    day: `2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    what: pick(["Κεραμικό του Αμαρουσίου", "Βιβλίο για την ιστορία της πόλης", "Λεύκωμα"]),
    forWhom: pick(["Πρέσβης της Γαλλίας", "Μητροπολίτης Κηφισίας", "Δήμαρχος Λευκωσίας"]),
    costCents: rand() < 0.8 ? BigInt(Math.floor(rand() * 20000)) : null,
    addedBy: "U0STAFF01",
  }));
}

function sponsorReport(n: number): SponsorReport {
  const rows = Array.from({ length: n }, (_, i) => ({
    event: `Φεστιβάλ ${i % 40}`,
    organisation: `Εταιρεία ${i}`,
    type: pick(CONTRIBUTION_TYPES),
    status: "Δεσμεύτηκε",
    pledgedCents: BigInt(Math.floor(rand() * 1_000_000)),
    receivedCents: BigInt(Math.floor(rand() * 1_000_000)),
    benefitsOutstanding: i % 4,
  }));
  const byMonth = Object.fromEntries(
    CONTRIBUTION_TYPES.map((c) => [c, Array.from({ length: 12 }, () => BigInt(Math.floor(rand() * 5_000_000)))]),
  ) as SponsorReport["byMonth"];
  return {
    year: 2026,
    rows,
    byEvent: [],
    totals: { pledgedCents: 0n, receivedCents: 0n },
    prospects: 0,
    byMonth,
  };
}

function guests(n: number): OrderedGuest[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `${pick(["Γεώργιος", "Μαρία", "Ιωάννης", "Ελένη"])} ${pick(["Παπαδόπουλος", "Κωνσταντίνου", "Νικολάου"])}`,
    office: pick(["Υφυπουργός Πολιτισμού", "Βουλευτής Βόρειου Τομέα Αθηνών", "Πρέσβης της Γαλλίας", "Αντιδήμαρχος"]),
    tieDate: null,
    position: i % 50 === 0 ? i + 1 : null,
    overrideReason: i % 50 === 0 ? "Οικοδεσπότης" : null,
    rank: i % 7 === 0 ? null : i,
    byTable: i,
  }));
}

const rows: ExportRow[] = exportRowsOf(clippings(ROWS), "el", "Europe/Athens");
const letterRows = letters(ROWS);
const giftRows = gifts(ROWS);
const report = sponsorReport(400);
const guestRows = guests(200);
const pdfOptions = { locale: "el" as const, periodLabel: "11/2026", office: "Γραφείο Επικοινωνίας" };
const precedence = {
  title: "Υποδοχή αντιπροσωπείας",
  subtitle: "Σάββατο 12/12/2026 19:00, Δημαρχείο",
  unranked: "Χωρίς θέση στον πίνακα",
  speeches: "Σειρά ομιλιών",
};

type Run = () => Promise<Buffer>;
const formats: { name: string; before: Run; after?: Run }[] = [
  // Nothing rendered, 200 ms of waiting: the stall the machine's own load causes (its noise floor).
  { name: "(idle 200 ms)", before: () => new Promise((r) => setTimeout(() => r(Buffer.alloc(0)), 200)) },
  { name: "clippings CSV", before: async () => toCsv(rows, "el") },
  { name: "clippings XLSX", before: () => toXlsx(rows, "el"), after: () => toXlsxOffLoop(rows, "el") },
  {
    name: "clippings PDF",
    before: () => registerPdf(rows, pdfOptions),
    after: () => registerPdfOffLoop(rows, pdfOptions),
  },
  { name: "letters CSV", before: async () => lettersCsv(letterRows, "el", "Europe/Athens") },
  {
    name: "letters XLSX",
    before: () => lettersXlsx(letterRows, "el", "Europe/Athens"),
    after: () => lettersXlsxOffLoop(letterRows, "el", "Europe/Athens"),
  },
  { name: "gifts CSV", before: async () => giftsCsv(giftRows, "el") },
  {
    name: "gifts XLSX",
    before: () => giftsXlsx(giftRows, "el", 2026),
    after: () => giftsXlsxOffLoop(giftRows, "el", 2026),
  },
  { name: "sponsors CSV", before: async () => reportCsv(report, "el") },
  { name: "sponsors XLSX", before: () => reportXlsx(report, "el"), after: () => reportXlsxOffLoop(report, "el") },
  {
    name: "sponsors PNG",
    before: async () => reportChartPng(report, "el"),
    after: () => reportChartPngOffLoop(report, "el"),
  },
  {
    name: "precedence PDF",
    before: () => precedencePdf(guestRows, { ...precedence, byHand: (r) => `Θέση ορισμένη: ${r}` }),
    after: () =>
      precedencePdfOffLoop(guestRows, {
        ...precedence,
        byHand: new Map([["Οικοδεσπότης", "Θέση ορισμένη: Οικοδεσπότης"]]),
      }),
  },
];

const summarise = (runs: Measured[]): Measured => ({
  stallMs: Math.max(...runs.map((r) => r.stallMs)),
  totalMs: runs.reduce((a, r) => a + r.totalMs, 0) / runs.length,
  bytes: runs[0]?.bytes ?? 0,
});

// The first render in a fresh process starts the worker (Node, tsx, pdfkit, the fonts): measured
// before anything else has warmed it.
const firstAfter = await measure(() => registerPdfOffLoop(rows, pdfOptions));

const results: Record<string, { before: Measured; after?: Measured }> = {};
for (const f of formats) {
  const entry: { before: Measured; after?: Measured } = { before: { stallMs: 0, totalMs: 0, bytes: 0 } };
  for (const [side, render] of [
    ["before", f.before],
    ["after", f.after],
  ] as const) {
    if (!render) continue;
    await render(); // warm up (modules, fonts, the JIT; the worker's own imports)
    const runs: Measured[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(render));
    entry[side] = summarise(runs);
  }
  results[f.name] = entry;
}
await stopRenderWorker();

const ms = (n: number | undefined) => (n === undefined ? "(same)" : `${n.toFixed(0)} ms`);
const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd([18, 14, 14, 14, 14, 10][i] ?? 10)).join("")}\n`;
process.stdout.write(
  `${ROWS} clippings, letters and gifts; 400 sponsorships; 200 guests; worst/mean of ${RUNS} runs\n`,
);
process.stdout.write(line(["format", "stall before", "total before", "stall after", "total after", "bytes"]));
for (const [name, r] of Object.entries(results))
  process.stdout.write(
    line([
      name,
      ms(r.before.stallMs),
      ms(r.before.totalMs),
      ms(r.after?.stallMs),
      ms(r.after?.totalMs),
      String(r.before.bytes),
    ]),
  );
process.stdout.write(
  `first render in the worker (starts it): clippings PDF stall ${ms(firstAfter.stallMs)}, total ${ms(firstAfter.totalMs)}\n`,
);
process.stdout.write(`${JSON.stringify({ rows: ROWS, runs: RUNS, firstAfter, results })}\n`);
