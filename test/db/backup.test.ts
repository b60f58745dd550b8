// `npm run backup` / `npm run restore`: a logical backup that restores on either engine. An office
// with rows in every table is backed up, restored into an empty database of the same engine and of
// the other one, and every table's rows (as the server renders them, generated columns included)
// are found again; a non-empty target, and a changed or newer backup, are refused.

import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { createServices } from "../../src/app/areas.js";
import { InFlight } from "../../src/app/in-flight.js";
import { startLocalAdmin } from "../../src/app/local-admin.js";
import { auditLog } from "../../src/app/logger.js";
import { BackupError, countTables, restoreBackup, verifyBackup, writeBackup } from "../../src/db/backup.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { noAudit } from "../../src/lib/audit.js";
import { ManualClock } from "../../src/lib/clock.js";
import { entryPoint } from "../support/bot-process.js";
import {
  createTestDatabase,
  onServer,
  pgliteTemplateDump,
  testDatabaseUrl,
  testEngine,
  uniqueDatabaseName,
} from "../support/database.js";
import { contactDraft } from "../support/factories.js";
import { fillOffice } from "../support/office-data.js";
import { captureLogs } from "../support/test-bot.js";

const SERVER_URL = testDatabaseUrl ?? "postgres://postgres@127.0.0.1:5432/postgres";
const cleanups: (() => Promise<void>)[] = [];
const folder = mkdtempSync(path.join(os.tmpdir(), "grafeio-backup-"));
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  rmSync(folder, { recursive: true, force: true });
});

/** PostgreSQL answers at 127.0.0.1:5432 (always in CI): the cross-engine tests need both engines. */
async function postgresReachable(): Promise<boolean> {
  const { hostname, port } = new URL(SERVER_URL);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432) });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
const withPostgres = await postgresReachable();

function services(db: Database) {
  return createServices({
    prisma: db.prisma,
    reader: db.reader,
    clock: new ManualClock(new Date("2026-11-30T10:00:00Z")),
    timeZone: "Europe/Athens",
    defaultLocale: "el",
    lookupSlackLocale: async () => undefined,
    audit: noAudit,
  });
}

/** A new, empty database of that engine (no tables, no migrations). */
async function emptyDatabase(engine: "pglite" | "postgres"): Promise<Database> {
  if (engine === "postgres") {
    const name = uniqueDatabaseName("grafeio_restore");
    await onServer(SERVER_URL, `CREATE DATABASE ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
    cleanups.push(async () => {
      await db.close();
      await onServer(SERVER_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
    return db;
  }
  if (testEngine === "pglite") {
    // A copy of the run's empty template (no initdb).
    const t = await createTestDatabase({ migrate: false });
    cleanups.push(() => t.dispose());
    return t.db;
  }
  const db = await openDatabase({ dataDir: mkdtempSync(path.join(folder, "pglite-")) });
  cleanups.push(() => db.close());
  return db;
}

/** A migrated database of that engine holding the office. */
async function filledDatabase(engine: "pglite" | "postgres"): Promise<Database> {
  let db: Database;
  if (engine === testEngine) {
    const t = await createTestDatabase();
    cleanups.push(() => t.dispose());
    db = t.db;
  } else {
    db = await emptyDatabase(engine);
    await db.migrate();
  }
  await fillOffice(db, services(db));
  return db;
}

/** Every table's rows as the server renders them (JSON, ordered by primary key), and the migrations. */
async function contents(db: Database) {
  return db.transaction("snapshot", async (s) => {
    await s.exec("SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3");
    const tables = await s.query<{ name: string; key: string }>(
      `SELECT c.relname AS name,
              coalesce((SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
                 FROM pg_index i, unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord), pg_attribute a
                WHERE i.indrelid = c.oid AND i.indisprimary AND a.attrelid = c.oid AND a.attnum = k.attnum), '1') AS key
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
    );
    const rows: Record<string, string[]> = {};
    for (const t of tables) {
      const got = await s.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM ${t.name} t ORDER BY ${t.key}`);
      rows[t.name] = got.map((r) => r.j);
    }
    const migrations = await s.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM _prisma_migrations ORDER BY migration_name`,
    );
    return { rows, migrations };
  });
}

async function backupFile(db: Database, name: string): Promise<string> {
  const file = path.join(folder, name);
  await writeBackup(db, createWriteStream(file));
  return file;
}

async function roundTrip(from: "pglite" | "postgres", to: "pglite" | "postgres") {
  const source = await filledDatabase(from);
  const before = await contents(source);
  // Every table has rows: a table added without data here would go untested.
  const empty = Object.entries(before.rows)
    .filter(([, rows]) => rows.length === 0)
    .map(([name]) => name);
  expect(empty).toEqual([]);
  const file = await backupFile(source, `${from}-to-${to}.jsonl.gz`);
  const target = await emptyDatabase(to);
  const summary = await restoreBackup(target, () => createReadStream(file));
  expect(summary.header.engine).toBe(from);
  expect(summary.tables.length).toBe(Object.keys(before.rows).length);
  const after = await contents(target);
  for (const table of Object.keys(before.rows))
    expect({ table, rows: after.rows[table] }).toEqual({ table, rows: before.rows[table] });
  expect(after.migrations).toEqual(before.migrations);

  // The sequences stand past every id the source handed out, the erased contact's included.
  const [highest] = await source.transaction("snapshot", (s) =>
    s.query<{ last: string }>("SELECT last_value::text AS last FROM contacts_id_seq"),
  );
  const added = await services(target).contacts.create({
    draft: contactDraft({ nameEl: "Νέα επαφή" }),
    createdBy: "U0STAFF01",
  });
  if (!("contact" in added)) throw new Error("not created");
  expect(added.contact.id).toBe(Number(highest?.last) + 1);
}

describe(`backup and restore on ${testEngine}`, () => {
  it("restores an office with rows in every table into an empty database of the same engine", async () => {
    await roundTrip(testEngine, testEngine);
  });

  it("refuses to restore into a database that is not empty, and changes nothing there", async () => {
    const source = await filledDatabase(testEngine);
    const file = await backupFile(source, "refused.jsonl.gz");
    const t = await createTestDatabase();
    cleanups.push(() => t.dispose());
    const before = await contents(t.db);
    await expect(restoreBackup(t.db, () => createReadStream(file))).rejects.toThrow(
      new BackupError(
        "The database to restore into is not empty; restore only into a new, empty database or data folder.",
      ),
    );
    expect(await contents(t.db)).toEqual(before);
  });

  it("refuses a changed, cut or newer backup before touching the database", async () => {
    const source = await filledDatabase(testEngine);
    const file = await backupFile(source, "original.jsonl.gz");
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const write = (name: string, content: string) => {
      const out = path.join(folder, name);
      writeFileSync(out, gzipSync(content));
      return out;
    };
    const target = await emptyDatabase(testEngine);
    const refused = async (file: string, sentence: RegExp) => {
      await expect(restoreBackup(target, () => createReadStream(file))).rejects.toThrow(sentence);
      expect(await countTables(target)).toBe(0);
    };

    // One value changed: the hash in the last line no longer matches.
    const row = lines.findIndex((l) => l.includes("Σταυροπούλου"));
    const changed = [...lines];
    changed[row] = (changed[row] ?? "").replace("Σταυροπούλου", "Παπαδοπούλου");
    await refused(write("changed.jsonl.gz", changed.join("\n")), /checksum does not match/);
    // Cut short.
    await refused(write("cut.jsonl.gz", lines.slice(0, lines.length - 5).join("\n")), /ends early/);
    writeFileSync(path.join(folder, "not-gzip.jsonl.gz"), "hello");
    await refused(path.join(folder, "not-gzip.jsonl.gz"), /not a gzip file/);

    // A migration this checkout does not have: a newer schema (its hash made to match, as a newer
    // Grafeio would write it).
    const { createHash } = await import("node:crypto");
    const header = JSON.parse(lines[0] ?? "{}") as { migrations: { name: string; checksum: string }[] };
    header.migrations.push({ name: "29991231000000_from_the_future", checksum: "0".repeat(64) });
    const body = [JSON.stringify(header), ...lines.slice(1, -2)];
    const hash = createHash("sha256");
    for (const l of body) hash.update(`${l}\n`);
    const end = JSON.parse(lines[lines.length - 2] ?? "{}") as Record<string, unknown>;
    const newer = [...body, JSON.stringify({ ...end, sha256: hash.digest("hex") }), ""].join("\n");
    const newerFile = write("newer.jsonl.gz", newer);
    await expect(verifyBackup(() => createReadStream(newerFile))).rejects.toThrow(/comes from a newer schema/);
    await refused(newerFile, /comes from a newer schema \(its migration 29991231000000_from_the_future/);
  });
});

describe("npm run backup beside the running bot on PGlite", () => {
  it("asks the bot over its local door, never opening the folder, and the file restores", async () => {
    // The "bot": this process holds the folder (its lock) and opens the door, as main.ts does.
    const dataDir = mkdtempSync(path.join(folder, "bot-"));
    const db = await openDatabase({
      dataDir,
      purpose: "the Grafeio bot (npm start)",
      loadDataDir: testEngine === "pglite" ? pgliteTemplateDump() : undefined,
    });
    cleanups.push(() => db.close());
    await db.migrate();
    await fillOffice(db, services(db));
    const { logs, logger } = captureLogs("silent");
    const admin = await startLocalAdmin({
      engine: "pglite",
      dataDir,
      scheduler: { overview: async () => [], runByHand: async () => "succeeded" },
      inFlight: new InFlight(),
      logger,
      backup: (out) => writeBackup(db, out),
      audit: auditLog(logger),
    });
    cleanups.push(async () => admin?.close());

    const file = path.join(folder, "by-the-bot.jsonl.gz");
    const child = spawn(process.execPath, [...entryPoint("scripts/backup.ts"), file], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    // Had the script opened the folder itself, the lock would have refused it (exit 2).
    expect({ code, out }).toMatchObject({
      code: 0,
      out: expect.stringContaining(`(written by the running bot, pid ${process.pid})`),
    });
    // Every contact's data left the database: an audit line with the counts, whatever LOG_LEVEL.
    const rows = Number(/(\d+) rows/.exec(out)?.[1]);
    expect(logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.audit === true)).toEqual([
      expect.objectContaining({ event: "backup.written", via: "local-admin", rows }),
    ]);

    const target = await emptyDatabase(testEngine);
    await restoreBackup(target, () => createReadStream(file));
    expect(await contents(target)).toEqual(await contents(db));
  });
});

describe.runIf(withPostgres)("backup and restore across engines", () => {
  it("PGlite → PostgreSQL: every row of every table found again", async () => {
    await roundTrip("pglite", "postgres");
  });
  it("PostgreSQL → PGlite: every row of every table found again", async () => {
    await roundTrip("postgres", "pglite");
  });
});
