// The embedded database in its worker thread (src/db/pglite-thread.ts): the bot's thread stays free
// while a statement runs, PostgreSQL's errors arrive as PGlite's own, a transaction rolls back, and
// a thread that dies fails every call at once instead of leaving it waiting.
import type { Worker } from "node:worker_threads";
import { messages } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgliteWorker, type PgliteWorkerClient } from "../../src/db/pglite-thread.js";
import { pgliteTemplateDump, testEngine } from "../support/database.js";

describe.runIf(testEngine === "pglite")("PGlite in its worker thread", () => {
  // One thread for the tests that leave it running (each opening costs about 0.6 s of CPU); each
  // uses tables of its own. The last test kills its own.
  let client: PgliteWorkerClient;
  beforeAll(async () => {
    client = await openPgliteWorker("memory://", { loadDataDir: pgliteTemplateDump() });
  });
  afterAll(() => client?.close());

  it("leaves this thread's timers running while a long statement runs", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      // About a second of work in PostgreSQL; on this thread, no timer would fire until it was over.
      const statement = client.query<{ n: number }>("SELECT count(*)::int AS n FROM generate_series(1, 1000000)");
      let during = 0;
      const seen = statement.then(() => {
        during = ticks;
      });
      await seen;
      expect((await statement).rows).toEqual([{ n: 1000000 }]);
      expect(during).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });

  it("gives PostgreSQL's errors as PGlite's DatabaseError, and the caller's parsers their columns", async () => {
    await client.exec("CREATE TABLE parsed (id int PRIMARY KEY, d date)");
    await client.query("INSERT INTO parsed VALUES (1, '2026-03-25'), (2, NULL)");
    const error = await client.query("INSERT INTO parsed VALUES (1, NULL)").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", severity: "ERROR", message: expect.stringMatching(/duplicate key/) });
    const parsed = await client.query("SELECT id, d FROM parsed ORDER BY id", [], {
      rowMode: "array",
      parsers: { 1082: (text: string) => `day ${text}` },
    });
    expect(parsed.rows).toEqual([
      [1, "day 2026-03-25"],
      [2, null],
    ]);
  });

  it("commits a transaction, rolls one back on an error or on rollback(), and keeps others out meanwhile", async () => {
    const db = client;
    await db.exec("CREATE TABLE u (id int PRIMARY KEY)");
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO u VALUES (1)");
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO u VALUES (2)");
        throw new Error("the caller's own");
      }),
    ).rejects.toThrow("the caller's own");
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO u VALUES (3)");
      await tx.rollback();
      expect(tx.closed).toBe(true);
    });
    // A statement outside waits for the transaction to end, as on PGlite itself.
    let outside: number[] | undefined;
    await db.transaction(async (tx) => {
      await tx.query("INSERT INTO u VALUES (4)");
      const read = db.query<{ id: number }>("SELECT id FROM u ORDER BY id").then((r) => {
        outside = r.rows.map((row) => row.id);
      });
      await tx.query("SELECT 1");
      expect(outside).toBeUndefined();
      void read;
    });
    await new Promise((r) => setImmediate(r));
    expect((await db.query<{ id: number }>("SELECT id FROM u ORDER BY id")).rows.map((r) => r.id)).toEqual([1, 4]);
  });

  it("fails every waiting and later call when the thread dies, and says closed", async () => {
    let worker: Worker | undefined;
    const client = await openPgliteWorker("memory://", {
      loadDataDir: pgliteTemplateDump(),
      onWorker: (w) => {
        worker = w;
      },
    });
    const waiting = client.query("SELECT count(*) FROM generate_series(1, 1000000)");
    await worker?.terminate();
    await expect(waiting).rejects.toThrow(/embedded database .* stopped unexpectedly/);
    await expect(client.query("SELECT 1")).rejects.toThrow(/stopped unexpectedly/);
    expect(client.closed).toBe(true);
    await client.close();
  });
});
