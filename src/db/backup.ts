// The office's backup: one file that restores on either engine. PGlite has no pg_dump, and a dump
// of its data folder restores only into PGlite, so the backup is logical: every row of every table,
// read through the database's own driver in one consistent snapshot, as the text PostgreSQL itself
// writes for each value (with the session's time zone, date style and float digits fixed, that text
// is exact for every type: bigint, numeric, timestamps with zone, json, bytea, arrays, enums) and
// read back by the same type's input on restore.
//
// The file is gzip'd JSON lines:
//   {"format":"grafeio-backup","version":1,"grafeio":…,"createdAt":…,"engine":…,"migrations":[…]}
//   {"table":"users","columns":[…]}     then one line per row, a JSON array of text or null,
//   {"rows":12}                          each table in foreign-key order
//   {"sequences":[{"table","column","lastValue","isCalled"}]}
//   {"end":true,"tables":36,"rows":1234,"sha256":…}   the hash of every line before it
// Generated columns (the search's vectors) are not in it: the restored database computes them.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { createGunzip, createGzip } from "node:zlib";
import type { Database } from "./database.js";
import { MIGRATIONS_DIR } from "./database.js";
import { readMigrations, type SqlSession } from "./migrate.js";

export const BACKUP_FORMAT = "grafeio-backup";
export const BACKUP_VERSION = 1;

/** A backup that cannot be taken or restored: `message` is the one sentence for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  grafeio: string;
  createdAt: string;
  engine: Database["engine"];
  migrations: { name: string; checksum: string }[];
}

export interface BackupSummary {
  header: BackupHeader;
  /** Rows per table, in the file's order (foreign-key order). */
  tables: { name: string; rows: number }[];
  rows: number;
}

interface SequenceValue {
  table: string;
  column: string;
  lastValue: string;
  isCalled: boolean;
}

/** The values' text fixed whatever the server's or the process's settings. */
const SESSION_SETTINGS = [
  "SET LOCAL TimeZone = 'UTC'",
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL extra_float_digits = 3",
  "SET LOCAL bytea_output = 'hex'",
].join("; ");

/** Prisma's own record of the migrations: the restore's migrator writes it anew. */
const MIGRATIONS_TABLE = "_prisma_migrations";
const FETCH_ROWS = 500;
const INSERT_ROWS = 200;

export function grafeioVersion(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/db, or dist/src/db once built.
  for (const up of ["../..", "../../.."]) {
    const file = path.resolve(here, up, "package.json");
    if (!existsSync(file)) continue;
    const version = (JSON.parse(readFileSync(file, "utf8")) as { version?: unknown }).version;
    if (typeof version === "string") return version;
  }
  return "unknown";
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface TableInfo {
  name: string;
  /** Stored columns, in the table's order (generated ones left out). */
  columns: { name: string; type: string }[];
  primaryKey: string[];
  hasUserTriggers: boolean;
}

/** The public schema's tables in foreign-key order (a table after those it refers to). */
async function readCatalog(session: SqlSession): Promise<TableInfo[]> {
  const tables = await session.query<{ name: string; triggers: string }>(
    `SELECT c.relname AS name,
            (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal)::text AS triggers
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const columns = await session.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const keys = await session.query<{ table: string; name: string }>(
    `SELECT c.relname AS table, a.attname AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND i.indisprimary
      ORDER BY c.relname, k.ord`,
  );
  const references = await session.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
       FROM pg_constraint f
       JOIN pg_class child ON child.oid = f.conrelid JOIN pg_namespace n ON n.oid = child.relnamespace
       JOIN pg_class parent ON parent.oid = f.confrelid
      WHERE f.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const info = new Map<string, TableInfo>(
    tables.map((t) => [t.name, { name: t.name, columns: [], primaryKey: [], hasUserTriggers: t.triggers !== "0" }]),
  );
  for (const c of columns) info.get(c.table)?.columns.push({ name: c.name, type: c.type });
  for (const k of keys) info.get(k.table)?.primaryKey.push(k.name);
  // Kahn's order, alphabetical among equals, so that the same schema always gives the same file.
  const parents = new Map<string, Set<string>>([...info.keys()].map((name) => [name, new Set<string>()]));
  for (const r of references) if (info.has(r.parent)) parents.get(r.child)?.add(r.parent);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < info.size) {
    const ready = [...info.keys()].filter(
      (n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0)
      throw new BackupError("The tables' foreign keys form a cycle; this backup cannot order them.");
    for (const name of ready.sort()) {
      placed.add(name);
      ordered.push(info.get(name) as TableInfo);
    }
  }
  return ordered;
}

async function serialSequences(session: SqlSession, tables: TableInfo[]) {
  // One query for every column (a round trip each cost a third of a second on PGlite).
  const columns = tables.flatMap((t) => t.columns.map((c) => [ident(t.name), t.name, c.name]));
  return session.query<{ table: string; column: string; sequence: string }>(
    `SELECT s.tbl AS table, s.col AS column, s.seq AS sequence
       FROM (SELECT e.n, e.v->>1 AS tbl, e.v->>2 AS col, pg_get_serial_sequence(e.v->>0, e.v->>2) AS seq
               FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(v, n)) s
      WHERE s.seq IS NOT NULL
      ORDER BY s.n`,
    [JSON.stringify(columns)],
  );
}

/** A line writer that waits when the stream asks it to. */
function lineWriter(out: Writable) {
  const hash = createHash("sha256");
  return {
    async write(value: unknown) {
      const line = `${JSON.stringify(value)}\n`;
      hash.update(line);
      if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", resolve));
    },
    /** The last line: the hash of every line before it. */
    end(value: Record<string, unknown>) {
      out.end(`${JSON.stringify({ ...value, sha256: hash.digest("hex") })}\n`);
    },
  };
}

/**
 * Writes the backup of `db` to `out` (gzip'd), from one consistent snapshot, and ends `out`.
 * Returns what it wrote.
 */
export async function writeBackup(db: Database, out: Writable): Promise<BackupSummary> {
  const gzip = createGzip();
  const finished = new Promise<void>((resolve, reject) => {
    out.once("finish", resolve);
    out.once("close", resolve);
    out.once("error", reject);
    gzip.once("error", reject);
  });
  gzip.pipe(out);
  const writer = lineWriter(gzip);
  const summary = await takeSnapshot(db, writer).catch((error: unknown) => {
    // The caller removes what was written (a file) or cuts the answer short (the bot's door).
    gzip.unpipe(out);
    gzip.destroy();
    throw error;
  });
  writer.end({ end: true, tables: summary.tables.length, rows: summary.rows });
  await finished;
  return summary;
}

function takeSnapshot(db: Database, writer: ReturnType<typeof lineWriter>): Promise<BackupSummary> {
  return db.transaction("snapshot", async (session) => {
    await session.exec(SESSION_SETTINGS);
    const migrations = await session
      .query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM ${ident(MIGRATIONS_TABLE)}
          WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
      )
      .catch(() => []);
    if (migrations.length === 0)
      throw new BackupError("This database has no Grafeio tables yet: there is nothing to back up.");
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      grafeio: grafeioVersion(),
      createdAt: new Date().toISOString(),
      engine: db.engine,
      migrations,
    };
    await writer.write(header);
    const tables = await readCatalog(session);
    const counts: { name: string; rows: number }[] = [];
    for (const t of tables) {
      await writer.write({ table: t.name, columns: t.columns.map((c) => c.name) });
      const select = t.columns.map((c, i) => `${ident(c.name)}::text AS c${i}`).join(", ");
      const order = (t.primaryKey.length > 0 ? t.primaryKey : t.columns.map((c) => c.name)).map(ident).join(", ");
      await session.exec(
        `DECLARE grafeio_backup NO SCROLL CURSOR FOR SELECT ${select} FROM ${ident(t.name)} ORDER BY ${order}`,
      );
      let rows = 0;
      for (;;) {
        const batch = await session.query<Record<string, string | null>>(`FETCH ${FETCH_ROWS} FROM grafeio_backup`);
        for (const row of batch) await writer.write(t.columns.map((_, i) => row[`c${i}`] ?? null));
        rows += batch.length;
        if (batch.length < FETCH_ROWS) break;
      }
      await session.exec("CLOSE grafeio_backup");
      await writer.write({ rows });
      counts.push({ name: t.name, rows });
    }
    const sequences: SequenceValue[] = [];
    for (const s of await serialSequences(session, tables)) {
      const [value] = await session.query<{ last: string; called: boolean }>(
        `SELECT last_value::text AS last, is_called AS called FROM ${s.sequence}`,
      );
      if (value) sequences.push({ table: s.table, column: s.column, lastValue: value.last, isCalled: value.called });
    }
    await writer.write({ sequences });
    const total = counts.reduce((sum, t) => sum + t.rows, 0);
    return { header, tables: counts, rows: total };
  });
}

type Line =
  | { kind: "table"; name: string; columns: string[] }
  | { kind: "row"; values: (string | null)[] }
  | { kind: "rows"; count: number }
  | { kind: "sequences"; sequences: SequenceValue[] };

const damaged = (why: string) =>
  new BackupError(`This is not a complete Grafeio backup (${why}); nothing was restored.`);

/**
 * Reads a backup from the stream `open()` gives, checking its structure and hash; calls `onLine`
 * for each line after the header. Throws BackupError for a damaged or changed file.
 */
async function readBackup(
  input: Readable,
  onHeader: (header: BackupHeader) => void | Promise<void>,
  onLine?: (line: Line) => Promise<void>,
): Promise<BackupSummary> {
  const hash = createHash("sha256");
  const gunzip = createGunzip();
  let failed: Error | undefined;
  const fail = (error: Error) => {
    failed ??= error;
  };
  input.once("error", fail);
  gunzip.once("error", fail);
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  let header: BackupHeader | undefined;
  let table: { name: string; columns: number; rows: number } | undefined;
  const tables: { name: string; rows: number }[] = [];
  let end: { tables: number; rows: number; sha256: string } | undefined;
  let sawSequences = false;
  try {
    for await (const text of lines) {
      if (end) throw damaged("lines after its end");
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw damaged("a line is not JSON");
      }
      const record = value as Record<string, unknown>;
      if (!header) {
        header = parseHeader(record);
        await onHeader(header);
        hash.update(`${text}\n`);
        continue;
      }
      if (record && !Array.isArray(record) && record.end === true) {
        end = {
          tables: Number(record.tables),
          rows: Number(record.rows),
          sha256: String(record.sha256),
        };
        continue;
      }
      hash.update(`${text}\n`);
      if (Array.isArray(value)) {
        if (!table || value.length !== table.columns || !value.every((v) => v === null || typeof v === "string")) {
          throw damaged(`a row of ${table?.name ?? "no table"} does not fit its columns`);
        }
        table.rows++;
        await onLine?.({ kind: "row", values: value as (string | null)[] });
      } else if (typeof record.table === "string" && Array.isArray(record.columns)) {
        if (table || sawSequences) throw damaged(`table ${record.table} starts before the last one ended`);
        const columns = record.columns.map(String);
        table = { name: record.table, columns: columns.length, rows: 0 };
        await onLine?.({ kind: "table", name: record.table, columns });
      } else if (typeof record.rows === "number") {
        if (!table || record.rows !== table.rows) throw damaged(`table ${table?.name ?? "?"} has a wrong row count`);
        tables.push({ name: table.name, rows: table.rows });
        await onLine?.({ kind: "rows", count: table.rows });
        table = undefined;
      } else if (Array.isArray(record.sequences)) {
        if (table) throw damaged("sequences inside a table");
        sawSequences = true;
        await onLine?.({ kind: "sequences", sequences: record.sequences as SequenceValue[] });
      } else {
        throw damaged("a line of an unknown kind");
      }
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw failed ? damaged(describeReadError(failed)) : error;
  } finally {
    lines.close();
  }
  if (failed) throw damaged(describeReadError(failed));
  if (!header) throw damaged("it is empty");
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  if (!end || table) throw damaged("it ends early");
  if (end.sha256 !== hash.digest("hex"))
    throw damaged("its checksum does not match: it was changed after it was written");
  if (end.tables !== tables.length || end.rows !== rows) throw damaged("its totals do not match its tables");
  return { header, tables, rows };
}

function describeReadError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") return "it is not a gzip file, or is cut short";
  return error.message;
}

function parseHeader(record: Record<string, unknown>): BackupHeader {
  if (record?.format !== BACKUP_FORMAT) throw damaged("no Grafeio backup header");
  if (typeof record.version !== "number" || record.version > BACKUP_VERSION) {
    throw new BackupError(
      `This backup's format (version ${String(record.version)}) is newer than this Grafeio reads; restore it with the Grafeio that wrote it (${String(record.grafeio)}) or a newer one.`,
    );
  }
  const migrations = Array.isArray(record.migrations) ? record.migrations : [];
  if (!migrations.every((m) => typeof m?.name === "string" && typeof m?.checksum === "string")) {
    throw damaged("its list of migrations is unreadable");
  }
  return record as unknown as BackupHeader;
}

/**
 * Checks that this checkout can restore the backup: every migration it was taken at is one of
 * ours, unchanged. Returns their names.
 */
function checkMigrations(header: BackupHeader): string[] {
  const ours = new Map(readMigrations(MIGRATIONS_DIR).map((m) => [m.name, m.checksum]));
  for (const m of header.migrations) {
    const checksum = ours.get(m.name);
    if (checksum === undefined) {
      throw new BackupError(
        `This backup comes from a newer schema (its migration ${m.name} is not in this Grafeio ${grafeioVersion()}); restore it with the Grafeio that wrote it (${header.grafeio}) or a newer one.`,
      );
    }
    if (checksum !== m.checksum) {
      throw new BackupError(
        `This backup's migration ${m.name} differs from this Grafeio's (checksum ${m.checksum.slice(0, 12)}…, here ${checksum.slice(0, 12)}…); restore it with the Grafeio that wrote it (${header.grafeio}).`,
      );
    }
  }
  return header.migrations.map((m) => m.name);
}

/** Reads the whole file and checks it (structure, hash, migrations) without a database. */
export async function verifyBackup(open: () => Readable): Promise<BackupSummary> {
  return readBackup(open(), (header) => {
    checkMigrations(header);
  });
}

/** The tables of the public schema (the migrator's own included): none in an empty database. */
export async function countTables(db: Database): Promise<number> {
  return db.transaction("snapshot", async (session) => {
    const [row] = await session.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')`,
    );
    return Number(row?.n ?? 0);
  });
}

/**
 * Restores the backup `open()` gives into `db`, which must be empty: checks the whole file first,
 * applies the migrations it was taken at (no further: the bot applies newer ones at its start, to
 * the restored data), loads every row in one transaction, sets each serial column's sequence past
 * both its highest value and where it stood, and checks every table's row count before committing.
 */
export async function restoreBackup(db: Database, open: () => Readable): Promise<BackupSummary> {
  const checked = await verifyBackup(open);
  const migrations = checkMigrations(checked.header);
  if ((await countTables(db)) > 0) {
    throw new BackupError(
      "The database to restore into is not empty; restore only into a new, empty database or data folder.",
    );
  }
  await db.migrate(migrations);
  return db.transaction("write", async (session) => {
    await session.exec(SESSION_SETTINGS);
    const catalog = new Map((await readCatalog(session)).map((t) => [t.name, t]));
    const inFile = new Set(checked.tables.map((t) => t.name));
    const missing = [...catalog.keys()].filter((name) => !inFile.has(name));
    const unknown = [...inFile].filter((name) => !catalog.has(name));
    if (missing.length > 0 || unknown.length > 0) {
      throw new BackupError(
        `This backup's tables do not match its migrations (${[...missing.map((n) => `missing ${n}`), ...unknown.map((n) => `unknown ${n}`)].join(", ")}); nothing was restored.`,
      );
    }
    // The migrations' own rows (default topics, departments…) give way to the backup's.
    await session.exec(`TRUNCATE ${[...catalog.keys()].map(ident).join(", ")}`);
    // A trigger that fills one table from another (the clippings' outlets) would add rows the
    // backup already has: user triggers are off while loading (the tables' owner may do that;
    // foreign keys stay checked).
    const triggered = [...catalog.values()].filter((t) => t.hasUserTriggers);
    for (const t of triggered) await session.exec(`ALTER TABLE ${ident(t.name)} DISABLE TRIGGER USER`);

    let current: { info: TableInfo; columns: TableInfo["columns"]; batch: (string | null)[][] } | undefined;
    let sequences: SequenceValue[] = [];
    const flush = async () => {
      if (!current || current.batch.length === 0) return;
      const { info, columns, batch } = current;
      const params: (string | null)[] = [];
      const tuples = batch.map((values) => {
        const cells = values.map((value, i) => {
          params.push(value);
          // Each value is sent as text and read by its column's type (json, arrays, enums…).
          return `$${params.length}::text::${columns[i]?.type}`;
        });
        return `(${cells.join(", ")})`;
      });
      await session.query(
        `INSERT INTO ${ident(info.name)} (${columns.map((c) => ident(c.name)).join(", ")}) VALUES ${tuples.join(", ")}`,
        params,
      );
      current.batch = [];
    };
    await readBackup(
      open(),
      () => undefined,
      async (line) => {
        if (line.kind === "table") {
          const info = catalog.get(line.name) as TableInfo;
          const byName = new Map(info.columns.map((c) => [c.name, c]));
          const columns = line.columns.map((name) => byName.get(name));
          if (columns.some((c) => c === undefined) || columns.length !== info.columns.length) {
            throw new BackupError(
              `This backup's columns of ${line.name} do not match its migrations; nothing was restored.`,
            );
          }
          current = { info, columns: columns as TableInfo["columns"], batch: [] };
        } else if (line.kind === "row") {
          current?.batch.push(line.values);
          if ((current?.batch.length ?? 0) >= INSERT_ROWS) await flush();
        } else if (line.kind === "rows") {
          await flush();
          current = undefined;
        } else {
          sequences = line.sequences;
        }
      },
    );
    for (const t of triggered) await session.exec(`ALTER TABLE ${ident(t.name)} ENABLE TRIGGER USER`);

    const saved = new Map(sequences.map((s) => [`${s.table}.${s.column}`, s]));
    for (const s of await serialSequences(session, [...catalog.values()])) {
      const [max] = await session.query<{ max: string | null }>(
        `SELECT max(${ident(s.column)})::text AS max FROM ${ident(s.table)}`,
      );
      const before = saved.get(`${s.table}.${s.column}`);
      const used = before ? BigInt(before.lastValue) - (before.isCalled ? 0n : 1n) : 0n;
      const highest = [used, BigInt(max?.max ?? "0")].reduce((a, b) => (a > b ? a : b));
      if (highest >= 1n)
        await session.query("SELECT setval($1::regclass, $2::bigint, true)", [s.sequence, highest.toString()]);
      else await session.query("SELECT setval($1::regclass, 1, false)", [s.sequence]);
    }

    for (const t of checked.tables) {
      const [row] = await session.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${ident(t.name)}`);
      if (Number(row?.n) !== t.rows) {
        throw new BackupError(
          `After loading, ${t.name} has ${row?.n} rows where the backup has ${t.rows}; nothing was restored.`,
        );
      }
    }
    return checked;
  });
}
