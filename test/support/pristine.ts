// A migrated database put back exactly as the migrations left it, so that the tests' pools
// (pglite-pool.ts, postgres-pool.ts) can hand one database from a test file to the next instead of
// copying the template for each. The same SQL on both engines:
// - every table that has rows is emptied (TRUNCATE … RESTART IDENTITY) and the rows the migrations
//   seeded (topics, departments, categories…) are put back, with every sequence where it was;
// - a database whose schema a test changed (a table, a column, a function, a trigger) is not put
//   back: its catalogue's fingerprint is no longer the template's, and the pool drops it.
import type { SqlSession } from "../../src/db/migrate.js";

export interface Pristine {
  fingerprint: string;
  /** Tables to empty when they have rows: every table but the migrations' own. */
  tables: string[];
  /** The rows the migrations left, per table (only tables that have any), as JSON. */
  seeds: { table: string; columns: string[]; rows: string }[];
  /** SELECT setval(…) for every sequence, back to where the template left it. */
  resetSequences: string;
}

const MIGRATION_TABLES = new Set(["_prisma_migrations"]);

/** The catalogue as far as a test could change it: relations and their columns, functions, triggers. */
const FINGERPRINT = `
  SELECT md5(
    (SELECT coalesce(string_agg(c.oid || ':' || c.relname || ':' || c.relkind::text || ':' || c.relnatts, ',' ORDER BY c.oid), '')
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
        AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%') || '|' ||
    (SELECT coalesce(string_agg(a.attrelid || ':' || a.attnum || ':' || a.atttypid || ':' || a.attnotnull || ':' || a.attisdropped, ',' ORDER BY a.attrelid, a.attnum), '')
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attrelid >= 16384 AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%') || '|' ||
    (SELECT coalesce(string_agg(p.oid || ':' || md5(p.prosrc), ',' ORDER BY p.oid), '')
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public') || '|' ||
    (SELECT coalesce(string_agg(t.oid || ':' || t.tgenabled::text, ',' ORDER BY t.oid), '') FROM pg_trigger t)
  ) AS fingerprint`;

async function fingerprintOf(session: SqlSession): Promise<string> {
  const fingerprint = (await session.query<{ fingerprint: string }>(FINGERPRINT))[0]?.fingerprint;
  if (!fingerprint) throw new Error("no fingerprint of the catalogue");
  return fingerprint;
}

/** What "as the migrations left it" means for this database (read from a fresh copy). */
export async function readPristine(session: SqlSession): Promise<Pristine> {
  const fingerprint = await fingerprintOf(session);
  const tables = (
    await session.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  )
    .map((r) => r.name)
    .filter((name) => !MIGRATION_TABLES.has(name.replaceAll('"', "")));
  const seeds: Pristine["seeds"] = [];
  for (const table of tables) {
    const rows = (
      await session.query<{ rows: string | null }>(`SELECT json_agg(t)::text AS rows FROM public.${table} t`)
    )[0]?.rows;
    if (!rows) continue;
    // Generated columns are computed again on insert, and cannot be given.
    const columns = (
      await session.query<{ name: string }>(
        `SELECT quote_ident(attname) AS name FROM pg_attribute
          WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
          ORDER BY attnum`,
        [`public.${table}`],
      )
    ).map((r) => r.name);
    seeds.push({ table, columns, rows });
  }
  const sequences = await session.query<{ name: string; last: string | null }>(
    `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS last
       FROM pg_sequences ORDER BY 1`,
  );
  const resetSequences = sequences.length
    ? `SELECT ${sequences
        .map((s) => (s.last === null ? `setval('${s.name}', 1, false)` : `setval('${s.name}', ${s.last}, true)`))
        .join(", ")}`
    : "";
  return { fingerprint, tables, seeds, resetSequences };
}

/**
 * Puts the database back as `pristine` describes it, in one transaction (`inTransaction` runs its
 * function in one on the same connection). False when the schema is no longer the template's.
 */
export async function resetToPristine(
  session: SqlSession,
  inTransaction: (work: (tx: SqlSession) => Promise<void>) => Promise<void>,
  pristine: Pristine,
): Promise<boolean> {
  if ((await fingerprintOf(session)) !== pristine.fingerprint) return false;
  const seeded = new Set(pristine.seeds.map((s) => s.table));
  const used = (
    await session.query<{ name: string }>(
      pristine.tables
        .map((t) => `SELECT '${t.replaceAll("'", "''")}' AS name WHERE EXISTS (SELECT 1 FROM public.${t})`)
        .join(" UNION ALL "),
    )
  ).map((r) => r.name);
  const toEmpty = [...new Set([...used, ...seeded])];
  await inTransaction(async (tx) => {
    if (toEmpty.length)
      await tx.exec(`TRUNCATE ${toEmpty.map((t) => `public.${t}`).join(", ")} RESTART IDENTITY CASCADE`);
    for (const seed of pristine.seeds) {
      const columns = seed.columns.join(", ");
      await tx.query(
        `INSERT INTO public.${seed.table} (${columns})
         SELECT ${columns} FROM json_populate_recordset(NULL::public.${seed.table}, $1::json)`,
        [seed.rows],
      );
    }
    if (pristine.resetSequences) await tx.exec(pristine.resetSequences);
  });
  return true;
}
