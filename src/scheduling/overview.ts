// What operators and admins see of the jobs: schedule, setting, last run, next run, failures.
import { nextOccurrence } from "./cron.js";
import type { Job } from "./job.js";
import type { JobRunRow, JobRunStore } from "./job-runs-store.js";

export interface JobOverview {
  name: string;
  description: Job["description"];
  /** The schedule in force: an admin's, else the job's own. */
  schedule: string;
  enabled: boolean;
  channelId: string | null;
  last: JobRunRow | null;
  next?: Date;
  failures30d: number;
}

export async function jobOverview(options: {
  jobs: readonly Job[];
  store: JobRunStore;
  now: Date;
  timeZone: string;
}): Promise<JobOverview[]> {
  const { jobs, store, now, timeZone } = options;
  return Promise.all(
    jobs.map(async (job) => {
      const setting = await store.ensureSetting(job.name, now);
      return {
        name: job.name,
        description: job.description,
        schedule: setting.schedule ?? job.schedule,
        enabled: setting.enabled,
        channelId: setting.channelId,
        last: await store.lastRun(job.name),
        next: nextOccurrence(setting.schedule ?? job.schedule, now, timeZone),
        failures30d: await store.countFailed(job.name, new Date(now.getTime() - 30 * 24 * 3600_000)),
      };
    }),
  );
}
