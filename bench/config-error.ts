// npm run bench:config-error — how long `npm start` takes to say what is missing from its
// configuration (a benchmark, not a test): the first thing a new operator sees. Each start is npm
// start's own command (Node with tsx's loader) in production with no settings at all, from spawn to
// exit (code 2); the same for the compiled bot (dist/, when `npm run build` made it). Node with
// tsx's loader and nothing to run is timed too: what no entry point can go below.
// Prints a table, then one JSON line. BENCH_STARTS (7) starts of each.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { throughTsx } from "./support/app-process.js";

const STARTS = Number(process.env.BENCH_STARTS ?? 7);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

const cwd = mkdtempSync(path.join(os.tmpdir(), "grafeio-bench-config-")); // no .env there
const empty = path.join(cwd, "empty.ts");
writeFileSync(empty, "export {};\n");
const candidates: { name: string; args: string[]; exit: number }[] = [
  { name: "npm start (tsx), no settings", args: throughTsx(path.join(root, "src/app/main.ts")), exit: 2 },
  { name: "tsx's loader and an empty module", args: throughTsx(empty), exit: 0 },
];
const dist = path.join(root, "dist/src/app/main.js");
if (existsSync(dist))
  candidates.splice(1, 0, { name: "npm run start:prod (dist/), no settings", args: [dist], exit: 2 });

const rows = candidates.map(({ name, args, exit }) => {
  const ms: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, {
      cwd,
      env: { PATH: process.env.PATH, NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 60_000,
    });
    ms.push(performance.now() - started);
    if (result.status !== exit) throw new Error(`${name}: exit ${result.status}, expected ${exit}:\n${result.stderr}`);
    if (exit === 2 && !result.stderr.startsWith("Configuration error: SLACK_BOT_TOKEN is not set"))
      throw new Error(`${name}: did not say what is missing:\n${result.stderr}`);
  }
  return {
    name,
    median_ms: Math.round(median(ms)),
    min_ms: Math.round(Math.min(...ms)),
    max_ms: Math.round(Math.max(...ms)),
  };
});
rmSync(cwd, { recursive: true, force: true });

console.log(`| start (${STARTS} each) | median | range |`);
console.log("|---|---:|---|");
for (const r of rows) console.log(`| ${r.name} | ${r.median_ms} ms | ${r.min_ms}–${r.max_ms} ms |`);
console.log(JSON.stringify({ starts: STARTS, rows }));
