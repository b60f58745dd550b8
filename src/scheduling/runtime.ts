// Puts the scheduled jobs together with the sender, for the bot and for `npm run job`.
import type { Config } from "../app/config.js";
import { boltLogger, type Logger } from "../app/logger.js";
import type { Services } from "../app/services.js";
import { messages } from "../i18n/index.js";
import { type Clock, formatDayMonthYear, localDate } from "../lib/clock.js";
import { escapeMrkdwn, truncate } from "../slack/mrkdwn.js";
import { createSlackSender, type Sender } from "../slack/sender.js";
import type { Job } from "./job.js";
import { Scheduler, type SchedulerOptions } from "./scheduler.js";

export interface JobRuntime {
  scheduler: Scheduler;
  sender: Sender;
  stop(timeoutMs: number): Promise<void>;
}

export function createJobRuntime(options: {
  config: Config;
  services: Services;
  clock: Clock;
  logger: Logger;
  /** The jobs to schedule (src/app/areas.ts: allJobs). */
  jobs: readonly Job[];
  sender?: Sender;
  scheduler?: Partial<SchedulerOptions>;
}): JobRuntime {
  const { config, services, clock } = options;
  const logger = options.logger.child({ component: "jobs" });
  const sender =
    options.sender ??
    createSlackSender({
      botToken: config.slack.botToken,
      apiUrl: config.slack.apiUrl,
      redisUrl: config.redisUrl,
      store: services.outbound,
      clock,
      logger,
      clientLogger: boltLogger(logger),
    });

  const scheduler = new Scheduler({
    jobs: options.jobs,
    store: services.jobRuns,
    clock,
    timeZone: config.timeZone,
    logger,
    catchUpWindowMs: config.catchUpHours * 3600_000,
    depsFor: (_job, channelId) => ({
      clock,
      logger,
      sender,
      calendar: services.calendar,
      timeZone: config.timeZone,
      defaultLocale: config.defaultLocale,
      channelId,
      officeChannelId: config.prChannelId,
    }),
    // Reported once, to the admins' channel or else to each admin.
    async onFinalFailure(job, occurrence, error) {
      const t = messages(config.defaultLocale);
      const local = localDate(occurrence.scheduledFor, config.timeZone);
      const when = `${formatDayMonthYear(local)} ${occurrence.scheduledFor.toLocaleTimeString("el-GR", { timeZone: config.timeZone, hour: "2-digit", minute: "2-digit" })}`;
      const text = t.jobs.failed(job.name, when, occurrence.attempt, escapeMrkdwn(truncate(error, 500)));
      const targets = config.adminChannelId ? [config.adminChannelId] : await services.roles.holdersOf("admin");
      for (const channel of targets) {
        await sender.post({ key: `job-failed:${occurrence.key}:${channel}`, channel, text });
      }
    },
    ...options.scheduler,
  });

  return {
    scheduler,
    sender,
    async stop(timeoutMs) {
      await scheduler.stop(timeoutMs);
      if (!options.sender) await sender.stop();
    },
  };
}
