// What the benchmarks share: an app (the bot, or a bare Bolt app) started as `npm start` runs it,
// in its own process, and a process's resident memory.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const tsx = new URL("../../node_modules/tsx/dist/loader.mjs", import.meta.url).href;

/** Node's arguments to run a TypeScript entry point through tsx, as npm start does. */
export function throughTsx(script: string, ...args: string[]): string[] {
  return ["--import", tsx, script, ...args];
}

/** Resident memory of a process, in MB (Linux's /proc; the app is the child itself, not a shell). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Starts `script` with only PATH and `env`, and resolves once it logs "Grafeio is running". */
export function startApp(
  script: string,
  env: Record<string, string>,
  options: { cwd?: string } = {},
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, throughTsx(script), {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, PORT: "0", LOG_LEVEL: "info", ...env },
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
