// Scheduled work under test: the real scheduler, sender and services on the real database engine,
// against the fake Slack API, with a clock the test sets (no real waiting for schedules).

import { Writable } from "node:stream";
import { WebClient } from "@slack/web-api";
import { areaWiring, createAreas, createServices, type Services } from "../../src/app/areas.js";
import { type Config, loadConfig } from "../../src/app/config.js";
import { auditLog, createLogger } from "../../src/app/logger.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createSafeFetcher } from "../../src/lib/safe-fetch.js";
import type { Job } from "../../src/scheduling/job.js";
import { createJobRuntime, type JobRuntime } from "../../src/scheduling/runtime.js";
import type { SchedulerOptions } from "../../src/scheduling/scheduler.js";
import { Sender } from "../../src/slack/sender.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { BOT_TOKEN, FakeSlack } from "./fake-slack.js";

// Slack's per-channel interval, scaled down so that tests do not wait seconds.
export const TEST_INTERVAL_MS = 5;

export interface JobHarness {
  clock: ManualClock;
  fake: FakeSlack;
  database: TestDatabase;
  services: Services;
  config: Config;
  logs: string[];
  /** A runtime (scheduler + sender) as one bot process would have it. */
  process(name: string, jobs?: readonly Job[], scheduler?: Partial<SchedulerOptions>): JobRuntime;
  /** The jobs of that name as the areas build them (for process()). */
  jobs(...names: string[]): Job[];
  dispose(): Promise<void>;
}

export async function createJobHarness(options: { now: Date; env?: Record<string, string> }): Promise<JobHarness> {
  const fake = new FakeSlack();
  const apiUrl = await fake.start();
  fake.rateLimit = { windowMs: TEST_INTERVAL_MS, retryAfterSeconds: 1 };
  const database = await createTestDatabase();
  const clock = new ManualClock(options.now);
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: "x".repeat(16),
    SLACK_API_URL: apiUrl,
    ...options.env,
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: "debug",
    destination: new Writable({
      write(chunk, _e, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const services = createServices({
    prisma: database.db.prisma,
    reader: database.db.reader,
    clock,
    timeZone: config.timeZone,
    defaultLocale: config.defaultLocale,
    lookupSlackLocale: async (user) => fake.users.get(user)?.locale ?? "el-GR",
    lookupSlackTimeZone: async (user) => fake.users.get(user)?.tz,
    audit: auditLog(logger),
    fetcher: createSafeFetcher({ allowLoopback: config.fetchAllowLoopback }),
  });
  const runtimes: JobRuntime[] = [];
  // The areas as the bot builds them; their jobs take the sender from each process at run time.
  const wiringSender = new Sender({
    client: new WebClient(BOT_TOKEN, { slackApiUrl: apiUrl }),
    store: services.outbound,
    clock,
    logger,
  });
  const areaJobs = createAreas(areaWiring({ services, config, logger, clock, sender: wiringSender })).flatMap(
    (a) => a.jobs,
  );
  return {
    clock,
    fake,
    database,
    services,
    config,
    logs,
    process(name, jobs, scheduler) {
      const sender = new Sender({
        client: new WebClient(BOT_TOKEN, {
          slackApiUrl: apiUrl,
          rejectRateLimitedCalls: true,
          retryConfig: { retries: 0 },
        }),
        store: services.outbound,
        clock,
        logger,
        perChannelIntervalMs: TEST_INTERVAL_MS,
        retryAfterUnitMs: TEST_INTERVAL_MS,
      });
      const runtime = createJobRuntime({
        config,
        services,
        clock,
        logger,
        jobs: jobs ?? areaJobs,
        sender,
        scheduler: { owner: name, ...scheduler },
      });
      runtimes.push(runtime);
      return runtime;
    },
    jobs(...names) {
      return names.map((name) => {
        const job = areaJobs.find((j) => j.name === name);
        if (!job) throw new Error(`no job named ${name}`);
        return job;
      });
    },
    async dispose() {
      for (const r of runtimes) {
        await r.stop(1000);
        await r.sender.stop();
      }
      await wiringSender.stop();
      await database.dispose();
      await fake.stop();
    },
  };
}
