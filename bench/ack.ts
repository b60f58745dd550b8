// npm run bench:ack — how fast the bot acknowledges commands under load (a benchmark, not a test).
// 50 concurrent signed requests, repeated, against Grafeio on the embedded database, and in the
// same run against a bare Bolt app that acknowledges an empty command. Rounds alternate between the
// two so both see the same machine. The load is mixed (BENCH_MIX=clip for /clip alone): /clip
// (a form), /clip search over a seeded register (BENCH_SEED_ROWS clippings), /contact and /giortes,
// so that the database works while other requests wait for their acknowledgement. Also the bot's
// resident memory (RSS) when idle, before and after the load. Prints a table, then one JSON line.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../src/db/database.js";
import { BOT_TOKEN, FakeSlack } from "../test/support/fake-slack.js";
import { SlackDriver } from "../test/support/slack-driver.js";
import { rssMb, startApp as startApp_ } from "./support/app-process.js";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const WARMUP_ROUNDS = Number(process.env.BENCH_WARMUP_ROUNDS ?? 3);
const SECRET = "bench-signing-secret-0123456789";
/** The k-th request of the r-th round's user: the office's staff (admins here, so every command is
 *  theirs), one for each request, as the same person's same command within 3 s is ignored as a
 *  repeat (src/slack/repeated-commands.ts), and a benchmark of ignored commands measures nothing. */
const userOf = (r: number, k: number) => `U0B${String(r).padStart(4, "0")}${String(k).padStart(3, "0")}`;
const USERS = Array.from({ length: 2 * (WARMUP_ROUNDS + ROUNDS) }, (_, r) =>
  Array.from({ length: CONCURRENCY }, (_, k) => userOf(r, k)),
).flat();
const MIX = process.env.BENCH_MIX === "clip" ? "clip" : "mixed";
const SEED_ROWS = Number(process.env.BENCH_SEED_ROWS ?? 20_000);
/** Slack's limit: an acknowledgement later than this is an error shown to the user. */
const SLACK_ACK_LIMIT_MS = 3000;
const SEARCHES = ["δημαρχος παρκο", "ανακυκλωση", "dimarxos plateia", "festival theatrou", "budget", "πλατεια"];
/** The k-th request of a round: two in five open the form, the others read the database. */
function request(k: number): { command: string; text?: string } {
  if (MIX === "clip") return { command: "/clip" };
  switch (k % 5) {
    case 2:
      return { command: "/clip", text: `search ${SEARCHES[k % SEARCHES.length]}` };
    case 3:
      return { command: "/contact", text: "Παπαδόπουλος" };
    case 4:
      return { command: "/giortes", text: "Γιώργος" };
    default:
      return { command: "/clip" };
  }
}
const FORMS_PER_ROUND = Array.from({ length: CONCURRENCY }, (_, k) => request(k)).filter(
  (r) => r.command === "/clip" && !r.text,
).length;

// Slack (the fake) and the load generator live in this process; each app runs in its own process,
// as in production, where Slack is not inside the bot.
const fake = new FakeSlack();
const apiUrl = await fake.start();
const dataDir = mkdtempSync(path.join(os.tmpdir(), "grafeio-bench-"));

// A register to search: SEED_ROWS clippings in the bot's folder, written before the bot opens it.
if (MIX === "mixed" && SEED_ROWS > 0) {
  const seed = await openDatabase({ dataDir });
  await seed.migrate();
  await seed.prisma.$executeRawUnsafe(`
    INSERT INTO clippings (register_year, register_seq, title, outlet, published_on, medium, tone, scope,
                           summary, created_by, submission_key, topic_names)
    SELECT 2025, i,
           (ARRAY['Ο δήμαρχος','Το δημοτικό συμβούλιο','Η αντιδημαρχία','The mayor'])[1 + i % 4] || ' ' ||
           (ARRAY['εγκαινίασε','ανακοίνωσε','opened','ενέκρινε'])[1 + i % 7 % 4] || ' ' ||
           (ARRAY['το πάρκο','την ανακύκλωση','την πλατεία','the theatre festival','τον προϋπολογισμό'])[1 + i % 11 % 5],
           (ARRAY['Η Καθημερινή','ΕΡΤ','in.gr','Ekathimerini'])[1 + i % 4],
           DATE '2025-01-01' + (i % 365), 'online', 'neutral', 'municipality',
           'Περίληψη ' || i || ': ανακύκλωση, πάρκο, budget, φεστιβάλ θεάτρου.', 'UBENCH', 'bench-' || i, 'Περιβάλλον'
    FROM generate_series(1, ${SEED_ROWS}) AS i`);
  await seed.prisma.$executeRawUnsafe("ANALYZE clippings");
  await seed.close();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const startApp = (script: string) =>
  startApp_(script, {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: apiUrl,
    DATA_DIR: dataDir,
    ADMIN_USER_IDS: USERS.join(","),
  });

const grafeioApp = await startApp("src/app/main.ts");
const bareApp = await startApp("bench/bare-bolt-app.ts");
// Idle: started, nothing asked yet (a few seconds for the start's own work to settle).
await sleep(5000);
const idleRssBeforeMb = rssMb(grafeioApp.child.pid);
const botPort = grafeioApp.port;
const barePort = bareApp.port;

const targets = {
  grafeio: new SlackDriver(`http://127.0.0.1:${botPort}/slack/events`, SECRET, fake),
  bare: new SlackDriver(`http://127.0.0.1:${barePort}/slack/events`, SECRET, fake),
};
type Target = keyof typeof targets;
const samples: Record<Target, number[]> = { grafeio: [], bare: [] };
const failures: Record<Target, number> = { grafeio: 0, bare: 0 };
const formSamples: number[] = [];

let opened = 0;
async function waitForModals(count: number) {
  const deadline = Date.now() + 30_000;
  while (fake.callsTo("views.open").length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

let rounds = 0;
async function round(target: Target, record: boolean) {
  const r = rounds++;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, k) => {
      const req = request(k);
      const started = performance.now();
      const res = await targets[target].command({ ...req, userId: userOf(r, k) });
      const elapsed = performance.now() - started;
      if (res.status !== 200) failures[target]++;
      else if (record) {
        samples[target].push(elapsed);
        if (target === "grafeio" && req.command === "/clip" && !req.text) formSamples.push(elapsed);
      }
    }),
  );
  // Let the bot's work after the acknowledgement (the forms, the answers) finish before the next
  // round: the forms opened, then no call to Slack for 300 ms.
  if (target === "grafeio") {
    await waitForModals(opened + FORMS_PER_ROUND);
    opened += FORMS_PER_ROUND;
    for (let n = -1; n !== fake.calls.length; ) {
      n = fake.calls.length;
      await sleep(300);
    }
  }
}

for (let i = 0; i < WARMUP_ROUNDS; i++) for (const target of ["grafeio", "bare"] as const) await round(target, false);
for (let i = 0; i < ROUNDS; i++) {
  const order: Target[] = i % 2 === 0 ? ["grafeio", "bare"] : ["bare", "grafeio"];
  for (const target of order) await round(target, true);
}
const modalsOpened = fake.callsTo("views.open").filter((c) => c.response.ok).length;
if (process.env.BENCH_DEBUG) {
  const counts: Record<string, number> = {};
  for (const c of fake.calls) {
    const key = `${c.method} ${c.response.ok ? "ok" : String(c.response.error)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  console.log(counts);
}
await sleep(5000);
const idleRssAfterMb = rssMb(grafeioApp.child.pid);

const exited = (c: ChildProcess) => new Promise((resolve) => c.on("exit", resolve));
grafeioApp.child.kill("SIGTERM");
bareApp.child.kill("SIGTERM");
await Promise.all([exited(grafeioApp.child), exited(bareApp.child)]);
await fake.stop();
// The bot stored nothing for these requests (a modal opened is not a clipping, a search writes
// nothing): only the seeded register is there. Check, then clean up.
const db = await openDatabase({ dataDir });
const clippings = await db.prisma.clipping.count();
await db.close();
rmSync(dataDir, { recursive: true, force: true });
const seeded = MIX === "mixed" ? SEED_ROWS : 0;
if (clippings !== seeded) throw new Error(`expected ${seeded} clippings, found ${clippings}`);

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
  over_3s: samples[t].filter((ms) => ms > SLACK_ACK_LIMIT_MS).length,
});
const grafeio = stats("grafeio");
const bareStats = stats("bare");
const ratio = Number((grafeio.p99_ms / bareStats.p99_ms).toFixed(2));

console.log(
  `Acknowledgements (each app in its own process, Grafeio as started by npm start, embedded PGlite), ${CONCURRENCY} concurrent signed requests (${MIX === "mixed" ? `mixed: /clip, /clip search over ${SEED_ROWS} clippings, /contact, /giortes` : "/clip"}) × ${ROUNDS} rounds (after ${WARMUP_ROUNDS} warm-up rounds)`,
);
console.log("| app | requests | failures | p50 ms | p95 ms | p99 ms | max ms | acks > 3 s |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const [name, s] of [
  ["Grafeio (PGlite)", grafeio],
  ["bare Bolt app", bareStats],
] as const) {
  console.log(
    `| ${name} | ${s.requests} | ${s.failures} | ${s.p50_ms} | ${s.p95_ms} | ${s.p99_ms} | ${s.max_ms} | ${s.over_3s} |`,
  );
}
const forms = { requests: formSamples.length, p50_ms: pct(formSamples, 50), p99_ms: pct(formSamples, 99) };
console.log(`Grafeio's /clip forms alone: p50 ${forms.p50_ms} ms, p99 ${forms.p99_ms} ms (${forms.requests} requests)`);
console.log(`Grafeio's idle RSS: ${idleRssBeforeMb} MB after start, ${idleRssAfterMb} MB after the load`);
console.log(
  `p99 ratio Grafeio / bare: ${ratio} (goal ≤ 1.5); Grafeio p99 goal < 100 ms; modals opened: ${modalsOpened}`,
);
console.log(
  JSON.stringify({
    benchmark: "ack",
    concurrency: CONCURRENCY,
    rounds: ROUNDS,
    mix: MIX,
    seed_rows: MIX === "mixed" ? SEED_ROWS : 0,
    grafeio,
    grafeio_forms: forms,
    idle_rss_mb: { after_start: idleRssBeforeMb, after_load: idleRssAfterMb },
    bare: bareStats,
    p99_ratio: ratio,
    goal_p99_ms: 100,
    goal_ratio: 1.5,
    modals_opened: modalsOpened,
  }),
);
