// vitest globalSetup: the source compiled to JavaScript once per run, for the tests that start the
// bot or a script as its own process. `npm start` runs the source through tsx, whose loader thread
// costs each process about 0.8 s of CPU before the first line of Grafeio runs; a run starts some
// forty of them. esbuild (what tsx itself compiles with) writes the same modules as plain .js files
// into node_modules/.cache, beside which they find the project's packages, its migrations and its
// name-day dataset as the source does. shutdown.process.test.ts and config.process.test.ts still
// start `npm start`'s own command (tsx), and .ci/run starts the compiled dist/ too.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder holding src/, scripts/ and test/support/ compiled to .js (see compiled-source.ts). */
    compiledSource: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** What a process started by a test runs: the bot, the scripts, and the tests' own helper processes. */
const SOURCES = ["src", "scripts", "test/support"];
/** What the compiled modules read beside themselves, at the same place as in the source. */
const ASSETS = ["prisma", "src/calendar/namedays/dataset"];

function typescriptFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export default async function setup(project: TestProject): Promise<() => void> {
  // `npm test` starts neither the bot nor a script as a process (scripts/test.sh says so): nothing
  // to compile.
  if (process.env.GRAFEIO_TESTS_IN_PROCESS === "1") {
    project.provide("compiledSource", "");
    return () => {};
  }
  const cache = path.join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(path.join(cache, "grafeio-compiled-"));
  try {
    await build({
      entryPoints: SOURCES.flatMap(typescriptFiles),
      outbase: root,
      outdir: out,
      bundle: false,
      format: "esm",
      platform: "node",
      target: "node20",
      sourcemap: "inline",
      logLevel: "error",
    });
    // Under node_modules/, Node looks no further up for the package.json that makes .js files ES
    // modules: the folder has its own.
    writeFileSync(path.join(out, "package.json"), JSON.stringify({ type: "module", private: true }));
    for (const asset of ASSETS) symlinkSync(path.join(root, asset), path.join(out, asset));
    // Readable by everyone, as the source is: one test starts the bot as another user.
    chmodSync(out, 0o755);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  project.provide("compiledSource", out);
  return () => rmSync(out, { recursive: true, force: true });
}
