// The real engine for tests: PGlite in memory by default; with TEST_DATABASE_URL, a database on that
// PostgreSQL server, one per test worker, so files run in parallel. Migrating takes seconds, so it
// is done once per run, in migrated-template.ts; each test file gets a database as that migrated
// one is, from its worker's pool (pglite-pool.ts, postgres-pool.ts) or a new copy.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/database.js";
import { leasePgliteDatabase } from "./pglite-pool.js";
import { leasePostgresDatabase } from "./postgres-pool.js";
import { onServer, uniqueDatabaseName } from "./postgres-server.js";

export { onServer, uniqueDatabaseName };

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const testEngine = testDatabaseUrl ? "postgres" : "pglite";

declare module "vitest" {
  export interface ProvidedContext {
    /** From migrated-template.ts. PGlite: the paths of dumps of a migrated and of an empty data
     *  directory. PostgreSQL: the name of a migrated database to copy (an empty one is a plain
     *  CREATE DATABASE). */
    testDatabaseTemplates: { migrated: string; empty?: string };
  }
}

export interface TestDatabase {
  db: Database;
  /** The URL of this test's own database (PostgreSQL only). */
  url?: string;
  /** Closes and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

function templates(): { migrated: string; empty?: string } {
  const provided = inject("testDatabaseTemplates");
  if (!provided) throw new Error("No template database: vitest.config.ts must run test/support/migrated-template.ts");
  return provided;
}

const dumps = new Map<string, Blob>();
/** Each dump is read once per test file; PGlite copies it into each database it opens. */
function pgliteDump(file: string | undefined): Blob {
  if (!file) throw new Error("No PGlite dump: the global setup ran for PostgreSQL");
  let dump = dumps.get(file);
  if (!dump) {
    dump = new Blob([readFileSync(file)]);
    dumps.set(file, dump);
  }
  return dump;
}

/** PGlite runs only: the migrated template's dump, to put a migrated database in a folder on disk. */
export function pgliteTemplateDump(): Blob {
  return pgliteDump(templates().migrated);
}

/**
 * A database of this test's own, as the migrations left it, or with `migrate: false` an empty one
 * (for the tests of the migrator itself). On PGlite a migrated one is the worker's PGlite, put back
 * to the template's state (pglite-pool.ts), or a new copy of the template; on PostgreSQL likewise
 * the worker's database (postgres-pool.ts) or a new copy. Nothing one user wrote is seen by the next.
 */
export async function createTestDatabase({ migrate = true }: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (!testDatabaseUrl) {
    const { migrated, empty } = templates();
    const db = migrate
      ? await leasePgliteDatabase(pgliteDump(migrated))
      : await openDatabase({ dataDir: "memory://", loadDataDir: pgliteDump(empty) });
    // Nothing is left to apply on a copy; this only checks it (and keeps a watch run right when a
    // migration is added after the template was made).
    if (migrate) await db.migrate();
    return { db, dispose: () => db.close() };
  }
  const serverUrl = testDatabaseUrl;
  if (migrate) {
    const lease = await leasePostgresDatabase(serverUrl, templates().migrated);
    const db = await openDatabase({ databaseUrl: lease.url, dataDir: "unused" });
    await db.migrate();
    return {
      db,
      url: lease.url,
      async dispose() {
        await db.close();
        await lease.release();
      },
    };
  }
  const name = uniqueDatabaseName("grafeio_test");
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export interface ProcessDatabase {
  /** What the bot's process is given: DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL). */
  env: Record<string, string>;
  /** Opens it here, once the process is gone, to see what it left. */
  reopen(): Promise<Database>;
  dispose(): Promise<void>;
}

/**
 * A migrated database for a bot started as its own process (`npm start`): on PGlite a data folder
 * on disk, unpacked from the migrated dump (no initdb, no migrations in the child); on PostgreSQL a
 * copy of the template, as createTestDatabase makes.
 */
export async function createProcessDatabase(): Promise<ProcessDatabase> {
  if (!testDatabaseUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "grafeio-process-"));
    // The dump is the data folder as a tarball (paths from its root): unpacked, it is the folder
    // PGlite would have written from it, without starting PostgreSQL here to write it.
    execFileSync("tar", ["-xf", templates().migrated, "-C", dataDir], { stdio: ["ignore", "ignore", "pipe"] });
    return {
      env: { DATA_DIR: dataDir },
      reopen: () => openDatabase({ dataDir }),
      dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const copy = await createTestDatabase();
  await copy.db.close();
  const url = copy.url ?? "";
  return {
    env: { DATABASE_URL: url },
    reopen: () => openDatabase({ databaseUrl: url, dataDir: "unused" }),
    dispose: () => copy.dispose(),
  };
}
