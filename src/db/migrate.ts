// Applies prisma/migrations/*/migration.sql at start, on PGlite and on PostgreSQL alike.
// The Prisma CLI cannot be used at run time (it would not exit on PGlite, whose data directory
// belongs to this process), so migrations are applied here and recorded in Prisma's own
// `_prisma_migrations` table, so that Prisma's tools agree with what was applied.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** The few things the migrator needs from a database connection. */
export interface SqlSession {
  /** Runs a script of one or more statements, no parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

// Any fixed number: two bot processes starting together on one PostgreSQL take turns on it.
const ADVISORY_LOCK_KEY = 7_240_311_001;

/** Every folder of `dir` is a migration; the files beside them (migration_lock.toml, the datamodel
 *  snapshot datamodel.prisma, the functions' summary functions.sql) are not. */
export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function applyMigrations(
  session: SqlSession,
  migrations: MigrationFile[],
  { advisoryLock }: { advisoryLock: boolean },
): Promise<MigrationResult> {
  if (advisoryLock) await session.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const rows = await session.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const row of rows) {
      if (row.finished_at === null) {
        throw new MigrationError(`Migration ${row.migration_name} was started but never finished; resolve it by hand.`);
      }
    }
    const applied: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous) {
        if (previous.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was changed after it was applied (checksum differs). Add a new migration instead.`,
          );
        }
        continue;
      }
      await session.exec("BEGIN");
      try {
        await session.exec(m.sql);
        await session.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await session.exec("COMMIT");
      } catch (error) {
        await session.exec("ROLLBACK");
        throw new MigrationError(`Migration ${m.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: migrations.length - applied.length };
  } finally {
    if (advisoryLock) await session.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}
