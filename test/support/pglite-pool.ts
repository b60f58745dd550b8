// One migrated PGlite per test worker, handed from one test file to the next instead of a new one
// each time: opening a copy of the template (untar, PostgreSQL's start, the extensions) costs about
// 0.6 s of CPU, and a run opened over a hundred of them. Between two users the database is put back
// exactly as the migrations left it:
// - every table that has rows is emptied (TRUNCATE … RESTART IDENTITY) and the rows the migrations
//   seeded (topics, departments, categories…) are put back, with every sequence where it was;
// - the session's state goes (DISCARD ALL: settings, advisory locks, temporary tables);
// - a test that changed the schema itself (a table, a column, a function, a trigger) gets its
//   PGlite closed, not handed on: the catalogue's fingerprint must be the template's.
// A user's handle is revoked when it hands the database back: a bot left running by one file can
// no longer write into the next file's database; its queries fail as on a closed database.
import { type Database, databaseOnPglite } from "../../src/db/database.js";
import { openPgliteWorker, type PgliteConnection, type PgliteTransaction } from "../../src/db/pglite-thread.js";
import { withTimeout } from "../../src/lib/timeout.js";

interface Pristine {
  fingerprint: string;
  /** Tables to empty when they have rows: every table but the migrations' own. */
  tables: string[];
  /** The rows the migrations left, per table (only tables that have any), as JSON. */
  seeds: { table: string; columns: string[]; rows: string }[];
  /** SELECT setval(…) for every sequence, back to where the template left it. */
  resetSequences: string;
}

interface Pooled {
  pglite: PgliteConnection;
  pristine: Pristine;
}

const MIGRATION_TABLES = new Set(["_prisma_migrations"]);
/** A reset that does not finish in this time means a user left a transaction open. */
const RESET_TIMEOUT_MS = 10_000;

let idle: Pooled | undefined;
const pristineByDump = new WeakMap<Blob, Pristine>();

/** A migrated database for one user: the worker's idle PGlite, reset, or a new copy of `dump`. */
export async function leasePgliteDatabase(dump: Blob): Promise<Database> {
  const pooled = (await takeIdle(dump)) ?? (await openPooled(dump));
  const lease = revocable(pooled.pglite);
  return databaseOnPglite(lease.pglite, async () => {
    lease.revoke();
    if (pooled.pglite.closed) return;
    // One idle PGlite per worker; a second one (a file that had two at once) is closed.
    if (idle) await pooled.pglite.close();
    else idle = pooled;
  });
}

async function openPooled(dump: Blob): Promise<Pooled> {
  // In its worker thread, as the bot's own database is.
  const pglite = await openPgliteWorker("memory://", { loadDataDir: dump });
  let pristine = pristineByDump.get(dump);
  if (!pristine) {
    pristine = await readPristine(pglite);
    pristineByDump.set(dump, pristine);
  }
  return { pglite, pristine };
}

async function takeIdle(dump: Blob): Promise<Pooled | undefined> {
  const pooled = idle;
  idle = undefined;
  if (!pooled) return undefined;
  if (pooled.pristine !== pristineByDump.get(dump) || pooled.pglite.closed) return discard(pooled);
  try {
    const reset = await withTimeout(resetToPristine(pooled), RESET_TIMEOUT_MS);
    return reset ? pooled : discard(pooled);
  } catch {
    return discard(pooled);
  }
}

function discard(pooled: Pooled): undefined {
  // Not awaited: a PGlite held by a transaction that never ends would never close.
  void pooled.pglite.close().catch(() => undefined);
  return undefined;
}

/** The catalogue as far as a test could change it: relations and their columns, functions, triggers. */
const FINGERPRINT = `
  SELECT md5(
    (SELECT coalesce(string_agg(c.oid || ':' || c.relname || ':' || c.relkind::text || ':' || c.relnatts, ',' ORDER BY c.oid), '')
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')) || '|' ||
    (SELECT coalesce(string_agg(a.attrelid || ':' || a.attnum || ':' || a.atttypid || ':' || a.attnotnull || ':' || a.attisdropped, ',' ORDER BY a.attrelid, a.attnum), '')
       FROM pg_attribute a WHERE a.attrelid >= 16384) || '|' ||
    (SELECT coalesce(string_agg(p.oid || ':' || md5(p.prosrc), ',' ORDER BY p.oid), '')
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public') || '|' ||
    (SELECT coalesce(string_agg(t.oid || ':' || t.tgenabled::text, ',' ORDER BY t.oid), '') FROM pg_trigger t)
  ) AS fingerprint`;

async function fingerprintOf(pglite: PgliteConnection): Promise<string> {
  const fingerprint = (await pglite.query<{ fingerprint: string }>(FINGERPRINT)).rows[0]?.fingerprint;
  if (!fingerprint) throw new Error("no fingerprint of the catalogue");
  return fingerprint;
}

async function readPristine(pglite: PgliteConnection): Promise<Pristine> {
  const fingerprint = await fingerprintOf(pglite);
  const tables = (
    await pglite.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  ).rows
    .map((r) => r.name)
    .filter((name) => !MIGRATION_TABLES.has(name.replaceAll('"', "")));
  const seeds: Pristine["seeds"] = [];
  for (const table of tables) {
    const rows = (
      await pglite.query<{ rows: string | null }>(`SELECT json_agg(t)::text AS rows FROM public.${table} t`)
    ).rows[0]?.rows;
    if (!rows) continue;
    // Generated columns are computed again on insert, and cannot be given.
    const columns = (
      await pglite.query<{ name: string }>(
        `SELECT quote_ident(attname) AS name FROM pg_attribute
          WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
          ORDER BY attnum`,
        [`public.${table}`],
      )
    ).rows.map((r) => r.name);
    seeds.push({ table, columns, rows });
  }
  const sequences = (
    await pglite.query<{ name: string; last: string | null }>(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS last
         FROM pg_sequences ORDER BY 1`,
    )
  ).rows;
  const resetSequences = sequences.length
    ? `SELECT ${sequences
        .map((s) => (s.last === null ? `setval('${s.name}', 1, false)` : `setval('${s.name}', ${s.last}, true)`))
        .join(", ")}`
    : "";
  return { fingerprint, tables, seeds, resetSequences };
}

/** False when the schema is no longer the template's (the PGlite must not be handed on). */
async function resetToPristine({ pglite, pristine }: Pooled): Promise<boolean> {
  await pglite.exec("DISCARD ALL");
  if ((await fingerprintOf(pglite)) !== pristine.fingerprint) return false;
  const seeded = new Set(pristine.seeds.map((s) => s.table));
  const used = (
    await pglite.query<{ name: string }>(
      pristine.tables
        .map((t) => `SELECT '${t.replaceAll("'", "''")}' AS name WHERE EXISTS (SELECT 1 FROM public.${t})`)
        .join(" UNION ALL "),
    )
  ).rows.map((r) => r.name);
  const toEmpty = [...new Set([...used, ...seeded])];
  await pglite.transaction(async (tx: PgliteTransaction) => {
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

/** The PGlite as one user sees it: after `revoke`, every query fails as on a closed database. */
function revocable(pglite: PgliteConnection): { pglite: PgliteConnection; revoke(): void } {
  let revoked = false;
  const proxy = new Proxy(pglite, {
    get(target, property) {
      if (property === "closed") return revoked || target.closed;
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) =>
        revoked
          ? Promise.reject(new Error("PGlite is closed (this test's database was handed back)"))
          : value.apply(target, args);
    },
  });
  return {
    pglite: proxy,
    revoke: () => {
      revoked = true;
    },
  };
}
