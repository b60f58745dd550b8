// The bot as `npm start` runs it, in a process of its own (signals, exit codes, what it logs), with
// its environment pointing at the fakes. Node runs tsx itself rather than through npx, so that a
// signal reaches the bot and not a wrapper. (bot-process.ts starts one and waits until it runs;
// this one follows every step of its start, for the steps before "Grafeio is running".)
import { type ChildProcess, spawn } from "node:child_process";
import { entryPoint } from "./bot-process.js";

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export class ChildBot {
  private readonly process: ChildProcess;
  private stdout = "";
  private stderr = "";
  private readonly listeners = new Set<() => void>();
  private hasExited = false;
  readonly exited: Promise<number | null>;

  /** `as`: another user to run it as (a test running as root sees what an ordinary user would). */
  constructor(env: Record<string, string>, as?: { uid: number; gid: number }) {
    this.process = spawn(process.execPath, entryPoint("src/app/main.ts"), {
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", PORT: "0", COMMAND_REPEAT_SECONDS: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      ...as,
    });
    this.process.stdout?.on("data", (d: Buffer) => {
      this.stdout += d.toString();
      for (const l of [...this.listeners]) l();
    });
    this.process.stderr?.on("data", (d: Buffer) => {
      this.stderr += d.toString();
    });
    this.exited = new Promise((resolve) =>
      // "close", not "exit": by then everything it wrote has been read.
      this.process.on("close", (code) => {
        this.hasExited = true;
        resolve(code);
        for (const l of [...this.listeners]) l();
      }),
    );
  }

  /** Everything it wrote, for a failing assertion's message. */
  get output(): string {
    return `${this.stdout}\n${this.stderr}`;
  }

  /** What it wrote to stderr. */
  get errorOutput(): string {
    return this.stderr;
  }

  /** Its JSON log lines so far. */
  get lines(): LogLine[] {
    return this.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
  }

  /** Waits for a log line whose message matches (fails at once if the process exits first). */
  waitForLog(pattern: RegExp, timeoutMs = 60_000): Promise<LogLine> {
    const find = () => this.lines.find((l) => pattern.test(l.msg));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const check = () => {
        const line = find();
        if (line || this.hasExited) {
          clearTimeout(timer);
          this.listeners.delete(check);
          if (line) resolve(line);
          else reject(new Error(`the bot exited before logging ${pattern}:\n${this.output}`));
        }
      };
      this.listeners.add(check);
      check();
    });
  }

  kill(signal: NodeJS.Signals): void {
    this.process.kill(signal);
  }

  /** Leaves nothing running when a test fails half-way. */
  async dispose(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill("SIGKILL");
      await this.exited;
    }
  }
}
