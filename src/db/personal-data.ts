// The two steps of a GDPR erasure every area's store shares: rewriting free-text columns without the
// person (what to look for is src/lib/personal-data.ts), and giving back the space of the rows
// deleted or rewritten, so that the person's data is not left on disk in dead row versions.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Redactor } from "../lib/personal-data.js";

// Table and column names are spliced into SQL: only plain lower-case identifiers, given by code.
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain identifier: ${name}`);
  return `"${name}"`;
}

/** Rows read at a time: a register of some thousand rows is read in a few round trips. */
const PAGE = 500;

type Db = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/**
 * What becomes of one row, from its `columns` (as text): `"delete"`, the new values (in the same
 * order; null clears a column), or undefined to leave it.
 */
export type RowDecision = (values: (string | null)[]) => "delete" | (string | null)[] | undefined;

/**
 * Applies `decide` to every row of `table` (a page at a time by `id`) and returns the ids of the
 * rows it deleted or changed. The rows are read whole rather than filtered in SQL: a mention is
 * found without accents or capitals, which the database's C locale cannot do for Greek, and an
 * erasure is rare. Idempotent when `decide` is (a second run finds nothing left to change).
 */
export async function rewriteRows(db: Db, table: string, columns: string[], decide: RowDecision): Promise<number[]> {
  const t = identifier(table);
  const cols = columns.map(identifier);
  const touched: number[] = [];
  let after = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<Record<string, string | null | number>[]>(
      `SELECT id, ${cols.map((c, i) => `${c}::text AS c${i}`).join(", ")} FROM ${t} WHERE id > $1 ORDER BY id LIMIT ${PAGE}`,
      after,
    );
    for (const row of rows) {
      const id = Number(row.id);
      const values = columns.map((_, i) => row[`c${i}`] as string | null);
      const decided = decide(values);
      if (decided === "delete") {
        await db.$executeRawUnsafe(`DELETE FROM ${t} WHERE id = $1`, id);
        touched.push(id);
        continue;
      }
      const set = decided ? columns.flatMap((_, i) => (decided[i] === values[i] ? [] : [i])) : [];
      if (!decided || set.length === 0) continue;
      await db.$executeRawUnsafe(
        `UPDATE ${t} SET ${set.map((i, n) => `${cols[i]} = $${n + 2}`).join(", ")} WHERE id = $1`,
        id,
        ...set.map((i) => decided[i]),
      );
      touched.push(id);
    }
    if (rows.length < PAGE) return touched;
    after = Number(rows[rows.length - 1]?.id);
  }
}

/** Every mention of the person in `columns` (text) of `table` replaced; the ids of the rows changed. */
export function redactTextColumns(db: Db, table: string, columns: string[], redactor: Redactor): Promise<number[]> {
  return rewriteRows(db, table, columns, (values) => values.map((v) => redactor.redact(v)));
}

/** A table's rows touched by an erasure's steps, each row counted once. */
export function touchedRows(table: string, ...steps: number[][]): { table: string; rows: number } {
  return { table, rows: new Set(steps.flat()).size };
}

/**
 * `VACUUM FULL` of each table, one at a time and outside any transaction (VACUUM refuses to run in
 * one). FULL rather than a plain VACUUM: a plain one marks the dead rows' space free but leaves
 * their bytes on the page until something overwrites them, and PGlite has no autovacuum at all;
 * FULL writes each table (its TOAST and its indexes) anew and drops the old files. It locks the
 * table while it runs, which for the office's tables is a moment, and an erasure is rare. The
 * write-ahead log and any backup still hold the rows until they are recycled (README).
 */
export async function reclaimSpace(prisma: Pick<PrismaClient, "$executeRawUnsafe">, tables: string[]): Promise<void> {
  for (const table of [...new Set(tables)]) await prisma.$executeRawUnsafe(`VACUUM FULL ${identifier(table)}`);
}
