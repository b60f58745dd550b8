// Grafeio's entry point: configuration, database, bot, and an orderly stop on SIGINT/SIGTERM.
import dotenv from "dotenv";
import { DataDirLockedError } from "../db/data-dir-lock.js";
import { openDatabase } from "../db/database.js";
import { systemClock } from "../lib/clock.js";
import { createJobRuntime } from "../scheduling/runtime.js";
import { ConfigError, formatConfigError, loadConfig } from "./config.js";
import { createBot, SlackAuthError } from "./create-bot.js";
import { startLocalAdmin } from "./local-admin.js";
import { createLogger, maskSecrets } from "./logger.js";

// Exit codes: 2 = the configuration must be fixed; 1 = anything else that stopped the start.
const EXIT_CONFIG = 2;
// The whole stop must fit in 10 s (what process supervisors usually allow before SIGKILL).
const HARD_STOP_MS = 9500;

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${formatConfigError(error)}\n`);
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }

  const logger = createLogger({ level: config.logLevel });
  let db: Awaited<ReturnType<typeof openDatabase>>;
  try {
    db = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      purpose: "the Grafeio bot (npm start)",
    });
    const { applied } = await db.migrate();
    logger.info({ engine: db.engine, applied }, "database ready");
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(EXIT_CONFIG);
    }
    logger.fatal({ err: error }, "could not open the database");
    process.stderr.write(
      `Could not open the database: ${maskSecrets(String((error as Error).message)).replace(/\/\/[^@/]*@/g, "//***@")}\n`,
    );
    process.exit(1);
  }

  const bot = createBot({ config, logger, db, clock: systemClock });
  await bot.services.roles.ensureRoleHolders(config.adminUserIds, "admin");
  await bot.services.roles.ensureRoleHolders(config.managerUserIds, "manager");
  try {
    const { port } = await bot.start();
    logger.info({ mode: config.slack.mode, port }, "Grafeio is running");
  } catch (error) {
    if (error instanceof SlackAuthError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      await db.close();
      process.exit(EXIT_CONFIG);
    }
    throw error;
  }

  // Scheduled jobs start once the bot answers; the first tick catches up what was missed.
  const jobs = createJobRuntime({
    config,
    jobs: bot.jobs,
    services: bot.services,
    clock: systemClock,
    logger,
    sender: bot.sender,
  });
  jobs.scheduler.start();
  // `npm run job` beside the bot on the embedded database asks the bot itself (local-admin.ts).
  const admin = await startLocalAdmin({
    engine: db.engine,
    scheduler: jobs.scheduler,
    dataDir: config.dataDir,
    inFlight: bot.inFlight,
    logger,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: bot.inFlight.size }, "stopping");
    const deadline = setTimeout(() => {
      logger.error("could not stop in time; exiting anyway");
      process.exit(1);
    }, HARD_STOP_MS);
    deadline.unref();
    admin?.close();
    const [drained] = await Promise.all([bot.stop(config.shutdownTimeoutMs), jobs.stop(config.shutdownTimeoutMs)]);
    if (!drained) logger.warn({ inFlight: bot.inFlight.size }, "some requests were still running at shutdown");
    await db.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`Grafeio could not start: ${maskSecrets(String((error as Error)?.message ?? error))}\n`);
  process.exit(1);
});
