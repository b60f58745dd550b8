// Operators' view of the scheduled jobs:
//   npm run job -- list                         each job's schedule, last and next run, failures
//   npm run job -- <name> --at <ISO time>       run one occurrence now, through the same claim
//   npm run job -- <name> --at <ISO time> --force   run it again even if it already ran
import dotenv from "dotenv";
import { areaWiring, createAreas, createServices } from "../src/app/areas.js";
import { ConfigError, formatConfigError, loadConfig } from "../src/app/config.js";
import { createLogger } from "../src/app/logger.js";
import { openDatabase } from "../src/db/database.js";
import { systemClock } from "../src/lib/clock.js";
import { createJobRuntime } from "../src/scheduling/runtime.js";
import { createSlackSender } from "../src/slack/sender.js";

dotenv.config({ quiet: true });
const args = process.argv.slice(2);
const usage = "usage: npm run job -- list | <job name> --at <ISO time> [--force]";
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(formatConfigError(error));
    process.exit(2);
  }
  throw error;
}
const logger = createLogger({ level: process.env.LOG_LEVEL ?? "warn" });
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await db.migrate();
const services = createServices({
  prisma: db.prisma,
  reader: db.reader,
  clock: systemClock,
  timeZone: config.timeZone,
  defaultLocale: config.defaultLocale,
  lookupSlackLocale: async () => undefined,
});
const sender = createSlackSender({
  botToken: config.slack.botToken,
  apiUrl: config.slack.apiUrl,
  redisUrl: config.redisUrl,
  store: services.outbound,
  clock: systemClock,
  logger,
});
const jobs = createAreas(areaWiring({ services, config, logger, clock: systemClock, sender })).flatMap((a) => a.jobs);
const runtime = createJobRuntime({ config, jobs, services, clock: systemClock, logger, sender });
let code = 0;
try {
  if (args[0] === "list" || args.length === 0) {
    const fmt = (d?: Date | null) => (d ? d.toLocaleString("el-GR", { timeZone: config.timeZone }) : "—");
    console.log("| job | schedule | on | channel | last run | last status | next run | failed (30 d) |");
    console.log("|---|---|---|---|---|---|---|---:|");
    for (const j of await runtime.scheduler.overview()) {
      const last = j.last
        ? `${j.last.status}${j.last.late ? " (late)" : ""}${j.last.outcome ? `: ${j.last.outcome}` : ""}`
        : "—";
      console.log(
        `| ${j.name} | \`${j.schedule}\` | ${j.enabled ? "yes" : "no"} | ${j.channelId ?? "—"} | ${fmt(j.last?.scheduledFor)} | ${last} | ${fmt(j.next)} | ${j.failures30d} |`,
      );
    }
  } else {
    const name = args[0] ?? "";
    const atIndex = args.indexOf("--at");
    const at = atIndex >= 0 ? new Date(args[atIndex + 1] ?? "") : undefined;
    if (!at || Number.isNaN(at.getTime())) {
      console.error(usage);
      code = 2;
    } else {
      const result = await runtime.scheduler.runByHand(name, at, { force: args.includes("--force") });
      const said: Record<string, string> = {
        succeeded: "ran and succeeded",
        retrying: "failed; it will be retried by the running bot",
        failed: "failed for good (reported to the admins)",
        not_claimed: "another process is running it right now",
        already_ran: "already ran: nothing done (add --force to run it again)",
        unknown_job: `no job named ${name}; see npm run job -- list`,
      };
      console.log(`${name} @ ${at.toISOString()}: ${said[result] ?? result}`);
      if (result === "unknown_job") code = 2;
      else if (result !== "succeeded" && result !== "already_ran") code = 1;
    }
  }
} finally {
  await runtime.stop(5000);
  await sender.stop();
  await db.close();
}
process.exit(code);
