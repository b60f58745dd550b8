// vitest globalSetup: migrates one database per run, which createTestDatabase() then copies for each
// test file, instead of every file replaying all the migrations (seconds each, on 2 cores).
// - PGlite: a migrated in-memory PGlite, dumped to a tarball in a temporary folder; each copy is a
//   new in-memory PGlite loaded from it (openPglite loads the same extensions). Its empty state is
//   dumped too, as opening an empty PGlite means running initdb.
// - PostgreSQL: a migrated database on the server, copied with CREATE DATABASE … TEMPLATE.
// The location is handed to the test workers with provide/inject; teardown removes it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openPglite } from "../../src/db/adapter.js";
import { MIGRATIONS_DIR, openDatabase, pgliteSession } from "../../src/db/database.js";
import { applyMigrations, readMigrations } from "../../src/db/migrate.js";
import { onServer, testDatabaseUrl, uniqueDatabaseName } from "./database.js";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  return testDatabaseUrl ? postgresTemplate(project, testDatabaseUrl) : pgliteTemplate(project);
}

async function pgliteTemplate(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grafeio-test-template-"));
  // A new PGlite runs initdb, which takes longer than all the migrations: the empty database is
  // dumped too, for the tests that need one (createTestDatabase({ migrate: false })).
  const save = async (pglite: PGlite, name: string) => {
    // A checkpoint first, so that a copy starts without replaying the WAL.
    await pglite.exec("CHECKPOINT");
    // Uncompressed: each test file loads it, and unzipping would cost more than reading the bytes.
    const dump = await pglite.dumpDataDir("none");
    const file = path.join(dir, name);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  };
  try {
    const pglite = await openPglite("memory://");
    try {
      // Every test file loads a copy: without the template databases, which Grafeio never uses
      // (it creates no database), a copy is 600 files and 15 MB smaller and opens faster.
      for (const template of ["template0", "template1"]) {
        await pglite.exec(`UPDATE pg_database SET datistemplate = false WHERE datname = '${template}'`);
        await pglite.exec(`DROP DATABASE ${template}`);
      }
      const empty = await save(pglite, "empty.tar");
      await applyMigrations(pgliteSession(pglite), readMigrations(MIGRATIONS_DIR), { advisoryLock: false });
      const migrated = await save(pglite, "migrated.tar");
      project.provide("testDatabaseTemplates", { migrated, empty });
    } finally {
      await pglite.close();
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return async () => rmSync(dir, { recursive: true, force: true });
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
  return () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
