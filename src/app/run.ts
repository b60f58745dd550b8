// What `npm start` runs once its configuration is whole (src/app/main.ts reads it): the database,
// the bot, the scheduled jobs, and an orderly stop on SIGINT/SIGTERM.
import { writeBackup } from "../db/backup.js";
import { DataDirLockedError } from "../db/data-dir-lock.js";
import { type Database, openDatabase } from "../db/database.js";
import { explainDatabaseError, isPassingDatabaseProblem } from "../db/open-errors.js";
import { systemClock } from "../lib/clock.js";
import { createOperatorPanel } from "../local-workspace/operator.js";
import { fillSampleOffice } from "../local-workspace/sample-office.js";
import type { OperatorPanel } from "../local-workspace/server.js";
import { LOCAL_STAFF, type PreparedWorkspace } from "../local-workspace/start.js";
import { createJobRuntime, type JobRuntime } from "../scheduling/runtime.js";
import { type Config, EXIT_CONFIG } from "./config.js";
import { type Bot, createBot, SlackAuthError } from "./create-bot.js";
import { type LocalAdmin, startLocalAdmin } from "./local-admin.js";
import { auditLog, createLogger, maskSecrets } from "./logger.js";

// The whole stop must fit in 10 s (what process supervisors usually allow before SIGKILL).
const HARD_STOP_MS = 9500;

/** Set once SIGINT or SIGTERM arrives: from then on the stop, not the start, decides the exit. */
let stopping = false;

/** Whether a stop has begun: what fails after it is the stop's doing, and the stop exits. */
export function isStopping(): boolean {
  return stopping;
}

/**
 * Runs Grafeio until a signal stops it. `local` is the local workspace when there is no Slack;
 * `panel` is where its operator panel is put once the jobs run (the workspace asks it for them).
 */
export async function runGrafeio(
  config: Config,
  local: PreparedWorkspace | undefined,
  panel: { current?: OperatorPanel },
): Promise<void> {
  const logger = createLogger({ level: config.logLevel });

  // Signals are heard from the first step on, not only once the bot runs: a stop while the
  // database opens waits for it and closes it; a stop while Slack is out of reach (authenticating,
  // connecting, reconnecting) abandons the connection; either way the database is closed and the
  // exit code is 0.
  let db: Database | undefined;
  let databaseSettled: Promise<unknown> = Promise.resolve();
  let bot: Bot | undefined;
  let jobs: JobRuntime | undefined;
  let admin: LocalAdmin | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: bot?.inFlight.size ?? 0 }, "stopping");
    const deadline = setTimeout(() => {
      logger.error("could not stop in time; exiting anyway");
      process.exit(1);
    }, HARD_STOP_MS);
    deadline.unref();
    admin?.close();
    await local?.server.close();
    const [drained] = await Promise.all([
      bot ? bot.stop(config.shutdownTimeoutMs) : true,
      jobs?.stop(config.shutdownTimeoutMs),
    ]);
    if (!drained) logger.warn({ inFlight: bot?.inFlight.size }, "some requests were still running at shutdown");
    await databaseSettled;
    await db?.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  logger.info(
    config.databaseUrl
      ? { step: "database", engine: "postgres", server: databaseServer(config.databaseUrl) }
      : { step: "database", engine: "pglite", dataDir: config.dataDir },
    "waiting for the database",
  );
  try {
    const opening = (async () => {
      const opened = await openDatabase({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        purpose: "the Grafeio bot (npm start)",
      });
      db = opened;
      return { opened, ...(await opened.migrate()) };
    })();
    databaseSettled = opening.catch(() => undefined);
    const { opened, applied } = await opening;
    logger.info({ step: "database", engine: opened.engine, applied }, "database ready");
  } catch (error) {
    if (stopping) return;
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    // What the operator must fix is one sentence, what and where, without a stack trace (exit 2);
    // a server that is down or not reachable yet gets its sentence too, but exit 1, so that a
    // supervisor starts the bot again once the server is back (see deploy/grafeio.service).
    const problem = explainDatabaseError(error, { databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    if (problem) {
      logger.fatal({ step: "database" }, problem);
      process.stderr.write(`${problem}\n`);
      await db?.close().catch(() => undefined);
      process.exit(isPassingDatabaseProblem(error) ? 1 : EXIT_CONFIG);
    }
    logger.fatal({ err: error }, "could not open the database");
    const e = error as { message?: string; name?: string; errno?: unknown };
    // PGlite's file errors carry no message, only a WebAssembly errno.
    const said = e?.message || `${e?.name ?? "error"}${e?.errno !== undefined ? ` (errno ${String(e.errno)})` : ""}`;
    process.stderr.write(
      `Could not open the database: ${maskSecrets(String(said)).replace(/\/\/[^@/]*@/g, "//***@")}\n`,
    );
    process.exit(1);
  }
  if (stopping || !db) return;

  const running = createBot({ config, logger, db, clock: systemClock });
  bot = running;
  await running.services.roles.ensureRoleHolders(config.adminUserIds, "admin");
  await running.services.roles.ensureRoleHolders(config.managerUserIds, "manager");
  if (local) await running.services.roles.ensureRoleHolders(LOCAL_STAFF, "staff");
  if (stopping) return;
  try {
    const { port } = await running.start({
      onListening:
        config.slack.mode === "socket"
          ? (port) => logger.info({ port }, "answering GET /healthz and /readyz while Slack is reached")
          : undefined,
    });
    if (stopping) return;
    logger.info({ mode: config.slack.mode, port }, "Grafeio is running");
    if (local && port !== undefined) {
      local.connect(port);
      process.stdout.write(`${local.banner()}\n`);
    }
  } catch (error) {
    // A stop during the start abandons it; the stop closes the database and exits.
    if (stopping) return;
    if (error instanceof SlackAuthError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      await db.close();
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }

  // Before anything is due in them: join the configured public channels the bot is not in, and tell
  // the admins (once) of those it cannot post in. A failed check is no reason not to run. Counted
  // as work in flight: a stop meanwhile lets it finish before the database closes.
  try {
    const checked = await running.inFlight.track(() => running.channels.checkConfigured());
    if (checked.length > 0) logger.info({ channels: checked }, "configured channels checked");
  } catch (error) {
    logger.warn({ err: error }, "could not check the configured channels");
  }
  if (stopping) return;

  // Scheduled jobs start once the bot answers; the first tick catches up what was missed.
  jobs = createJobRuntime({
    config,
    jobs: running.jobs,
    services: running.services,
    clock: systemClock,
    logger,
    sender: running.sender,
    // The embedded database is this process's alone: what another owner left running died with it.
    scheduler: { onAttempt: running.metrics.jobAttempt, audit: auditLog(logger), soleProcess: db.engine === "pglite" },
  });
  jobs.scheduler.start();
  if (local)
    panel.current = createOperatorPanel({
      scheduler: jobs.scheduler,
      clock: systemClock,
      sample: () => running.inFlight.track(() => fillSampleOffice(running.services, systemClock, config.timeZone)),
    });
  // `npm run job` and `npm run backup` beside the bot on the embedded database ask the bot itself
  // (local-admin.ts).
  const database = db;
  admin = await startLocalAdmin({
    engine: db.engine,
    scheduler: jobs.scheduler,
    dataDir: config.dataDir,
    inFlight: running.inFlight,
    logger,
    backup: (out) => writeBackup(database, out),
    audit: auditLog(logger),
  });
  // A stop that came while the door opened has already passed it by.
  if (stopping) admin?.close();
}

/** Where a PostgreSQL database is, for the log: host, port and database, never the credentials. */
function databaseServer(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unreadable DATABASE_URL)";
  }
}
