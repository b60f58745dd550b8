// npm run bench:search — the clippings search at scale (a benchmark, not a test).
// Seeds 100,000 realistic clippings (Greek and English) on PGlite and on PostgreSQL, then runs 200
// queries through the real search, beside a plain ILIKE '%…%' scan of the same words. Prints a
// table, then one JSON line. PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the
// local server; a fresh database is created and dropped.
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createClippingSearch } from "../src/areas/clippings/clipping-search.js";
import { isSearchQueryError, parseSearchQuery } from "../src/areas/clippings/search-query.js";
import { pgConfigFromUrl } from "../src/db/adapter.js";
import { type Database, openDatabase } from "../src/db/database.js";
import { systemClock } from "../src/lib/clock.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const BATCH = 1000;
const TODAY = Date.parse(new Date().toISOString().slice(0, 10));

// A small deterministic random generator (mulberry32), so that every run seeds the same register.
// In 32-bit integer arithmetic: the linear congruential one this replaced multiplied past 2^53 in
// floating point, fell into a cycle of 10,466 draws and seeded only 1,033 distinct clippings.
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
  "Ο πρόεδρος της δημοτικής κοινότητας",
  "Η Περιφέρεια Αττικής",
  "Ο σύλλογος γονέων",
  "Η δημοτική αστυνομία",
  "Το Κέντρο Κοινωνικής Πρόνοιας",
  "Η ΚΕΔΕ",
];
const verbs = [
  "εγκαινίασε",
  "ανακοίνωσε",
  "ενέκρινε",
  "καταγγέλλουν",
  "παρουσίασε",
  "ζητά",
  "υπέγραψε",
  "επισκέφθηκε",
  "χρηματοδοτεί",
  "αναβάλλει",
];
const objects = [
  "το νέο πάρκο",
  "την ανάπλαση της πλατείας",
  "πρόγραμμα ανακύκλωσης",
  "έργα ασφαλτόστρωσης",
  "τη λειτουργία παιδικού σταθμού",
  "το φεστιβάλ θεάτρου",
  "νέα λεωφορειακή γραμμή",
  "τον προϋπολογισμό του 2027",
  "μέτρα για την κυκλοφορία",
  "δενδροφυτεύσεις στα σχολεία",
  "τη συντήρηση των αθλητικών κέντρων",
  "ψηφιακές υπηρεσίες για τους δημότες",
];
const places = [
  "στο Μαρούσι",
  "στην οδό Κηφισίας",
  "στο Ολυμπιακό Στάδιο",
  "στη Νέα Λέσβο",
  "στο κέντρο της πόλης",
  "στα Πεύκα",
  "στο Άλσος Συγγρού",
  "στην Αγία Φιλοθέη",
];
const enSubjects = [
  "The Mayor of Marousi",
  "The city council",
  "Residents of Marousi",
  "The regional governor",
  "Local businesses",
];
const enVerbs = ["opens", "announces", "approves", "complains about", "presents", "funds", "postpones"];
const enObjects = [
  "a new park",
  "the square redevelopment",
  "a recycling programme",
  "road works",
  "the theatre festival",
  "a new bus line",
  "the 2027 budget",
  "traffic measures",
  "tree planting in schools",
];
const outlets = [
  "Η Καθημερινή",
  "Τα Νέα",
  "Το Βήμα",
  "Πρώτο Θέμα",
  "ΕΡΤ",
  "ΣΚΑΪ",
  "Lifo",
  "in.gr",
  "Naftemporiki",
  "Athens News",
  "Ekathimerini",
  "Η Αυγή",
  "Εφημερίδα των Συντακτών",
  "ΑΠΕ-ΜΠΕ",
  "Real News",
  "Documento",
  "CNN Greece",
  "Παραπολιτικά",
  "Marousi Press",
  "Βόρεια Προάστια",
];
const media = ["print", "online", "tv", "radio", "news_agency"] as const;
const tones = ["positive", "neutral", "negative"] as const;

function clipping(i: number) {
  const english = rand() < 0.2;
  const title = english
    ? `${pick(enSubjects)} ${pick(enVerbs)} ${pick(enObjects)}`
    : `${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(places)}`;
  const summary = english
    ? `${pick(enSubjects)} ${pick(enVerbs)} ${pick(enObjects)}. ${pick(enSubjects)} ${pick(enVerbs)} ${pick(enObjects)}.`
    : `${pick(subjects)} ${pick(verbs)} ${pick(objects)}. ${pick(subjects)} ${pick(verbs)} ${pick(objects)} ${pick(places)}.`;
  // The last 1,000 days up to today, as a register kept up to date holds them.
  const published = new Date(TODAY - Math.floor(rand() * 1000) * 86400_000).toISOString().slice(0, 10);
  return {
    i,
    title,
    summary,
    outlet: pick(outlets),
    medium: pick(media),
    tone: pick(tones),
    published,
    topics: english ? "Culture Πολιτισμός" : "Περιβάλλον και πράσινο Environment",
  };
}

const greekQueries = [
  "δημαρχος παρκο",
  "ΠΡΟΫΠΟΛΟΓΙΣΜΟΣ",
  "ανακυκλωση",
  "πλατεια αναπλαση",
  "φεστιβαλ θεατρου",
  "λεωφορειακη γραμμη",
  "παιδικος σταθμος",
  "δενδροφυτευσεις σχολεια",
  "κυκλοφορια μετρα",
  "ασφαλτοστρωση",
];
const greeklishQueries = [
  "dimarxos parko",
  "anakyklosi",
  "plateia",
  "festival theatrou",
  "proypologismos",
  "dimotiko symvoulio",
];
const englishQueries = ["mayor park", "recycling programme", "bus line", "theatre festival", "budget", "road works"];
const filters = ["", "", "", " τόνος:αρνητικό", " από:2025-01-01", " είδος:έντυπο", " μέσο:kathimerini"];
const queries = Array.from({ length: QUERIES }, () => {
  const r = rand();
  const words = r < 0.5 ? pick(greekQueries) : r < 0.75 ? pick(greeklishQueries) : pick(englishQueries);
  return `${words}${pick(filters)}`;
});

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN).toFixed(2));
}

async function seedRows(db: Database): Promise<number> {
  const started = performance.now();
  for (let start = 0; start < ROWS; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, ROWS - start) }, (_, k) => clipping(start + k));
    const values: unknown[] = [];
    const tuples = rows.map((c, k) => {
      const year = Number(c.published.slice(0, 4));
      values.push(year, c.i + 1, c.title, c.outlet, c.published, c.medium, c.tone, c.summary, `bench-${c.i}`, c.topics);
      const o = k * 10;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}::date, $${o + 6}::"Medium", $${o + 7}::"Tone", 'municipality', $${o + 8}, 'UBENCH', $${o + 9}, $${o + 10})`;
    });
    await db.prisma.$executeRawUnsafe(
      `INSERT INTO clippings (register_year, register_seq, title, outlet, published_on, medium, tone, scope, summary, created_by, submission_key, topic_names) VALUES ${tuples.join(", ")}`,
      ...values,
    );
  }
  const rate = ROWS / ((performance.now() - started) / 1000);
  await db.prisma.$executeRawUnsafe("ANALYZE clippings");
  const [{ distinct }] = await db.prisma.$queryRawUnsafe<[{ distinct: bigint }]>(
    "SELECT count(DISTINCT (title, summary, outlet, published_on)) AS distinct FROM clippings",
  );
  console.log(`seeded ${ROWS.toLocaleString("en")} clippings, ${Number(distinct).toLocaleString("en")} distinct`);
  return rate;
}

async function measure(db: Database) {
  const search = createClippingSearch({ reader: db.reader, clock: systemClock, timeZone: "Europe/Athens" });
  const parsed = queries.map((q) => {
    const p = parseSearchQuery(q);
    if (isSearchQueryError(p)) throw new Error(q);
    return p;
  });
  for (const q of parsed.slice(0, 10)) await search.searchClippings(q); // warm-up
  const fts: number[] = [];
  const ilike: number[] = [];
  const slowest: [number, string][] = [];
  let found = 0;
  for (const [k, q] of parsed.entries()) {
    let t0 = performance.now();
    const r = await search.searchClippings(q);
    fts.push(performance.now() - t0);
    slowest.push([performance.now() - t0, queries[k] ?? ""]);
    if (r.total > 0) found++;
    // The baseline a spreadsheet-minded implementation would write: every word somewhere, ILIKE.
    const words = q.words.split(/\s+/).filter(Boolean);
    const cond =
      words
        .map((_, k) => `(title ILIKE $${k + 1} OR summary ILIKE $${k + 1} OR outlet ILIKE $${k + 1})`)
        .join(" AND ") || "true";
    t0 = performance.now();
    await db.prisma.$queryRawUnsafe(
      `SELECT id, title FROM clippings WHERE ${cond} ORDER BY published_on DESC LIMIT 10`,
      ...words.map((w) => `%${w}%`),
    );
    ilike.push(performance.now() - t0);
  }
  if (process.env.BENCH_SHOW_SLOWEST) {
    for (const [ms, text] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 12))
      console.log(`${ms.toFixed(1)} ms  ${text}`);
  }
  return { fts: { p50: pct(fts, 50), p95: pct(fts, 95) }, ilike: { p50: pct(ilike, 50), p95: pct(ilike, 95) }, found };
}

const results: Record<
  string,
  { insertsPerSecond: number; fts: { p50: number; p95: number }; ilike: { p50: number; p95: number }; found: number }
> = {};

// While tuning: BENCH_REUSE_DATABASE=<url of a database kept by BENCH_KEEP_DATABASE> measures it
// again without seeding (PostgreSQL only).
const reuse = process.env.BENCH_REUSE_DATABASE;
if (reuse) {
  const db = await openDatabase({ databaseUrl: reuse, dataDir: "unused" });
  results.postgres = { insertsPerSecond: 0, ...(await measure(db)) };
  await db.close();
}

if (!process.env.BENCH_SKIP_PGLITE && !reuse) {
  const db = await openDatabase({ dataDir: "memory://" });
  await db.migrate();
  const insertsPerSecond = await seedRows(db);
  results.pglite = { insertsPerSecond: Math.round(insertsPerSecond), ...(await measure(db)) };
  await db.close();
}

const baseUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `grafeio_bench_${Date.now()}`;
if (!reuse)
  try {
    const admin = new pg.Client(pgConfigFromUrl(baseUrl));
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
    try {
      await db.migrate();
      const insertsPerSecond = await seedRows(db);
      results.postgres = { insertsPerSecond: Math.round(insertsPerSecond), ...(await measure(db)) };
    } finally {
      await db.close();
      if (process.env.BENCH_KEEP_DATABASE) console.log(`kept ${url}`);
      else {
        const c = new pg.Client(pgConfigFromUrl(baseUrl));
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      }
    }
  } catch (error) {
    console.log(`PostgreSQL not measured: ${(error as Error).message}`);
  }

console.log(
  `${ROWS.toLocaleString("en")} clippings, ${QUERIES} queries (50% Greek, 25% Greeklish, 25% English; some with filters)`,
);
console.log(
  "| engine | seed rows/s | search p50 | search p95 | ILIKE p50 | ILIKE p95 | p95 speed-up | queries with results |",
);
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const [engine, r] of Object.entries(results)) {
  console.log(
    `| ${engine} | ${r.insertsPerSecond} | ${r.fts.p50} ms | ${r.fts.p95} ms | ${r.ilike.p50} ms | ${r.ilike.p95} ms | ${(r.ilike.p95 / r.fts.p95).toFixed(1)}× | ${r.found}/${QUERIES} |`,
  );
}
console.log("goals: p95 < 30 ms on PostgreSQL, < 150 ms on PGlite, ≥ 20× faster than the ILIKE scan");
console.log(
  JSON.stringify({
    benchmark: "search",
    rows: ROWS,
    queries: QUERIES,
    results,
    goals: { postgres_p95_ms: 30, pglite_p95_ms: 150, speedup: 20 },
  }),
);
