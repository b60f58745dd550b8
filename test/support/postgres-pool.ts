// One migrated PostgreSQL database per test worker, handed from one test file to the next instead of
// a new copy of the template each time: CREATE DATABASE … TEMPLATE writes the whole 11 MB template
// to the WAL (about 0.4 s of the server's CPU, 0.4 s to wait, and DROP DATABASE another 0.16 s),
// and a run made about 190 of them. Between two users the database is put back exactly as the
// migrations left it (pristine.ts); one whose schema a test changed is dropped, not handed on.
// A user's database is renamed when it is handed on, after its connections are ended: whatever the
// last user left running (a bot, a process) can no longer reach it, as if it had been dropped, and
// the next user's URL is its own.
import pg from "pg";
import { pgConfigFromUrl } from "../../src/db/adapter.js";
import { pgSession } from "../../src/db/database.js";
import type { SqlSession } from "../../src/db/migrate.js";
import { onServer, uniqueDatabaseName } from "./postgres-server.js";
import { type Pristine, readPristine, resetToPristine } from "./pristine.js";

interface Pooled {
  name: string;
  pristine: Pristine;
}

/** The name every pooled copy of `template` starts with, so that the run's teardown finds them all. */
export function pooledPrefix(template: string): string {
  return `${template}_p`;
}

let idle: (Pooled & { template: string }) | undefined;
const pristineByTemplate = new Map<string, Pristine>();

/** A migrated database for one user: the worker's idle one, reset and renamed, or a new copy. */
export async function leasePostgresDatabase(
  serverUrl: string,
  template: string,
): Promise<{ url: string; release(): Promise<void> }> {
  const pooled = (await takeIdle(serverUrl, template)) ?? (await copyTemplate(serverUrl, template));
  let released = false;
  return {
    url: urlOf(serverUrl, pooled.name),
    async release() {
      if (released) return;
      released = true;
      await endConnections(serverUrl, pooled.name);
      // One idle database per worker; a second one (a file that had two at once) is dropped.
      if (idle) await drop(serverUrl, pooled.name);
      else idle = { ...pooled, template };
    },
  };
}

function urlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function copyTemplate(serverUrl: string, template: string): Promise<Pooled> {
  const name = uniqueDatabaseName(pooledPrefix(template));
  await onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  let pristine = pristineByTemplate.get(template);
  if (!pristine) {
    pristine = await onDatabase(serverUrl, name, (session) => readPristine(session));
    pristineByTemplate.set(template, pristine);
  }
  return { name, pristine };
}

async function takeIdle(serverUrl: string, template: string): Promise<Pooled | undefined> {
  const pooled = idle;
  idle = undefined;
  if (!pooled) return undefined;
  if (pooled.template !== template) {
    await drop(serverUrl, pooled.name);
    return undefined;
  }
  const name = uniqueDatabaseName(pooledPrefix(template));
  try {
    // Anything that reconnected since it was handed back is ended again: a rename needs the
    // database to itself.
    await endConnections(serverUrl, pooled.name);
    await onServer(serverUrl, `ALTER DATABASE ${pooled.name} RENAME TO ${name}`);
  } catch {
    await drop(serverUrl, pooled.name);
    return undefined;
  }
  const reset = await onDatabase(serverUrl, name, (session) =>
    resetToPristine(session, (work) => inTransaction(session, work), pooled.pristine),
  ).catch(() => false);
  if (reset) return { name, pristine: pooled.pristine };
  await drop(serverUrl, name);
  return undefined;
}

/** Ends every connection to the database (but this one's own) and waits until they are gone. */
async function endConnections(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client(pgConfigFromUrl(serverUrl));
  await admin.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await admin.query<{ left: number }>(
        `SELECT count(*)::int AS left FROM (
           SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()
         ) ended`,
        [name],
      );
      if (rows[0]?.left === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await admin.end();
  }
}

async function drop(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function onDatabase<T>(serverUrl: string, name: string, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(urlOf(serverUrl, name)));
  await client.connect();
  try {
    return await work(pgSession(client));
  } finally {
    await client.end();
  }
}

async function inTransaction(session: SqlSession, work: (tx: SqlSession) => Promise<void>): Promise<void> {
  await session.exec("BEGIN");
  try {
    await work(session);
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK");
    throw error;
  }
}
