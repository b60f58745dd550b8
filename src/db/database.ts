// Opens the database the configuration names, applies migrations, and hands out the Prisma client.
// Only src/db and src/domain use Prisma; listeners go through the domain services.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { withTimeout } from "../lib/timeout.js";
import { isPostgresUrl, pgConfigFromUrl, pgliteAdapterFactory } from "./adapter.js";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.js";
import { applyMigrations, type MigrationResult, readMigrations, type SqlSession } from "./migrate.js";
import { openPgliteWorker, type PgliteConnection, type PgliteQueryable } from "./pglite-thread.js";
import { pgliteReader, postgresReader, type SqlReader } from "./sql-reader.js";

export type Engine = "pglite" | "postgres";

export interface Database {
  readonly engine: Engine;
  readonly prisma: PrismaClient;
  /** Hot reads through the driver itself (see sql-reader.ts). */
  readonly reader: SqlReader;
  /** Applies the pending migrations; with `only`, only those named (a restore brings a database to
   *  the migrations its backup was taken at, no further). */
  migrate(only?: readonly string[]): Promise<MigrationResult>;
  /**
   * Runs `fn` in one transaction on a connection of its own, which nothing else uses meanwhile:
   * "snapshot" is REPEATABLE READ READ ONLY (a backup reads one consistent state), "write" a plain
   * transaction (a restore). On PGlite, the bot's other queries wait until it ends.
   */
  transaction<T>(mode: "snapshot" | "write", fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /**
   * Embedded only: the data directory as it is now, as a tarball (PGlite's `dumpDataDir`), for a
   * look at what is actually on disk (the erasure's test).
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * Prisma gives an interactive transaction 2 s to start and 5 s to finish by default, and rolls it
 * back after that: a register's entry waiting behind a lock for longer (a backup, a vacuum, a slow
 * disk) would be lost, although the form was answered "saving…". The database decides instead;
 * these only stop a transaction that hangs.
 */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 60_000 } as const;

const SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

/** The migrations of this checkout, or only those named. */
function migrationsToApply(only: readonly string[] | undefined) {
  const all = readMigrations(MIGRATIONS_DIR);
  return only ? all.filter((m) => only.includes(m.name)) : all;
}

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  /** Embedded only: start as a copy of this dump of a data directory (PGlite's `dumpDataDir()`). */
  loadDataDir?: Blob;
  /**
   * Embedded only: what this process is, for the lock on the folder ("a job run (npm run job)"),
   * and what a refused operator should do instead. See data-dir-lock.ts.
   */
  purpose?: string;
  busyAdvice?: string;
}): Promise<Database> {
  if (isPostgresUrl(options.databaseUrl)) return openPostgres(options.databaseUrl);
  // The folder is locked before PGlite touches it: a second process is refused here, at once,
  // having written nothing (DataDirLockedError). A PostgreSQL server keeps its clients apart itself.
  const lock = options.dataDir.startsWith("memory://")
    ? undefined
    : lockDataDir(options.dataDir, options.purpose ?? "a Grafeio process", { advice: options.busyAdvice });
  try {
    return await openEmbedded(options.dataDir, options.loadDataDir, lock);
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** The migrator's view of one connection to a PostgreSQL server. */
export function pgSession(client: pg.Client): SqlSession {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
  };
}

/** The migrator's view of a PGlite (in this thread, or the bot's in its worker thread). */
export function pgliteSession(pglite: PgliteQueryable): SqlSession {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
}

async function openEmbedded(
  dataDir: string,
  loadDataDir: Blob | undefined,
  lock: DataDirLock | undefined,
): Promise<Database> {
  // In a worker thread: its statements never hold this thread, where Slack's requests are
  // acknowledged (pglite-thread.ts).
  const pglite = await openPgliteWorker(dataDir, { loadDataDir });
  return databaseOnPglite(pglite, async () => {
    try {
      await closePglite(pglite);
    } finally {
      lock?.release();
    }
  });
}

/**
 * The Database over an open PGlite. `release` runs once, on close, after Prisma has let go of it:
 * it closes PGlite and its folder's lock (the tests' pool hands the PGlite on instead).
 */
export function databaseOnPglite(pglite: PgliteConnection, release: () => Promise<void>): Database {
  const prisma = new PrismaClient({
    adapter: pgliteAdapterFactory(pglite, { closeOnDispose: false }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  const session = pgliteSession(pglite);
  let closed = false;
  return {
    engine: "pglite",
    prisma,
    reader: pgliteReader(pglite),
    migrate: (only) => applyMigrations(session, migrationsToApply(only), { advisoryLock: false }),
    // PGlite's own transaction holds its one connection until it ends, so no query of Prisma's
    // slips into it.
    transaction: (mode, fn) =>
      pglite.transaction(async (tx) => {
        if (mode === "snapshot") await tx.exec(SNAPSHOT);
        return fn({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
        });
      }),
    // A worker that died (a crash, out of memory) is not ready either.
    ping: () => pingPrisma(prisma, () => closed || pglite.closed),
    dumpDataDir: () => pglite.dumpDataDir("none"),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await prisma.$disconnect();
      } finally {
        await release();
      }
    },
  };
}

async function closePglite(pglite: PgliteConnection) {
  if (!pglite.closed) await pglite.close();
}

async function openPostgres(url: string): Promise<Database> {
  const config = pgConfigFromUrl(url);
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ ...config, max: 10 }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  const reader = postgresReader(config);
  let closed = false;
  return {
    engine: "postgres",
    prisma,
    reader,
    migrate: async (only) => {
      const client = new pg.Client(config);
      await client.connect();
      try {
        return await applyMigrations(pgSession(client), migrationsToApply(only), { advisoryLock: true });
      } finally {
        await client.end();
      }
    },
    transaction: async (mode, fn) => {
      const client = new pg.Client(config);
      // A connection the server drops mid-way fails the transaction's query, not the process.
      client.on("error", () => {});
      await client.connect();
      try {
        await client.query(mode === "snapshot" ? `BEGIN; ${SNAPSHOT}` : "BEGIN");
        try {
          const result = await fn(pgSession(client));
          await client.query("COMMIT");
          return result;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        }
      } finally {
        await client.end();
      }
    },
    ping: () => pingPrisma(prisma, () => closed),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([prisma.$disconnect(), reader.close()]);
    },
  };
}

async function pingPrisma(prisma: PrismaClient, isClosed: () => boolean): Promise<boolean> {
  if (isClosed()) return false;
  try {
    await withTimeout(prisma.$queryRaw`SELECT 1`, 2000);
    return true;
  } catch {
    return false;
  }
}
