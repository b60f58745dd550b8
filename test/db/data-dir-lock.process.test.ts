// The embedded database's folder is held by one process (src/db/data-dir-lock.ts): a second opener
// is refused with the holder's name, and a lock left by a dead process is taken over, by one
// process only however many try at once.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, LOCK_FILE, lockDataDir } from "../../src/db/data-dir-lock.js";
import { openDatabase } from "../../src/db/database.js";
import { entryPoint } from "../support/bot-process.js";
import { pgliteTemplateDump, testEngine } from "../support/database.js";

const folders: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "grafeio-lock-"));
  folders.push(dir);
  return dir;
}

/** A lock file as a process with `pid` would have left it. */
function writeLock(dir: string, holder: { pid: number; host?: string; since?: string; purpose?: string }) {
  const lock = {
    host: os.hostname(),
    since: new Date().toISOString(),
    purpose: "the Grafeio bot (npm start)",
    nonce: "0123456789abcdef01234567",
    ...holder,
  };
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(lock));
}

/** A process that has exited: its pid is dead (and not reused within the test's milliseconds). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid ?? 0;
}

/** Starts lock-holder.ts and waits until it is ready to try. */
async function holder(dir: string, ...args: string[]) {
  const child = spawn(process.execPath, [...entryPoint("test/support/lock-holder.ts"), dir, ...args]);
  children.push(child);
  let out = "";
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
    const parts = out.split("\n");
    out = parts.pop() ?? "";
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const line = (n: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (lines.length > n) resolve(lines[n] ?? "");
        else if (child.exitCode !== null) reject(new Error(`lock-holder exited: ${err}`));
        else waiters.push(check);
      };
      child.once("exit", check);
      check();
    });
  expect(await line(0)).toBe("ready");
  return { child, go: () => child.stdin.write("go\n"), answer: () => line(1) };
}

describe("the embedded database's folder lock", () => {
  it("refuses a second opener, naming the holder, since when and what to do, and writes nothing", () => {
    const dir = folder();
    const first = lockDataDir(dir, "the Grafeio bot (npm start)");
    try {
      const before = readFileSync(path.join(dir, LOCK_FILE), "utf8");
      let refused: unknown;
      try {
        lockDataDir(dir, "a job run (npm run job)", { advice: "wait for it to finish" });
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect((refused as Error).message).toMatch(
        new RegExp(
          `^The embedded database in .+ is already open in the Grafeio bot \\(npm start\\) \\(pid ${process.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\); wait for it to finish\\.$`,
        ),
      );
      expect(readdirSync(dir)).toEqual([LOCK_FILE]);
      expect(readFileSync(path.join(dir, LOCK_FILE), "utf8")).toBe(before);
    } finally {
      first.release();
    }
    expect(readdirSync(dir)).toEqual([]);
    lockDataDir(dir, "the next one").release();
  });

  it("names the other host of a folder on a shared disk, and leaves its lock alone", () => {
    const dir = folder();
    writeLock(dir, { pid: 4242, host: "elsewhere-01" });
    expect(() => lockDataDir(dir, "the Grafeio bot (npm start)")).toThrow(/\(pid 4242 on host elsewhere-01, since/);
  });

  it("takes over the lock of a dead pid, and of a live pid that started after the lock was taken (a reused number)", async () => {
    const dir = folder();
    writeLock(dir, { pid: await deadPid() });
    const taken = lockDataDir(dir, "the Grafeio bot (npm start)");
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: process.pid });
    taken.release();

    // A process started just now cannot have taken a lock an hour ago: its pid was reused.
    const { child } = await holder(folder());
    writeLock(dir, { pid: child.pid ?? 0, since: new Date(Date.now() - 3600_000).toISOString() });
    lockDataDir(dir, "the Grafeio bot (npm start)").release();
  });

  it("lets exactly one of four processes take over a stale lock they all judged stale", async () => {
    const dir = folder();
    writeLock(dir, { pid: await deadPid() });
    const racers = await Promise.all([1, 2, 3, 4].map(() => holder(dir)));
    for (const r of racers) r.go();
    const answers = await Promise.all(racers.map((r) => r.answer()));
    expect(answers.filter((a) => a === "held")).toHaveLength(1);
    const winner = racers[answers.indexOf("held")]?.child.pid;
    for (const a of answers.filter((x) => x !== "held")) {
      expect(a).toMatch(new RegExp(`^refused: .* already open in a test holder \\(pid ${winner}, since `));
    }
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it.runIf(testEngine === "pglite")(
    "opens the database of a bot that was killed: its lock is taken over and its data is there",
    async () => {
      const dir = folder();
      const seeded = await openDatabase({ dataDir: dir, loadDataDir: pgliteTemplateDump() });
      await seeded.prisma.user.create({ data: { slackUserId: "U0ADMIN01", roles: { create: { role: "admin" } } } });
      await seeded.close();
      const killed = await holder(dir, "--database");
      killed.go();
      expect(await killed.answer()).toBe("held");
      killed.child.kill("SIGKILL");
      await new Promise((resolve) => killed.child.on("exit", resolve));
      expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), "utf8"))).toMatchObject({ pid: killed.child.pid });

      const db = await openDatabase({ dataDir: dir, purpose: "the Grafeio bot (npm start)" });
      try {
        expect(await db.prisma.userRole.count({ where: { slackUserId: "U0ADMIN01" } })).toBe(1);
      } finally {
        await db.close();
      }
    },
  );
});
