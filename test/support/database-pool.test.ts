// The tests' database pools (pglite-pool.ts, postgres-pool.ts) hand the next user a database exactly
// as the migrations left it, on either engine.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { pgConfigFromUrl } from "../../src/db/adapter.js";
import { createTestDatabase, testEngine } from "./database.js";

async function state(db: Awaited<ReturnType<typeof createTestDatabase>>["db"]) {
  const topics = await db.prisma.topic.findMany({ orderBy: { id: "asc" } });
  const clippings = await db.prisma.clipping.count();
  const users = await db.prisma.user.count();
  return { topics, clippings, users };
}

describe(`the tests' ${testEngine} pool`, () => {
  it("gives the next user the template's rows and sequences, whatever the last one wrote", async () => {
    const first = await createTestDatabase();
    const pristine = await state(first.db);
    expect(pristine.topics.length).toBeGreaterThan(0);
    await first.db.prisma.user.create({ data: { slackUserId: "U0POOL001" } });
    await first.db.prisma.topic.deleteMany({});
    const added = await first.db.prisma.topic.create({ data: { slug: "pool-test", nameEl: "Δοκιμή", nameEn: "Test" } });
    await first.dispose();

    const second = await createTestDatabase();
    try {
      expect(await state(second.db)).toEqual(pristine);
      // The sequence is where the template left it: the next topic gets the id the first user's did.
      const again = await second.db.prisma.topic.create({
        data: { slug: "pool-test", nameEl: "Δοκιμή", nameEn: "Test" },
      });
      expect(again.id).toBe(added.id);
    } finally {
      await second.dispose();
    }
  });

  it.runIf(testEngine === "pglite")("refuses the handle of a user who handed the database back", async () => {
    const first = await createTestDatabase();
    const { prisma } = first.db;
    await first.dispose();
    const second = await createTestDatabase();
    try {
      await expect(prisma.user.count()).rejects.toThrow(/closed/);
      expect(await second.db.prisma.user.count()).toBe(0);
    } finally {
      await second.dispose();
    }
  });

  it.runIf(testEngine === "postgres")(
    "ends the connections of a user who handed the database back, and gives the next one another name",
    async () => {
      const first = await createTestDatabase();
      const left = new pg.Client(pgConfigFromUrl(first.url ?? ""));
      await left.connect();
      left.on("error", () => undefined);
      await first.dispose();
      const second = await createTestDatabase();
      try {
        expect(second.url).not.toBe(first.url);
        // The connection the first user left open was ended, and its URL reaches nothing any more.
        await expect(left.query("SELECT 1")).rejects.toThrow();
        const late = new pg.Client(pgConfigFromUrl(first.url ?? ""));
        await expect(late.connect()).rejects.toThrow(/does not exist/);
        expect(await second.db.prisma.user.count()).toBe(0);
      } finally {
        await left.end().catch(() => undefined);
        await second.dispose();
      }
    },
  );

  it("does not hand on a database whose schema a user changed", async () => {
    const first = await createTestDatabase();
    await first.db.prisma.$executeRawUnsafe("CREATE TABLE pool_test_extra (id int)");
    await first.dispose();
    const second = await createTestDatabase();
    try {
      const extra = await second.db.prisma.$queryRawUnsafe<unknown[]>(
        "SELECT 1 FROM pg_tables WHERE tablename = 'pool_test_extra'",
      );
      expect(extra).toEqual([]);
    } finally {
      await second.dispose();
    }
  });
});
