// Puts the scheduled jobs together with the sender, for the bot and for `npm run job`.
import type { Config } from "../app/config.js";
import { boltLogger, type Logger } from "../app/logger.js";
import { messages } from "../i18n/index.js";
import { type Clock, formatDayMonthYear, formatLocalTime, localDate } from "../lib/clock.js";
import { escapeMrkdwn, truncate } from "../slack/mrkdwn.js";
import type { OutboundStore } from "../slack/outbound-store.js";
import { createSlackSender, type Sender } from "../slack/sender.js";
import type { Job, JobDeps } from "./job.js";
import type { JobRunStore } from "./job-runs-store.js";
import type { PersonalReminders } from "./personal-hour.js";
import { Scheduler, type SchedulerOptions } from "./scheduler.js";

/** What the runtime needs of the rest of Grafeio (the bot's services offer all of it). */
export interface JobRuntimeServices {
  /** The sender's outbound store, when the runtime makes its own sender. */
  outbound: OutboundStore;
  jobRuns: JobRunStore;
  /** The office's working calendar, for the jobs. */
  calendar: JobDeps["calendar"];
  /** Who to tell of a job that failed for good, when there is no admins' channel. */
  roles: { holdersOf(role: "admin"): Promise<string[]> };
  /** Personal reminders at each person's own hour (the reminders area); unset: posted at once. */
  personalReminders?: PersonalReminders;
}

export interface JobRuntime {
  scheduler: Scheduler;
  sender: Sender;
  stop(timeoutMs: number): Promise<void>;
}

export function createJobRuntime(options: {
  config: Config;
  services: JobRuntimeServices;
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
      ...(services.personalReminders ? { personal: services.personalReminders } : {}),
    }),
    // Reported once, to the admins' channel or else to each admin.
    async onFinalFailure(job, occurrence, error) {
      const t = messages(config.defaultLocale);
      const local = localDate(occurrence.scheduledFor, config.timeZone);
      const when = `${formatDayMonthYear(local)} ${formatLocalTime(occurrence.scheduledFor, config.timeZone)}`;
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
