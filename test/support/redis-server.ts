// A private Redis server for one test file, nothing saved to disk, so that a test can stop it,
// freeze it and start it again on the same port (the outages the sender must ride out).
import { type ChildProcess, spawn } from "node:child_process";
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";

const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";

/** The first port of the kernel's ephemeral range (where `listen(0)` and outgoing sockets draw). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").split(/\s+/)[0]);
    return Number.isInteger(low) && low > 12_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A port for a Redis server that a test stops and starts again on it. It is taken below the
 * kernel's ephemeral range: every other listener of the tests asks for port 0 and every outgoing
 * connection gets an ephemeral port, so none of them can take this one while Redis is down (a port
 * from `listen(0)` could be handed to another test file's server between a stop and a restart).
 */
export async function redisPort(): Promise<number> {
  const high = ephemeralLow();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = randomInt(10_000, high);
    if (await bindable(port)) return port;
  }
  throw new Error("no free port below the ephemeral range");
}

/** Asks whatever listens on the port for PING; true only for Redis's own "+PONG". */
function pongs(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
    socket.once("error", () => done(false));
    socket.once("close", () => done(answer.startsWith("+PONG")));
  });
}

export class RedisServer {
  private process?: ChildProcess;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /**
   * Starts the server and waits until the child it started says it is ready and answers PING.
   * Fails at once when that child exits (another process holding the port makes Redis exit), so a
   * listener that is not this Redis is never counted as it.
   */
  async start(): Promise<void> {
    if (this.process) return;
    const child = spawn(
      REDIS_SERVER,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.process = child;
    let output = "";
    let ready = false;
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4_000);
      if (output.includes("Ready to accept connections")) ready = true;
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    let exited: string | undefined;
    child.once("exit", (code, signal) => {
      exited = `redis-server on port ${this.port} exited (${signal ?? code}): ${output.trim().split("\n").slice(-3).join(" | ")}`;
    });
    child.once("error", (error) => {
      exited = `redis-server could not start: ${error.message}`;
    });
    const deadline = Date.now() + 30_000;
    while (!(ready && (await pongs(this.port)))) {
      if (exited !== undefined) {
        this.process = undefined;
        throw new Error(exited);
      }
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${this.port}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    if (exited !== undefined) {
      this.process = undefined;
      throw new Error(exited);
    }
  }

  /** Stops the server (its data goes with it, as when Redis is restarted without persistence). */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    this.process = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGCONT");
    child.kill("SIGKILL");
    await exited;
  }

  /** Freezes the server: connections stay open, nothing is answered. */
  freeze(): void {
    this.process?.kill("SIGSTOP");
  }

  thaw(): void {
    this.process?.kill("SIGCONT");
  }
}
