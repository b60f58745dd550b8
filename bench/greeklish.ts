// npm run bench:greeklish [-- <older checkout> …] — how many of the ways people type common Greek
// first names the name-day look-up understands (a measure, not a test). The pairs are
// test/fixtures/greeklish-names.json: Greeklish spellings (Giorgos, Yiannis, Vassilis, Hlias…)
// and English names (Helen, Peter, Mary…), each with the Greek name it stands for. A spelling is
// found when `/giortes <spelling>` names a feast of that Greek name. Runs this checkout, and each
// checkout named after it with its own code and dataset (`npm run bench:greeklish -- /work/main`
// gives the figures before a change). Prints a table, then one JSON line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface Fixture {
  greeklish: [string, string][];
  english: [string, string][];
}
interface Lookup {
  lookup(name: string): { key: string }[];
}

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixture = JSON.parse(readFileSync(path.join(here, "test/fixtures/greeklish-names.json"), "utf8")) as Fixture;

async function calendarOf(checkout: string): Promise<Lookup> {
  const module = (await import(
    pathToFileURL(path.join(checkout, "src/calendar/namedays/nameday-calendar.ts")).href
  )) as { NameDayCalendar: { load(): Lookup } };
  return module.NameDayCalendar.load();
}

function measure(calendar: Lookup, pairs: [string, string][]) {
  let known = 0;
  let found = 0;
  const missed: string[] = [];
  for (const [greek, typed] of pairs) {
    const wanted = new Set(calendar.lookup(greek).map((m) => m.key));
    if (wanted.size === 0) continue; // the Greek name is not in that checkout's calendar
    known++;
    if (calendar.lookup(typed).some((m) => wanted.has(m.key))) found++;
    else missed.push(typed);
  }
  return { pairs: known, found, share: known ? Math.round((1000 * found) / known) / 10 : 0, missed };
}

const checkouts = [here, ...process.argv.slice(2).map((p) => path.resolve(p))];
const results: Record<string, { greeklish: ReturnType<typeof measure>; english: ReturnType<typeof measure> }> = {};
for (const checkout of checkouts) {
  const calendar = await calendarOf(checkout);
  results[checkout] = { greeklish: measure(calendar, fixture.greeklish), english: measure(calendar, fixture.english) };
}

const rows = Object.entries(results).map(([checkout, r]) => [
  checkout === here ? `${path.basename(checkout)} (this)` : path.basename(checkout),
  `${r.greeklish.found}/${r.greeklish.pairs} (${r.greeklish.share}%)`,
  `${r.english.found}/${r.english.pairs} (${r.english.share}%)`,
]);
const header = ["checkout", "Greeklish found", "English found"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
process.stdout.write(`${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
for (const [checkout, r] of Object.entries(results)) {
  const missed = [...r.greeklish.missed, ...r.english.missed];
  if (missed.length) process.stdout.write(`missed by ${path.basename(checkout)}: ${missed.join(", ")}\n`);
}
process.stdout.write(
  `${JSON.stringify(
    Object.fromEntries(
      Object.entries(results).map(([checkout, r]) => [
        checkout,
        {
          greeklish: { pairs: r.greeklish.pairs, found: r.greeklish.found, share: r.greeklish.share },
          english: { pairs: r.english.pairs, found: r.english.found, share: r.english.share },
        },
      ]),
    ),
  )}\n`,
);
