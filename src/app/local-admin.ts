// The running bot's door for `npm run job` on the embedded database. PGlite is one process's
// database (src/db/data-dir-lock.ts), so while the bot runs, an operator's job run is done by the
// bot itself, through its own scheduler's claim (job_runs), and the bot sees it like any other run.
// `npm run backup` likewise: the bot writes the backup to the answer (GET /backup).
//
// The door is an HTTP server on 127.0.0.1 (a port the system picks), opened only by a random token.
// The bot writes the port and token to a file next to the lock, readable by its own user only
// (0600): whoever can read that file can read the database files beside it anyway. The token is
// compared in constant time. On PostgreSQL there is no door: two processes may share the server and
// the claim keeps each run single, so `npm run job` opens the database itself.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { hostname } from "node:os";
import path from "node:path";
import type { Writable } from "node:stream";
import { z } from "zod";
import { type LockHolder, liveLockHolder } from "../db/data-dir-lock.js";
import { type AuditLog, noAudit } from "../lib/audit.js";
import type { JobOverview } from "../scheduling/overview.js";
import type { AttemptResult } from "../scheduling/scheduler.js";
import type { InFlight } from "./in-flight.js";
import type { Logger } from "./logger.js";

export const ADMIN_FILE = "grafeio.admin.json";

/** A job as `npm run job -- list` shows it, the same from the bot's door and from the database. */
export interface JobListing {
  name: string;
  schedule: string;
  enabled: boolean;
  channelId: string | null;
  last: { status: string; late: boolean; outcome: string | null; scheduledFor: string } | null;
  next: string | null;
  failures30d: number;
}

export type RunResult = AttemptResult | "already_ran";

export function toListing(j: JobOverview): JobListing {
  return {
    name: j.name,
    schedule: j.schedule,
    enabled: j.enabled,
    channelId: j.channelId,
    last: j.last
      ? {
          status: j.last.status,
          late: j.last.late,
          outcome: j.last.outcome,
          scheduledFor: j.last.scheduledFor.toISOString(),
        }
      : null,
    next: j.next?.toISOString() ?? null,
    failures30d: j.failures30d,
  };
}

/** What the door needs of the scheduler. */
export interface AdminScheduler {
  overview(): Promise<JobOverview[]>;
  runByHand(
    jobName: string,
    at: Date,
    options: { force?: boolean; via?: "local-admin"; uid?: number },
  ): Promise<RunResult>;
}

export interface LocalAdmin {
  readonly port: number;
  /** Stops taking requests and removes the door's file; runs in flight finish (the bot's InFlight). */
  close(): void;
}

const runRequest = z.object({
  name: z.string().min(1).max(100),
  at: z.iso.datetime({ offset: true }),
  force: z.boolean().default(false),
  /** The system user id `npm run job` runs as, for the audit line (whoever holds the token could say another). */
  uid: z.number().int().nonnegative().optional(),
});

const MAX_BODY_BYTES = 4096;

/**
 * Opens the door when the database is the embedded one in a folder; undefined otherwise. Runs are
 * tracked by `inFlight`, so the bot's stop waits for a run by hand as for a Slack request.
 */
export async function startLocalAdmin(options: {
  engine: "pglite" | "postgres";
  dataDir: string;
  scheduler: AdminScheduler;
  inFlight: InFlight;
  logger: Logger;
  /** `npm run backup` beside the bot: writes the backup (src/db/backup.ts) to the answer. */
  backup?: (out: Writable) => Promise<{ tables: readonly unknown[]; rows: number }>;
  /** Where a backup written is recorded (runs by hand are the scheduler's to record). */
  audit?: AuditLog;
}): Promise<LocalAdmin | undefined> {
  if (options.engine !== "pglite" || options.dataDir.startsWith("memory://")) return undefined;
  const { scheduler, inFlight } = options;
  const logger = options.logger.child({ component: "local-admin" });
  const token = randomBytes(32).toString("base64url");
  const expected = digest(`Bearer ${token}`);

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "local admin request failed");
      if (!res.headersSent) reply(res, 500, { error: "the bot could not do it; see its log" });
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const given = digest(req.headers.authorization ?? "");
    if (!timingSafeEqual(given, expected)) return reply(res, 401, { error: "unauthorized" });
    const url = req.url ?? "";
    if (req.method === "GET" && url === "/jobs") {
      return reply(res, 200, { jobs: (await scheduler.overview()).map(toListing) });
    }
    if (req.method === "POST" && url === "/jobs/run") {
      const body = await readBody(req);
      const parsed = body === undefined ? undefined : runRequest.safeParse(parseJson(body));
      if (!parsed?.success) return reply(res, 400, { error: "expected {name, at (ISO time), force}" });
      const { name, at, force, uid } = parsed.data;
      // The scheduler writes the audit line, with the result.
      const result = await inFlight.track(() =>
        scheduler.runByHand(name, new Date(at), { force, via: "local-admin", uid }),
      );
      return reply(res, 200, { result });
    }
    if (req.method === "GET" && url === "/backup" && options.backup) {
      const backup = options.backup;
      logger.info("backup by hand (npm run backup)");
      res.writeHead(200, { "content-type": "application/gzip", "cache-control": "no-store" });
      // A failure half-way cuts the answer short; the script checks the whole file before keeping it.
      await inFlight
        .track(() => backup(res))
        .then((summary) =>
          (options.audit ?? noAudit).record("backup.written", {
            via: "local-admin",
            tables: summary.tables.length,
            rows: summary.rows,
          }),
        )
        .catch((error: unknown) => {
          logger.error({ err: error }, "backup failed");
          res.destroy();
        });
      return;
    }
    return reply(res, 404, { error: "not found" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const file = path.join(path.resolve(options.dataDir), ADMIN_FILE);
  writePrivately(file, JSON.stringify({ pid: process.pid, port, token }));
  logger.info({ port }, "local admin listening on 127.0.0.1 (npm run job)");
  return {
    port,
    close() {
      server.close();
      server.closeIdleConnections();
      const door = readDoor(file);
      if (door?.token === token) {
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      }
    },
  };
}

/** The running bot holding `dataDir`, with its door, when there is one on this host. */
export function findRunningBot(dataDir: string): { holder: LockHolder; port: number; token: string } | undefined {
  const holder = liveLockHolder(dataDir);
  if (!holder || holder.host !== hostname()) return undefined;
  const door = readDoor(path.join(path.resolve(dataDir), ADMIN_FILE));
  // A door left by an earlier bot (killed, not stopped) names another pid.
  if (!door || door.pid !== holder.pid) return undefined;
  return { holder, port: door.port, token: door.token };
}

/** Asks the running bot; a run waits as long as the job takes (no time-out). */
export async function askRunningBot<T>(
  bot: { port: number; token: string },
  call: { method: "GET"; path: "/jobs" } | { method: "POST"; path: "/jobs/run"; body: unknown },
): Promise<{ status: number; body: T }> {
  const payload = call.method === "POST" ? JSON.stringify(call.body) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: bot.port,
        method: call.method,
        path: call.path,
        headers: {
          authorization: `Bearer ${bot.token}`,
          ...(payload ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, body: parseJson(text) as T });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Asks the running bot for a backup and writes its answer to `out`; the HTTP status. */
export async function backupFromRunningBot(bot: { port: number; token: string }, out: Writable): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: bot.port,
        method: "GET",
        path: "/backup",
        headers: { authorization: `Bearer ${bot.token}` },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          resolve(res.statusCode ?? 0);
          return;
        }
        res.pipe(out);
        res.on("error", reject);
        res.on("aborted", () => reject(new Error("the running bot stopped sending the backup")));
        out.on("error", reject);
        out.on("finish", () => resolve(200));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

function readDoor(file: string): { pid: number; port: number; token: string } | undefined {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as { pid?: unknown; port?: unknown; token?: unknown };
    if (typeof value.pid === "number" && typeof value.port === "number" && typeof value.token === "string") {
      return { pid: value.pid, port: value.port, token: value.token };
    }
  } catch {
    // Missing, or not readable by this user.
  }
  return undefined;
}

/** Written whole under another name, with 0600 from its creation, then renamed into place. */
function writePrivately(file: string, content: string) {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/** Equal lengths for timingSafeEqual whatever was sent. */
function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
