// npm run bench:memory — what the bot's idle resident memory (RSS) is made of, and how long it takes
// to start (a benchmark, not a test). Each candidate runs in a process of its own and its VmRSS
// (Linux's /proc) is read once it has settled:
// - Node alone, and Node with tsx's loader (how npm start runs the source);
// - each heavy library imported alone (its cost over tsx's loader);
// - PGlite opened on the bot's folder in a worker thread, as the bot does, with the settings it uses
//   and with PostgreSQL's defaults (PGLITE_DEFAULTS), and its WebAssembly memory's size;
// - the bot itself (npm start's process, on PGlite, against the fake Slack in test/support):
//   time from spawn to "Grafeio is running", RSS after the start settles and after some load.
// Prints tables, then one JSON line. BENCH_STARTS (3) bot starts; BENCH_SEED_ROWS (5000) clippings.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/db/database.js";
import { BOT_TOKEN, FakeSlack } from "../test/support/fake-slack.js";
import { SlackDriver } from "../test/support/slack-driver.js";
import { rssMb, throughTsx } from "./support/app-process.js";

const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const SEED_ROWS = Number(process.env.BENCH_SEED_ROWS ?? 5000);
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 5000);
const SECRET = "bench-signing-secret-0123456789";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

// ---- A candidate's own process: `tsx bench/idle-memory.ts --child <what>` prints "ready <json>". ----
if (process.argv[2] === "--child") {
  const what = process.argv[3] ?? "";
  const extra: Record<string, unknown> = {};
  if (what.startsWith("import:")) {
    await import(what.slice("import:".length));
  } else if (what === "pglite") {
    const dataDir = process.argv[4] ?? "";
    const { openPgliteWorker } = await import("../src/db/pglite-thread.js");
    const pg = await openPgliteWorker(dataDir);
    // As the bot's start does: a few statements, then a search.
    await pg.query("SELECT count(*) FROM clippings");
    await pg.query("SELECT title FROM clippings WHERE unaccent(title) % 'δημαρχος' LIMIT 10");
    extra.shared_buffers = (await pg.query<{ s: string }>("SELECT current_setting('shared_buffers') AS s")).rows[0]?.s;
  }
  if (what === "wasm") {
    // PGlite in this thread, to read its WebAssembly memory's size (not reachable through the worker).
    const { openPglite } = await import("../src/db/pglite-open.js");
    const pg = await openPglite(process.argv[4] ?? "");
    await pg.query("SELECT title FROM clippings WHERE unaccent(title) % 'δημαρχος' LIMIT 10");
    const mod = (pg as unknown as { mod: { HEAPU8: Uint8Array } }).mod;
    extra.wasm_memory_mb = Math.round(mod.HEAPU8.byteLength / 2 ** 20);
  }
  process.stdout.write(`ready ${JSON.stringify(extra)}\n`);
  setInterval(() => undefined, 60_000);
} else {
  await main();
}

function waitFor(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = pattern.exec(out);
      if (m) resolve(m);
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${out.slice(-2000)}`)));
  });
}

async function stopChild(child: ChildProcess) {
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000).then(() => child.kill("SIGKILL"))]);
}

/** A candidate's RSS once settled, and what it reported. */
async function candidate(
  args: string[],
  settleMs = SETTLE_MS,
): Promise<{ rss: number; extra: Record<string, unknown> }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const m = await waitFor(child, /ready (.*)\n/);
  await sleep(settleMs);
  const rss = rssMb(child.pid);
  await stopChild(child);
  return { rss, extra: JSON.parse(m[1] ?? "{}") as Record<string, unknown> };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "grafeio-bench-memory-"));
  const seed = await openDatabase({ dataDir });
  await seed.migrate();
  if (SEED_ROWS > 0) {
    await seed.prisma.$executeRawUnsafe(`
      INSERT INTO clippings (register_year, register_seq, title, outlet, published_on, medium, tone, scope,
                             summary, created_by, submission_key, topic_names)
      SELECT 2025, i, 'Ο δήμαρχος εγκαινίασε το πάρκο ' || i, 'ΕΡΤ', DATE '2025-01-01' + (i % 365), 'online',
             'neutral', 'municipality', 'Περίληψη ' || i || ': ανακύκλωση, πάρκο.', 'UBENCH', 'bench-' || i, 'Περιβάλλον'
      FROM generate_series(1, ${SEED_ROWS}) AS i`);
  }
  await seed.close();

  const self = path.join(root, "bench/idle-memory.ts");
  const child = (what: string, ...rest: string[]) => throughTsx(self, "--child", what, ...rest);

  // ---- The parts, each in its own process. ----
  const nodeAlone = await candidate(["-e", "process.stdout.write('ready {}\\n'); setInterval(() => {}, 60000)"]);
  const tsxAlone = await candidate(child("none"));
  const libraries = [
    "exceljs",
    "pdfkit",
    "@resvg/resvg-js",
    "ical-generator",
    "ioredis",
    "pg",
    "@prisma/adapter-pg",
    "@slack/bolt",
    "prom-client",
    "date-holidays",
    "pino",
    "../src/generated/prisma/client.js",
  ];
  const libs: Record<string, number> = {};
  for (const lib of libraries) libs[lib] = (await candidate(child(`import:${lib}`))).rss - tsxAlone.rss;
  const pglite = await candidate(child("pglite", dataDir));
  const wasm = await candidate(child("wasm", dataDir));

  // ---- The bot itself. ----
  const fake = new FakeSlack();
  const apiUrl = await fake.start();
  const users = Array.from({ length: 200 }, (_, i) => `U0M${String(i).padStart(6, "0")}`);
  const starts: number[] = [];
  const afterStart: number[] = [];
  let afterLoad = Number.NaN;
  for (let s = 0; s < STARTS; s++) {
    const started = performance.now();
    const bot = spawn(process.execPath, throughTsx("src/app/main.ts"), {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: apiUrl,
        PORT: "0",
        DATA_DIR: dataDir,
        ADMIN_USER_IDS: users.join(","),
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const m = await waitFor(bot, /"msg":"Grafeio is running".*?"port":(\d+)|"port":(\d+).*?"msg":"Grafeio is running"/);
    starts.push(performance.now() - started);
    await sleep(SETTLE_MS);
    afterStart.push(rssMb(bot.pid));
    if (s === STARTS - 1) {
      // Some load: forms, searches, contacts, name days; 10 at a time, 10 rounds.
      const driver = new SlackDriver(`http://127.0.0.1:${Number(m[1] ?? m[2])}/slack/events`, SECRET, fake);
      const kinds = [
        { command: "/clip" },
        { command: "/clip", text: "search δημαρχος παρκο" },
        { command: "/contact", text: "Παπαδόπουλος" },
        { command: "/giortes", text: "Γιώργος" },
        { command: "/clip", text: "search dimarxos" },
      ];
      for (let r = 0; r < 10; r++) {
        await Promise.all(
          Array.from({ length: 10 }, (_, k) =>
            driver.command({ ...(kinds[k % kinds.length] ?? { command: "/clip" }), userId: users[r * 10 + k] ?? "U0" }),
          ),
        );
        for (let n = -1; n !== fake.calls.length; ) {
          n = fake.calls.length;
          await sleep(300);
        }
      }
      await sleep(SETTLE_MS);
      afterLoad = rssMb(bot.pid);
    }
    await stopChild(bot);
  }
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });

  const bot = {
    start_ms: Math.round(median(starts)),
    rss_after_start_mb: median(afterStart),
    rss_after_load_mb: afterLoad,
  };
  console.log(`Idle RSS of the parts, each alone in its own process (MB, after ${SETTLE_MS / 1000} s)`);
  console.log("| part | RSS MB | over tsx's loader MB |");
  console.log("|---|---:|---:|");
  console.log(`| Node alone | ${nodeAlone.rss} | |`);
  console.log(`| Node + tsx loader | ${tsxAlone.rss} | 0 |`);
  for (const [lib, mb] of Object.entries(libs)) console.log(`| import ${lib} | ${mb + tsxAlone.rss} | ${mb} |`);
  console.log(
    `| PGlite in a worker thread, bot's folder (shared_buffers ${String(pglite.extra.shared_buffers)}) | ${pglite.rss} | ${pglite.rss - tsxAlone.rss} |`,
  );
  console.log(
    `| PGlite in this thread (WebAssembly memory ${String(wasm.extra.wasm_memory_mb)} MB) | ${wasm.rss} | ${wasm.rss - tsxAlone.rss} |`,
  );
  console.log("");
  console.log(`The bot (npm start's process, PGlite, ${SEED_ROWS} clippings), median of ${STARTS} starts`);
  console.log("| start ms (spawn → Grafeio is running) | RSS after start MB | RSS after load MB |");
  console.log("|---:|---:|---:|");
  console.log(`| ${bot.start_ms} | ${bot.rss_after_start_mb} | ${bot.rss_after_load_mb} |`);
  console.log(
    JSON.stringify({
      benchmark: "idle-memory",
      seed_rows: SEED_ROWS,
      node_mb: nodeAlone.rss,
      tsx_mb: tsxAlone.rss,
      libraries_over_tsx_mb: libs,
      pglite_worker_mb: pglite.rss,
      shared_buffers: pglite.extra.shared_buffers,
      pglite_here_mb: wasm.rss,
      wasm_memory_mb: wasm.extra.wasm_memory_mb,
      bot,
      starts_ms: starts.map(Math.round),
    }),
  );
}
