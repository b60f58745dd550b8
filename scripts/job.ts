// Operators' view of the scheduled jobs:
//   npm run job -- list                         each job's schedule, last and next run, failures
//   npm run job -- <name> --at <ISO time>       run one occurrence now, through the same claim
//   npm run job -- <name> --at <ISO time> --force   run it again even if it already ran
//
// On the embedded database, while the bot runs, the bot does it (its local admin door, see
// src/app/local-admin.ts): PGlite is one process's database. Otherwise (the bot stopped, or
// PostgreSQL, which several processes share) this script opens the database itself; every run goes
// through the claim in job_runs, so it is recorded once and the bot sees it.
import dotenv from "dotenv";
import { type Config, ConfigError, formatConfigError, loadConfig } from "../src/app/config.js";
import { askRunningBot, findRunningBot, type JobListing, type RunResult, toListing } from "../src/app/local-admin.js";
import { isPostgresUrl } from "../src/db/adapter.js";
import { DataDirLockedError } from "../src/db/data-dir-lock.js";

dotenv.config({ quiet: true });
const args = process.argv.slice(2);
const usage = "usage: npm run job -- list | <job name> --at <ISO time> [--force]";
let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(formatConfigError(error));
    process.exit(2);
  }
  throw error;
}

type Command = { kind: "list" } | { kind: "run"; name: string; at: Date; force: boolean };
const command = parse(args);
if (!command) {
  console.error(usage);
  process.exit(2);
}

function parse(argv: string[]): Command | undefined {
  if (argv[0] === "list" || argv.length === 0) return { kind: "list" };
  const atIndex = argv.indexOf("--at");
  const at = atIndex >= 0 ? new Date(argv[atIndex + 1] ?? "") : undefined;
  if (!at || Number.isNaN(at.getTime())) return undefined;
  return { kind: "run", name: argv[0] ?? "", at, force: argv.includes("--force") };
}

function printList(jobs: readonly JobListing[]) {
  const fmt = (d?: string | null) => (d ? new Date(d).toLocaleString("el-GR", { timeZone: config.timeZone }) : "—");
  console.log("| job | schedule | on | channel | last run | last status | next run | failed (30 d) |");
  console.log("|---|---|---|---|---|---|---|---:|");
  for (const j of jobs) {
    const last = j.last
      ? `${j.last.status}${j.last.late ? " (late)" : ""}${j.last.outcome ? `: ${j.last.outcome}` : ""}`
      : "—";
    console.log(
      `| ${j.name} | \`${j.schedule}\` | ${j.enabled ? "yes" : "no"} | ${j.channelId ?? "—"} | ${fmt(j.last?.scheduledFor)} | ${last} | ${fmt(j.next)} | ${j.failures30d} |`,
    );
  }
}

/** Prints the outcome of a run; returns the exit code. */
function printRun(name: string, at: Date, result: RunResult, by = ""): number {
  const said: Record<string, string> = {
    succeeded: "ran and succeeded",
    retrying: "failed; it will be retried by the running bot",
    failed: "failed for good (reported to the admins)",
    not_claimed: "another process is running it right now",
    already_ran: "already ran: nothing done (add --force to run it again)",
    unknown_job: `no job named ${name}; see npm run job -- list`,
  };
  console.log(`${name} @ ${at.toISOString()}: ${said[result] ?? result}${by}`);
  if (result === "unknown_job") return 2;
  return result === "succeeded" || result === "already_ran" ? 0 : 1;
}

/** Through the running bot's door; undefined when no bot answers there (it has just stopped). */
async function viaRunningBot(cmd: Command): Promise<number | undefined> {
  const bot = findRunningBot(config.dataDir);
  if (!bot) return undefined;
  const by = ` (by the running bot, pid ${bot.holder.pid})`;
  try {
    if (cmd.kind === "list") {
      const { status, body } = await askRunningBot<{ jobs?: JobListing[] }>(bot, { method: "GET", path: "/jobs" });
      if (status !== 200 || !body?.jobs) return refusedByBot(status);
      printList(body.jobs);
      return 0;
    }
    const { status, body } = await askRunningBot<{ result?: RunResult }>(bot, {
      method: "POST",
      path: "/jobs/run",
      body: { name: cmd.name, at: cmd.at.toISOString(), force: cmd.force, uid: process.getuid?.() },
    });
    if (status !== 200 || !body?.result) return refusedByBot(status);
    return printRun(cmd.name, cmd.at, body.result, by);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") return undefined;
    throw error;
  }
}

function refusedByBot(status: number): number {
  console.error(`The running bot answered HTTP ${status}; see its log.`);
  return 1;
}

/** Opens the database itself: the bot is stopped, or the database is a PostgreSQL server. */
async function direct(cmd: Command): Promise<number> {
  // Loaded here only: asking the running bot needs none of it.
  const { areaWiring, createAreas, createServices } = await import("../src/app/areas.js");
  const { auditLog, createLogger } = await import("../src/app/logger.js");
  const { openDatabase } = await import("../src/db/database.js");
  const { systemClock } = await import("../src/lib/clock.js");
  const { createJobRuntime } = await import("../src/scheduling/runtime.js");
  const { createSlackSender } = await import("../src/slack/sender.js");
  const { createChannelAccess } = await import("../src/app/create-bot.js");
  const { WebClient } = await import("@slack/web-api");
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn" });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    purpose: "a job run (npm run job)",
    busyAdvice:
      "wait for it to finish or stop it, then run the job again (beside a running bot, npm run job asks the bot itself once it has started)",
  });
  await db.migrate();
  const services = createServices({
    prisma: db.prisma,
    reader: db.reader,
    clock: systemClock,
    timeZone: config.timeZone,
    defaultLocale: config.defaultLocale,
    lookupSlackLocale: async () => undefined,
    audit: auditLog(logger),
  });
  // A run by hand joins a public channel and tells the admins of one it cannot post in, as the bot does.
  const access = createChannelAccess({
    config,
    services,
    client: new WebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl }),
    logger,
    sender: () => sender,
  });
  const sender = createSlackSender({
    botToken: config.slack.botToken,
    apiUrl: config.slack.apiUrl,
    redisUrl: config.redisUrl,
    store: services.outbound,
    clock: systemClock,
    logger,
    access,
  });
  const jobs = createAreas(areaWiring({ services, config, logger, clock: systemClock, sender })).flatMap((a) => a.jobs);
  const runtime = createJobRuntime({
    config,
    jobs,
    services,
    clock: systemClock,
    logger,
    sender,
    // On the embedded database this script holds it alone (the bot is not running).
    scheduler: { audit: auditLog(logger), soleProcess: db.engine === "pglite" },
  });
  try {
    if (cmd.kind === "list") {
      printList((await runtime.scheduler.overview()).map(toListing));
      return 0;
    }
    const result = await runtime.scheduler.runByHand(cmd.name, cmd.at, {
      force: cmd.force,
      via: "npm run job",
      uid: process.getuid?.(),
    });
    return printRun(cmd.name, cmd.at, result);
  } finally {
    await runtime.stop(5000);
    await sender.stop();
    await db.close();
  }
}

let code: number;
try {
  code = (isPostgresUrl(config.databaseUrl) ? undefined : await viaRunningBot(command)) ?? (await direct(command));
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  // Another process has the embedded database (a migration, a bot still starting): one sentence.
  console.error(error.message);
  code = 2;
}
process.exit(code);
