// The real engine for tests: PGlite in memory by default; with TEST_DATABASE_URL, a fresh database
// on that PostgreSQL server for each test file (dropped afterwards), so files run in parallel.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgConfigFromUrl } from "../../src/db/adapter.js";
import { type Database, openDatabase } from "../../src/db/database.js";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const testEngine = testDatabaseUrl ? "postgres" : "pglite";

export interface TestDatabase {
  db: Database;
  /** The URL of this test's own database (PostgreSQL only). */
  url?: string;
  /** Closes and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase({ migrate = true }: { migrate?: boolean } = {}): Promise<TestDatabase> {
  if (!testDatabaseUrl) {
    const db = await openDatabase({ dataDir: "memory://" });
    if (migrate) await db.migrate();
    return { db, dispose: () => db.close() };
  }
  const name = `grafeio_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client(pgConfigFromUrl(testDatabaseUrl));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
  if (migrate) await db.migrate();
  return {
    db,
    url: url.toString(),
    async dispose() {
      await db.close();
      const c = new pg.Client(pgConfigFromUrl(testDatabaseUrl));
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
