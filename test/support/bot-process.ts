// Real processes, as an operator starts them: the bot (`npm start`, src/app/main.ts) and the
// scripts (`npm run job`, `npm run db:migrate`), through tsx, against the fake Slack. Their
// environment is only what is given here (and PATH): nothing of the developer's own .env leaks in.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import path from "node:path";
import { inject } from "vitest";
import { BOT_TOKEN, type FakeSlack } from "./fake-slack.js";
import { SlackDriver } from "./slack-driver.js";
import { SIGNING_SECRET } from "./test-bot.js";

export interface BotProcess {
  child: ChildProcessWithoutNullStreams;
  pid: number;
  baseUrl: string;
  slack: SlackDriver;
  /** Its stdout and stderr so far. */
  output(): string;
  /** SIGTERM; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Node's arguments to run one of the project's entry points (`src/app/main.ts`, `scripts/job.ts`…)
 * as its own process: its compiled copy (compiled-source.ts says why), as `npm start` would run it.
 */
export function entryPoint(script: string): string[] {
  const compiled = inject("compiledSource");
  if (!compiled)
    throw new Error("This run compiled no source (GRAFEIO_TESTS_IN_PROCESS=1): run it with `npm run test:processes`");
  return [path.join(compiled, script.replace(/\.ts$/, ".js"))];
}

/** The environment of the bot and the scripts: HTTP mode against the fake Slack. */
export function botEnv(fake: FakeSlack, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: `${fake.baseUrl}/api/`,
    PORT: "0",
    LOG_LEVEL: "info",
    // Tests repeat commands within seconds on purpose (test/support/test-bot.ts says why).
    COMMAND_REPEAT_SECONDS: "0",
    ...extra,
  };
}

/**
 * Starts the bot and waits for "Grafeio is running": its compiled copy, or with `{ tsx: true }`
 * `npm start`'s own command (the source through tsx).
 */
export async function spawnBot(
  fake: FakeSlack,
  env: Record<string, string>,
  { tsx = false }: { tsx?: boolean } = {},
): Promise<BotProcess> {
  const args = tsx ? ["--import", "tsx", "src/app/main.ts"] : entryPoint("src/app/main.ts");
  const child = spawn(process.execPath, args, {
    env: botEnv(fake, env),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.stderr.on("data", (d: Buffer) => {
    output += d.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start in 60 s: ${output}`)), 60_000);
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
      const m = /"port":(\d+).*"msg":"Grafeio is running"/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}): ${output}`)));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    pid: child.pid ?? 0,
    baseUrl,
    slack: new SlackDriver(`${baseUrl}/slack/events`, SIGNING_SECRET, fake),
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Runs a script to its end, as `npm run <script> -- <args>` would. */
export function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [...entryPoint(script), ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}
