// vitest globalSetup: migrates one database per run, which createTestDatabase() then copies for each
// test file, instead of every file replaying all the migrations (seconds each, on 2 cores).
// - PGlite: a migrated in-memory PGlite, dumped to a tarball kept in node_modules/.cache until the
//   migrations change; each copy is a PGlite loaded from it (openPglite loads the same extensions).
//   Its empty state is dumped too, as opening an empty PGlite means running initdb.
// - PostgreSQL: a migrated database on the server, copied with CREATE DATABASE … TEMPLATE (once per
//   worker: postgres-pool.ts hands the copy on), and dropped by the teardown with the copies.
// The location is handed to the test workers with provide/inject.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, pgConfigFromUrl } from "../../src/db/adapter.js";
import { MIGRATIONS_DIR, openDatabase, pgliteSession } from "../../src/db/database.js";
import { applyMigrations, type MigrationFile, readMigrations } from "../../src/db/migrate.js";
import { testDatabaseUrl } from "./database.js";
import { pooledPrefix } from "./postgres-pool.js";
import { onServer, uniqueDatabaseName } from "./postgres-server.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  return testDatabaseUrl ? postgresTemplate(project, testDatabaseUrl) : pgliteTemplate(project);
}

/**
 * The dumps are kept between runs in node_modules/.cache, under a key made of what they are made
 * from (PGlite's version, the migrations, this file): a run after a new migration, or a PGlite
 * upgrade, makes them again; any other run starts at once. A fresh clone (CI) makes them once.
 */
async function pgliteTemplate(project: TestProject) {
  const migrations = readMigrations(MIGRATIONS_DIR);
  const key = createHash("sha256")
    .update(
      readFileSync(fileURLToPath(new URL("../../node_modules/@electric-sql/pglite/package.json", import.meta.url))),
    )
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(fileURLToPath(new URL("../../src/db/pglite-open.ts", import.meta.url))))
    .update(JSON.stringify(migrations.map((m) => [m.name, m.checksum])))
    .digest("hex")
    .slice(0, 16);
  const cache = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    "../../node_modules/.cache/grafeio-test-templates",
  );
  const dir = path.join(cache, key);
  const files = { migrated: path.join(dir, "migrated.tar"), empty: path.join(dir, "empty.tar") };
  if (!existsSync(files.migrated) || !existsSync(files.empty)) {
    mkdirSync(cache, { recursive: true });
    const building = mkdtempSync(path.join(cache, `${key}-building-`));
    try {
      await buildPgliteTemplates(building, migrations);
      // Whole or not at all: another run making the same dumps at the same time keeps its own.
      renameSync(building, dir);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(files.migrated)) throw error;
    }
    // Dumps of older migrations are of no more use once a day old: younger ones may be another
    // checkout's (two worktrees sharing node_modules), whose run is reading them now.
    const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
    for (const other of readdirSync(cache)) {
      const otherDir = path.join(cache, other);
      if (other !== key && !other.includes("-building-") && statSync(otherDir).mtimeMs < dayAgo)
        rmSync(otherDir, { recursive: true, force: true });
    }
  }
  project.provide("testDatabaseTemplates", files);
  return async () => {};
}

async function buildPgliteTemplates(dir: string, migrations: MigrationFile[]) {
  // A new PGlite runs initdb, which takes longer than all the migrations: the empty database is
  // dumped too, for the tests that need one (createTestDatabase({ migrate: false })).
  const save = async (pglite: PGlite, name: string) => {
    // A checkpoint first, so that a copy starts without replaying the WAL.
    await pglite.exec("CHECKPOINT");
    // Uncompressed: each test file loads it, and unzipping would cost more than reading the bytes.
    const dump = await pglite.dumpDataDir("none");
    writeFileSync(path.join(dir, name), Buffer.from(await dump.arrayBuffer()));
  };
  const pglite = await openPglite("memory://");
  try {
    // Every test file loads a copy: without the template databases, which Grafeio never uses
    // (it creates no database), a copy is 600 files and 15 MB smaller and opens faster.
    for (const template of ["template0", "template1"]) {
      await pglite.exec(`UPDATE pg_database SET datistemplate = false WHERE datname = '${template}'`);
      await pglite.exec(`DROP DATABASE ${template}`);
    }
    await save(pglite, "empty.tar");
    await applyMigrations(pgliteSession(pglite), migrations, { advisoryLock: false });
    await save(pglite, "migrated.tar");
  } finally {
    await pglite.close();
  }
}

async function postgresTemplate(project: TestProject, serverUrl: string) {
  const name = uniqueDatabaseName("grafeio_template");
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
    try {
      await db.migrate();
    } finally {
      // CREATE DATABASE … TEMPLATE refuses a template that has any connection open.
      await db.close();
    }
  } catch (error) {
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    throw error;
  }
  project.provide("testDatabaseTemplates", { migrated: name });
  return async () => {
    // The workers' pooled copies (postgres-pool.ts) are left for the end of the run.
    const admin = new pg.Client(pgConfigFromUrl(serverUrl));
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
        [pooledPrefix(name)],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
    await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
