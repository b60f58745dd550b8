// npm run bench:fanout-kill — how long the rest of a fan-out waits after a crash (a benchmark, not
// a test; test/jobs/fanout-kill.process.test.ts checks what came of it). The managers' morning digest, one
// DM per manager, runs in the bot as `npm start` runs it; the bot is killed (SIGKILL) while Slack has
// the third DM in hand and started again at once. Timed from the kill, and from the restart, until
// the last manager has the digest; on PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) names a server whose user may create databases. Prints a table, then one JSON line.

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../src/db/database.js";
import { onServer } from "../test/support/database.js";
import { FakeSlack } from "../test/support/fake-slack.js";
import { type FanoutKillResult, runFanoutKill } from "../test/support/fanout-kill.js";

const MANAGERS = Number(process.env.BENCH_MANAGERS ?? 8);
// Past the 10 minutes a dead run's lease used to last, and the minute's tick after it.
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 13 * 60_000);
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

async function onPglite(): Promise<FanoutKillResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "grafeio-bench-fanout-kill-"));
  try {
    const db = await openDatabase({ dataDir });
    await db.migrate();
    await db.close();
    const fake = new FakeSlack();
    await fake.start();
    try {
      return await runFanoutKill({
        fake,
        env: { DATA_DIR: dataDir },
        reopen: () => openDatabase({ dataDir }),
        managers: MANAGERS,
        timeoutMs: TIMEOUT_MS,
      });
    } finally {
      await fake.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPostgres(server: string): Promise<FanoutKillResult> {
  const name = `grafeio_bench_fanout_kill_${randomBytes(6).toString("hex")}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
    await db.migrate();
    await db.close();
    const fake = new FakeSlack();
    await fake.start();
    try {
      return await runFanoutKill({
        fake,
        env: { DATABASE_URL: url.toString() },
        reopen: () => openDatabase({ databaseUrl: url.toString(), dataDir: "unused" }),
        managers: MANAGERS,
        timeoutMs: TIMEOUT_MS,
      });
    } finally {
      await fake.stop();
    }
  } finally {
    await onServer(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const results: Record<string, FanoutKillResult> = { pglite: await onPglite() };
if (serverUrl) results.postgres = await onPostgres(serverUrl);

const seconds = (ms: number) =>
  Number.isNaN(ms) ? `not within ${TIMEOUT_MS / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
console.log(`morning digest to ${MANAGERS} managers, the bot killed (SIGKILL) during the third DM, then started again`);
console.log(
  "| engine | DMs before the kill | managers with it once | twice or more | the rest, after the kill | after the restart | run |",
);
console.log("|---|---:|---:|---:|---:|---:|---|");
for (const [engine, r] of Object.entries(results)) {
  const counts = Object.values(r.perManager);
  console.log(
    `| ${engine} | ${r.postedBeforeKill} | ${counts.filter((n) => n === 1).length} | ${counts.filter((n) => n > 1).length} | ${seconds(r.waitedAfterKillMs)} | ${seconds(r.waitedAfterRestartMs)} | ${r.run?.status ?? "—"}, ${r.run?.attempts ?? 0} attempts |`,
  );
}
console.log(
  JSON.stringify({
    benchmark: "fanout-kill",
    managers: MANAGERS,
    results: Object.fromEntries(
      Object.entries(results).map(([engine, r]) => [
        engine,
        {
          posted_before_kill: r.postedBeforeKill,
          once: Object.values(r.perManager).filter((n) => n === 1).length,
          duplicated: Object.values(r.perManager).filter((n) => n > 1).length,
          missing: Object.values(r.perManager).filter((n) => n === 0).length,
          waited_after_kill_s: Number.isNaN(r.waitedAfterKillMs) ? null : r.waitedAfterKillMs / 1000,
          waited_after_restart_s: Number.isNaN(r.waitedAfterRestartMs) ? null : r.waitedAfterRestartMs / 1000,
          run: r.run,
        },
      ]),
    ),
  }),
);
