// npm run bench:ack — how fast the bot acknowledges /clip under load (a benchmark, not a test).
// 50 concurrent signed /clip requests, repeated, against Grafeio on the embedded database, and in
// the same run against a bare Bolt app that acknowledges an empty command. Rounds alternate
// between the two so both see the same machine. Prints a table, then one JSON line.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/db/database.js";
import { BOT_TOKEN, FakeSlack } from "../test/support/fake-slack.js";
import { SlackDriver } from "../test/support/slack-driver.js";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const WARMUP_ROUNDS = 3;
const SECRET = "bench-signing-secret-0123456789";
const USER = "U0BENCH01";

// Slack (the fake) and the load generator live in this process; each app runs in its own process,
// as in production, where Slack is not inside the bot.
const fake = new FakeSlack();
const apiUrl = await fake.start();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "grafeio-bench-"));
const tsx = new URL("../node_modules/tsx/dist/loader.mjs", import.meta.url).href;

function startApp(script: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ["--import", tsx, script], {
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: apiUrl,
      PORT: "0",
      DATA_DIR: dataDir,
      ADMIN_USER_IDS: USER,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /"msg":"Grafeio is running".*?"port":(\d+)|"port":(\d+).*?"msg":"Grafeio is running"/.exec(out);
      if (m) resolve({ child, port: Number(m[1] ?? m[2]) });
    });
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

const grafeioApp = await startApp("src/app/main.ts");
const bareApp = await startApp("bench/bare-bolt-app.ts");
const botPort = grafeioApp.port;
const barePort = bareApp.port;

const targets = {
  grafeio: new SlackDriver(`http://127.0.0.1:${botPort}/slack/events`, SECRET, fake),
  bare: new SlackDriver(`http://127.0.0.1:${barePort}/slack/events`, SECRET, fake),
};
type Target = keyof typeof targets;
const samples: Record<Target, number[]> = { grafeio: [], bare: [] };
const failures: Record<Target, number> = { grafeio: 0, bare: 0 };

let opened = 0;
async function waitForModals(count: number) {
  const deadline = Date.now() + 30_000;
  while (fake.callsTo("views.open").length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

async function round(target: Target, record: boolean) {
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const started = performance.now();
      const res = await targets[target].command({ command: "/clip", userId: USER });
      const elapsed = performance.now() - started;
      if (res.status !== 200) failures[target]++;
      else if (record) samples[target].push(elapsed);
    }),
  );
  // Let the bot's work after the acknowledgement (opening the modal) finish before the next round.
  if (target === "grafeio") await waitForModals(opened + CONCURRENCY);
  if (target === "grafeio") opened += CONCURRENCY;
}

for (let i = 0; i < WARMUP_ROUNDS; i++) for (const target of ["grafeio", "bare"] as const) await round(target, false);
for (let i = 0; i < ROUNDS; i++) {
  const order: Target[] = i % 2 === 0 ? ["grafeio", "bare"] : ["bare", "grafeio"];
  for (const target of order) await round(target, true);
}
const modalsOpened = fake.callsTo("views.open").filter((c) => c.response.ok).length;

const exited = (c: ChildProcess) => new Promise((resolve) => c.on("exit", resolve));
grafeioApp.child.kill("SIGTERM");
bareApp.child.kill("SIGTERM");
await Promise.all([exited(grafeioApp.child), exited(bareApp.child)]);
await fake.stop();
// The bot stored nothing for these requests (a modal opened is not a clipping): check, then clean up.
const db = await openDatabase({ dataDir });
const clippings = await db.prisma.clipping.count();
await db.close();
rmSync(dataDir, { recursive: true, force: true });
if (clippings !== 0) throw new Error(`expected no clippings, found ${clippings}`);

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number((sorted[Math.max(0, index)] ?? Number.NaN).toFixed(1));
}
const stats = (t: Target) => ({
  requests: samples[t].length,
  failures: failures[t],
  p50_ms: pct(samples[t], 50),
  p95_ms: pct(samples[t], 95),
  p99_ms: pct(samples[t], 99),
  max_ms: pct(samples[t], 100),
});
const grafeio = stats("grafeio");
const bareStats = stats("bare");
const ratio = Number((grafeio.p99_ms / bareStats.p99_ms).toFixed(2));

console.log(
  `/clip acknowledgement (each app in its own process, Grafeio as started by npm start, embedded PGlite), ${CONCURRENCY} concurrent signed requests × ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up rounds)`,
);
console.log("| app | requests | failures | p50 ms | p95 ms | p99 ms | max ms |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
for (const [name, s] of [
  ["Grafeio (PGlite)", grafeio],
  ["bare Bolt app", bareStats],
] as const) {
  console.log(`| ${name} | ${s.requests} | ${s.failures} | ${s.p50_ms} | ${s.p95_ms} | ${s.p99_ms} | ${s.max_ms} |`);
}
console.log(
  `p99 ratio Grafeio / bare: ${ratio} (goal ≤ 1.5); Grafeio p99 goal < 100 ms; modals opened: ${modalsOpened}`,
);
console.log(
  JSON.stringify({
    benchmark: "ack",
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    grafeio,
    bare: bareStats,
    p99_ratio: ratio,
    goal_p99_ms: 100,
    goal_ratio: 1.5,
    modals_opened: modalsOpened,
  }),
);
