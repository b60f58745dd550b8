import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ migrate: false });
});
afterAll(() => t?.dispose());

const setting = (name: string) => Prisma.sql`SELECT current_setting(${name}) AS value`;

describe(`reading through the driver on ${testEngine}`, () => {
  it("takes Prisma's statements with their parameters, and gives dates as they are stored", async () => {
    const rows = await t.db.reader.read<{ d: string; n: number; total: bigint | string }>(
      Prisma.sql`SELECT ${"2026-03-29"}::date AS d, ${41}::int + 1 AS n, count(*) AS total FROM generate_series(1, 3)`,
    );
    // The date is not turned into a moment of the process's time zone (and back a day).
    expect(rows).toEqual([{ d: "2026-03-29", n: 42, total: expect.anything() }]);
    expect(Number(rows[0]?.total)).toBe(3);
  });

  it("sets the planner for that statement alone", async () => {
    const off = await t.db.reader.read<{ value: string }>(setting("enable_seqscan"), { enable_seqscan: "off" });
    expect(off).toEqual([{ value: "off" }]);
    expect(await t.db.reader.read<{ value: string }>(setting("enable_seqscan"))).toEqual([{ value: "on" }]);
  });

  it("reads only, and is whole again after a failed statement", async () => {
    await expect(
      t.db.reader.read(Prisma.sql`CREATE TABLE reader_was_here (id int)`, { enable_seqscan: "off" }),
    ).rejects.toThrow(/read-only/);
    await expect(t.db.reader.read(Prisma.sql`SELECT 1 / 0`, { enable_seqscan: "off" })).rejects.toThrow(/division/);
    expect(await t.db.reader.read<{ value: string }>(setting("enable_seqscan"))).toEqual([{ value: "on" }]);
    const tables = await t.db.reader.read(Prisma.sql`SELECT 1 FROM pg_tables WHERE tablename = 'reader_was_here'`);
    expect(tables).toEqual([]);
  });

  it("refuses a setting that is not a name and a plain value", async () => {
    await expect(
      t.db.reader.read(Prisma.sql`SELECT 1`, { "enable_seqscan = on; DROP TABLE x; --": "off" }),
    ).rejects.toThrow(/not a planner setting/);
    await expect(t.db.reader.read(Prisma.sql`SELECT 1`, { enable_seqscan: "off'; --" })).rejects.toThrow(
      /not a planner setting/,
    );
  });
});
