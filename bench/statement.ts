// npm run bench:statement — what one trivial statement costs through Prisma and through the
// database driver (db.reader), on PGlite and on PostgreSQL (a benchmark, not a test). Why the
// clippings search reads through the driver: see src/db/sql-reader.ts. Prints a table, then one
// JSON line. PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server.
import { performance } from "node:perf_hooks";
import { type Database, openDatabase } from "../src/db/database.js";
import { Prisma } from "../src/generated/prisma/client.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1000);
const PLANNER = { enable_seqscan: "off", enable_indexscan: "off", max_parallel_workers_per_gather: "0" };

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? Number.NaN).toFixed(3));
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < 100; i++) await run(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run();
    ms.push(performance.now() - t0);
  }
  return { p50: pct(ms, 50), p95: pct(ms, 95) };
}

async function measure(db: Database) {
  const { prisma, reader } = db;
  const select1 = Prisma.sql`SELECT ${1}::int AS one`;
  return {
    "prisma $queryRaw": await time(() => prisma.$queryRaw(select1)),
    // How the search set its planner before: a batch transaction of the settings and the statement.
    "prisma $transaction [set_config, statement]": await time(() =>
      prisma.$transaction([
        prisma.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
          set_config('max_parallel_workers_per_gather', '0', true)`,
        prisma.$queryRaw(select1),
      ]),
    ),
    "reader.read": await time(() => reader.read(select1)),
    "reader.read with planner settings": await time(() => reader.read(select1, PLANNER)),
  };
}

const results: Record<string, Record<string, { p50: number; p95: number }>> = {};
{
  const db = await openDatabase({ dataDir: "memory://" });
  results.pglite = await measure(db);
  await db.close();
}
const url =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
try {
  const db = await openDatabase({ databaseUrl: url, dataDir: "unused" });
  try {
    results.postgres = await measure(db);
  } finally {
    await db.close();
  }
} catch (error) {
  console.log(`PostgreSQL not measured: ${(error as Error).message}`);
}

console.log(`SELECT 1, ${ROUNDS} times each, one after another`);
console.log("| engine | path | p50 | p95 |");
console.log("|---|---|---:|---:|");
for (const [engine, paths] of Object.entries(results)) {
  for (const [path, r] of Object.entries(paths)) console.log(`| ${engine} | ${path} | ${r.p50} ms | ${r.p95} ms |`);
}
console.log(JSON.stringify({ benchmark: "statement", rounds: ROUNDS, results }));
