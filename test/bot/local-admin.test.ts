// The bot's local door for `npm run job` on the embedded database (src/app/local-admin.ts): on
// 127.0.0.1 only, opened only by the token in a file its user alone can read, and a run goes to
// the scheduler's own runByHand (the claim; its journey with real processes is one-process.process.test.ts).
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { InFlight } from "../../src/app/in-flight.js";
import {
  ADMIN_FILE,
  type AdminScheduler,
  askRunningBot,
  findRunningBot,
  startLocalAdmin,
} from "../../src/app/local-admin.js";
import { createLogger } from "../../src/app/logger.js";
import { lockDataDir } from "../../src/db/data-dir-lock.js";

const logger = createLogger({ level: "silent" });
const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A raw request, with whatever authorization header is given. */
function raw(port: number, method: string, urlPath: string, authorization?: string, body?: string) {
  return new Promise<number>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method, path: urlPath, headers: authorization ? { authorization } : {} },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("the bot's local door for npm run job", () => {
  it("opens only to the token of its 0600 file, and runs a job through the scheduler's runByHand", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "grafeio-door-"));
    folders.push(dir);
    const lock = lockDataDir(dir, "the Grafeio bot (npm start)");
    const runs: unknown[] = [];
    const scheduler: AdminScheduler = {
      overview: async () => [],
      runByHand: async (name, at, options) => {
        runs.push({ name, at: at.toISOString(), ...options });
        return "succeeded";
      },
    };
    const admin = await startLocalAdmin({
      engine: "pglite",
      dataDir: dir,
      scheduler,
      inFlight: new InFlight(),
      logger,
    });
    try {
      const file = path.join(dir, ADMIN_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const door = JSON.parse(readFileSync(file, "utf8")) as { port: number; token: string; pid: number };
      expect(door).toMatchObject({ port: admin?.port, pid: process.pid });
      expect(door.token.length).toBeGreaterThanOrEqual(40);

      const body = JSON.stringify({ name: "morning-digest", at: "2026-11-23T06:00:00Z" });
      const wrong = `${door.token.slice(0, -1)}${door.token.endsWith("A") ? "B" : "A"}`;
      for (const authorization of [undefined, `Bearer ${wrong}`, door.token, `Bearer ${door.token}x`, "Bearer "]) {
        expect(await raw(door.port, "POST", "/jobs/run", authorization, body)).toBe(401);
        expect(await raw(door.port, "GET", "/jobs", authorization)).toBe(401);
      }
      expect(runs).toEqual([]);

      // What npm run job does: the lock names the bot's pid, and the door's file the same pid.
      const bot = findRunningBot(dir);
      expect(bot).toMatchObject({ port: door.port, token: door.token, holder: { pid: process.pid } });
      if (!bot) return;
      expect(await askRunningBot(bot, { method: "GET", path: "/jobs" })).toEqual({ status: 200, body: { jobs: [] } });
      const bad = await askRunningBot(bot, { method: "POST", path: "/jobs/run", body: { name: "x", at: "yesterday" } });
      expect(bad.status).toBe(400);
      const run = await askRunningBot(bot, {
        method: "POST",
        path: "/jobs/run",
        body: { name: "morning-digest", at: "2026-11-23T06:00:00Z", force: true },
      });
      expect(run).toEqual({ status: 200, body: { result: "succeeded" } });
      expect(runs).toEqual([
        { name: "morning-digest", at: "2026-11-23T06:00:00.000Z", force: true, via: "local-admin" },
      ]);
    } finally {
      admin?.close();
      lock.release();
    }
    // Stopped: the file is gone, and npm run job opens the database itself.
    expect(() => statSync(path.join(dir, ADMIN_FILE))).toThrow();
    expect(findRunningBot(dir)).toBeUndefined();
  });

  it("is not opened on PostgreSQL, where npm run job opens the database itself", async () => {
    const scheduler: AdminScheduler = { overview: async () => [], runByHand: async () => "succeeded" };
    const options = { dataDir: "unused", scheduler, inFlight: new InFlight(), logger };
    expect(await startLocalAdmin({ ...options, engine: "postgres" })).toBeUndefined();
  });
});
