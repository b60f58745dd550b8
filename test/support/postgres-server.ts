// The PostgreSQL server the tests run on with TEST_DATABASE_URL: statements on its maintenance
// database, and names for the databases the tests make there.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgConfigFromUrl } from "../../src/db/adapter.js";

/** A unique database name: other runs (other engineers, CI) may share the server. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run inside
 *  the database they name). */
export async function onServer(url: string, sql: string): Promise<void> {
  const admin = new pg.Client(pgConfigFromUrl(url));
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
