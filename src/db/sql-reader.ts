// Read-only statements through the database driver itself, beside Prisma. For the few hot reads
// (the clippings search) where Prisma's own cost per statement is a good part of the query's: on
// PostgreSQL (npm run bench:statement) `SELECT 1` takes 0.37 ms at p50 through Prisma, and the
// batch transaction the search needed for its planner settings 0.86 ms (2.1 ms at p95), against
// 0.05 ms through pg.
import pg from "pg";
import type { PgliteConnection } from "./pglite-thread.js";

/** A statement with `$1`-style placeholders, as `Prisma.sql` builds it (`.text`, `.values`). */
export interface SqlStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** Planner settings for one statement, e.g. `{ enable_seqscan: "off" }` (SET LOCAL). */
export type PlannerSettings = Readonly<Record<string, string>>;

export interface SqlReader {
  /**
   * Runs one read-only statement; with `planner`, with those planner settings for it alone. Dates come back as `YYYY-MM-DD` text, never shifted by the process's time zone;
   * bigints as text (pg) or bigint (PGlite): read them with Number().
   */
  read<T>(statement: SqlStatement, planner?: PlannerSettings): Promise<T[]>;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const keepText = (value: string) => value;

/** The settings as `[name, value]` pairs; names and values are the code's own constants, checked all the same. */
function checked(planner: PlannerSettings): [string, string][] {
  return Object.entries(planner).map(([name, value]) => {
    if (!/^[a-z_]+$/.test(name) || !/^[a-z0-9_]+$/i.test(value)) {
      throw new Error(`not a planner setting: ${name} = ${value}`);
    }
    return [name, value];
  });
}

export function pgliteReader(pglite: PgliteConnection): SqlReader {
  const options = { parsers: { [DATE_OID]: keepText } };
  return {
    async read<T>(statement: SqlStatement, planner?: PlannerSettings) {
      const values = [...statement.values];
      if (!planner) return (await pglite.query<T>(statement.text, values, options)).rows;
      return pglite.transaction(async (tx) => {
        const settings = checked(planner).map(([name, value]) => `SET LOCAL ${name} = ${value}`);
        await tx.exec(["SET TRANSACTION READ ONLY", ...settings].join("; "));
        return (await tx.query<T>(statement.text, values, options)).rows;
      });
    },
    // The database closes PGlite itself.
    async close() {},
  };
}

/**
 * One small pool per set of planner settings, its connections opened with them (and read-only):
 * a statement is one round trip, not four (BEGIN and SET LOCAL, the statement, COMMIT).
 */
export function postgresReader(config: pg.PoolConfig): SqlReader {
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === DATE_OID ? keepText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pools = new Map<string, pg.Pool>();
  const poolFor = (planner: PlannerSettings = {}) => {
    const settings = [["default_transaction_read_only", "on"], ...checked(planner)].sort();
    const options = settings.map(([name, value]) => `-c ${name}=${value}`).join(" ");
    let pool = pools.get(options);
    if (!pool) {
      pool = new pg.Pool({ ...config, max: 4, types, options });
      // An idle connection the server drops must not take the process down; the next read reconnects.
      pool.on("error", () => {});
      pools.set(options, pool);
    }
    return pool;
  };
  return {
    async read<T>(statement: SqlStatement, planner?: PlannerSettings) {
      return (await poolFor(planner).query(statement.text, [...statement.values])).rows as T[];
    },
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.end()));
      pools.clear();
    },
  };
}
