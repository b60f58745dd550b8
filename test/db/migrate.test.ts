import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/db/database.js";
import { applyMigrations, MigrationError, readMigrations, type SqlSession } from "../../src/db/migrate.js";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
});
afterAll(() => t?.dispose());

function session(): SqlSession {
  const prisma = t.db.prisma;
  return {
    exec: async (sql) => {
      // Prisma cannot run several statements with parameters; these scripts have none.
      for (const statement of sql.split(/;\s*$/m).filter((s) => s.trim())) await prisma.$executeRawUnsafe(statement);
    },
    query: (sql, params = []) => prisma.$queryRawUnsafe(sql, ...params),
  };
}

describe(`migrations on ${testEngine}`, () => {
  it("apply once at start, are recorded like Prisma records them, and are not applied twice", async () => {
    const first = await t.db.migrate();
    expect(first.applied).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    const again = await t.db.migrate();
    expect(again).toEqual({ applied: [], alreadyApplied: first.applied.length });
    const rows = await t.db.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date }[]>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at)).toBe(true);
    expect(await t.db.prisma.topic.count()).toBeGreaterThanOrEqual(15);
  });

  it("refuse to go on when an applied migration was edited", async () => {
    const edited = readMigrations(MIGRATIONS_DIR).map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(applyMigrations(session(), edited, { advisoryLock: false })).rejects.toThrow(MigrationError);
  });

  it("roll back a failing migration completely and report it", async () => {
    const bad = {
      name: "99999999999999_bad",
      sql: "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;",
      checksum: "f".repeat(64),
    };
    await expect(
      applyMigrations(session(), [...readMigrations(MIGRATIONS_DIR), bad], { advisoryLock: false }),
    ).rejects.toThrow(/99999999999999_bad failed/);
    const tables = await t.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half_done'`,
    );
    expect(tables[0]?.n).toBe(0);
  });
});

describe("prisma/schema.prisma", () => {
  it("has a migration for every change (the datamodel the migrations lead to is the schema)", () => {
    // Written by `npm run db:migration`, together with the migration that leads to it.
    const snapshot = readFileSync(path.join(MIGRATIONS_DIR, "datamodel.prisma"), "utf8");
    const schema = readFileSync(path.join(MIGRATIONS_DIR, "..", "schema.prisma"), "utf8");
    expect(snapshot, "run `npm run db:migration -- <name>`").toBe(schema);
  });

  it("is kept once, not beside each migration (a folder holds its migration.sql alone)", () => {
    const folders = readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory());
    const extra = folders.flatMap((f) =>
      readdirSync(path.join(MIGRATIONS_DIR, f.name))
        .filter((file) => file !== "migration.sql")
        .map((file) => `${f.name}/${file}`),
    );
    expect(extra).toEqual([]);
  });
});
