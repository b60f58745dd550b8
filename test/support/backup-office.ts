// An office's backup for the tests (backup.test.ts, backup.process.test.ts): databases of either
// engine, empty or holding the office (test/support/office-data.ts), and every table's rows as the
// server renders them, to compare a restore with its source. Everything made is removed by dispose().
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createServices } from "../../src/app/areas.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { noAudit } from "../../src/lib/audit.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, onServer, testDatabaseUrl, testEngine, uniqueDatabaseName } from "./database.js";
import { fillOffice } from "./office-data.js";

export type Engine = "pglite" | "postgres";

export const SERVER_URL = testDatabaseUrl ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** PostgreSQL answers at 127.0.0.1:5432 (always in CI): the cross-engine tests need both engines. */
export async function postgresReachable(): Promise<boolean> {
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

export function officeServices(db: Database) {
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

/** Every table's rows as the server renders them (JSON, ordered by primary key), and the migrations. */
export async function contents(db: Database) {
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

/** A scratch folder and the databases a test makes, all removed by dispose(). */
export class BackupScratch {
  readonly folder = mkdtempSync(path.join(os.tmpdir(), "grafeio-backup-"));
  private readonly cleanups: (() => Promise<void>)[] = [];

  /** Runs at dispose(), last added first. */
  later(cleanup: () => Promise<void>): void {
    this.cleanups.push(cleanup);
  }

  async dispose(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) await cleanup().catch(() => undefined);
    rmSync(this.folder, { recursive: true, force: true });
  }

  /** A new, empty database of that engine (no tables, no migrations). */
  async emptyDatabase(engine: Engine): Promise<Database> {
    if (engine === "postgres") {
      const name = uniqueDatabaseName("grafeio_restore");
      await onServer(SERVER_URL, `CREATE DATABASE ${name}`);
      const url = new URL(SERVER_URL);
      url.pathname = `/${name}`;
      const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
      this.later(async () => {
        await db.close();
        await onServer(SERVER_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      });
      return db;
    }
    if (testEngine === "pglite") {
      // A copy of the run's empty template (no initdb).
      const t = await createTestDatabase({ migrate: false });
      this.later(() => t.dispose());
      return t.db;
    }
    const db = await openDatabase({ dataDir: mkdtempSync(path.join(this.folder, "pglite-")) });
    this.later(() => db.close());
    return db;
  }

  /** A migrated database of this run's engine holding the office. */
  async filledDatabase(): Promise<Database> {
    const t = await createTestDatabase();
    this.later(() => t.dispose());
    await fillOffice(t.db, officeServices(t.db));
    return t.db;
  }
}
