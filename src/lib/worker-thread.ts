// A worker thread whose module is beside the caller: `name.js` in the build (dist/), run by Node
// itself, or `name.ts` from source (tsx, vitest, the tests' children), which a worker cannot load by
// itself: the loader hooks of tsx (or vitest) are not a worker's, and on Node 20 `--import tsx` in
// a worker's execArgv registers nothing ("Unknown file extension .ts"). From source the worker
// starts from a line of JavaScript that registers tsx's loader (tsx/esm/api) and imports the module.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** tsx's ESM API (register, tsImport), as its package.json exports it. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const api = exports["./esm/api"]?.import?.default;
  if (!api) throw new Error("tsx has no ./esm/api to load a worker thread from source");
  return pathToFileURL(path.join(path.dirname(manifest), api)).href;
}

/**
 * Starts the worker module `name` beside `callerUrl` (the caller's `import.meta.url`), as .js when the
 * caller is itself .js, else as .ts through tsx. `options` are Worker's own (name, workerData,
 * transferList…).
 */
export function startWorkerThread(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSource = path.extname(fileURLToPath(callerUrl)) === ".ts";
  const url = new URL(`./${name}${fromSource ? ".ts" : ".js"}`, callerUrl).href;
  if (!fromSource) return new Worker(new URL(url), options);
  const boot = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
