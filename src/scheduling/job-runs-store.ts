// Data access for scheduled-job occurrences and their settings. A claim is a conditional write:
// whoever's write succeeds runs the occurrence; everybody else leaves it alone.
//
// The writes of every tick (claim, lease, outcome) are single SQL statements written here rather
// than Prisma's createMany/updateMany: Prisma 6 wraps each of those in a transaction of its own
// (BEGIN, the statement, COMMIT; prisma/orm#29748), and a claim read its row back after, so a claim
// took four to six round trips to the database where it now takes one (two when it takes a run
// over). One statement is atomic by itself.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import type { JobRunStatus } from "../generated/prisma/enums.js";

export interface JobRunRow {
  id: number;
  jobName: string;
  scheduledFor: Date;
  status: JobRunStatus;
  attempts: number;
  claimedBy: string | null;
  leaseUntil: Date | null;
  nextAttemptAt: Date | null;
  finishedAt: Date | null;
  late: boolean;
  manual: boolean;
  lastError: string | null;
  outcome: string | null;
}

/** A job_runs row's columns under JobRunRow's names, for the RETURNING of the statements below. */
const RUN_COLUMNS = Prisma.sql`id, job_name AS "jobName", scheduled_for AS "scheduledFor", status::text AS status,
  attempts, claimed_by AS "claimedBy", lease_until AS "leaseUntil", next_attempt_at AS "nextAttemptAt",
  finished_at AS "finishedAt", late, manual, last_error AS "lastError", outcome`;

export function createJobRunStore({ prisma }: { prisma: PrismaClient }) {
  return {
    /** The job's settings, created on its first tick (every tick asks: a read unless it is new). */
    async ensureSetting(jobName: string, now: Date) {
      const known = await prisma.jobSetting.findUnique({ where: { jobName } });
      if (known) return known;
      await prisma.$executeRaw`
        INSERT INTO job_settings (job_name, created_at) VALUES (${jobName}, ${now}) ON CONFLICT DO NOTHING`;
      return prisma.jobSetting.findUniqueOrThrow({ where: { jobName } });
    },

    async settings() {
      return prisma.jobSetting.findMany();
    },

    async updateSetting(
      jobName: string,
      change: { enabled?: boolean; channelId?: string | null; schedule?: string | null; updatedBy: string },
      now: Date,
    ) {
      return prisma.jobSetting.upsert({
        where: { jobName },
        create: { jobName, createdAt: now, ...change },
        update: change,
      });
    },

    async runsBetween(jobName: string, from: Date, to: Date): Promise<JobRunRow[]> {
      return prisma.jobRun.findMany({
        where: { jobName, scheduledFor: { gte: from, lte: to } },
        orderBy: { scheduledFor: "asc" },
      });
    },

    async find(jobName: string, scheduledFor: Date): Promise<JobRunRow | null> {
      return prisma.jobRun.findUnique({ where: { jobName_scheduledFor: { jobName, scheduledFor } } });
    },

    /**
     * Claims an occurrence for `owner` until `leaseUntil`: a new occurrence, a retry whose time has
     * come, or a run whose owner stopped renewing its lease (it crashed). Null when not ours to run.
     */
    async claim(options: {
      jobName: string;
      scheduledFor: Date;
      owner: string;
      now: Date;
      leaseUntil: Date;
      late: boolean;
      manual?: boolean;
    }): Promise<JobRunRow | null> {
      const { jobName, scheduledFor, owner, now, leaseUntil, late, manual = false } = options;
      const [inserted] = await prisma.$queryRaw<JobRunRow[]>`
        INSERT INTO job_runs (job_name, scheduled_for, status, attempts, claimed_by, lease_until, started_at, late, manual)
        VALUES (${jobName}, ${scheduledFor}, 'running', 1, ${owner}, ${leaseUntil}, ${now}, ${late}, ${manual})
        ON CONFLICT (job_name, scheduled_for) DO NOTHING
        RETURNING ${RUN_COLUMNS}`;
      if (inserted) return inserted;
      // Someone's already: ours only if it is a retry whose time has come, or its owner's lease ran
      // out. Two claimants' updates queue on the row; the second finds it running and takes nothing.
      const [taken] = await prisma.$queryRaw<JobRunRow[]>`
        UPDATE job_runs
        SET status = 'running', attempts = attempts + 1, claimed_by = ${owner}, lease_until = ${leaseUntil},
            late = ${late}, started_at = ${now}
        WHERE job_name = ${jobName} AND scheduled_for = ${scheduledFor}
          AND ((status = 'retrying' AND next_attempt_at <= ${now}) OR (status = 'running' AND lease_until < ${now}))
        RETURNING ${RUN_COLUMNS}`;
      return taken ?? null;
    },

    /** Keeps a long run ours. False when someone else has taken it over. */
    async renewLease(id: number, owner: string, leaseUntil: Date): Promise<boolean> {
      const count = await prisma.$executeRaw`
        UPDATE job_runs SET lease_until = ${leaseUntil}
        WHERE id = ${id} AND claimed_by = ${owner} AND status = 'running'`;
      return count === 1;
    },

    /**
     * Makes every run another owner has left running claimable now (the embedded database: no
     * other process can be running them). Returns how many.
     */
    async releaseClaimsOfOthers(owner: string, now: Date): Promise<number> {
      const r = await prisma.jobRun.updateMany({
        where: { status: "running", NOT: { claimedBy: owner }, leaseUntil: { gte: now } },
        data: { leaseUntil: new Date(now.getTime() - 1) },
      });
      return r.count;
    },

    /** When the first lease still held by another owner ends, if any. */
    async nextLeaseEndOfOthers(owner: string, now: Date): Promise<Date | null> {
      const r = await prisma.jobRun.aggregate({
        where: { status: "running", NOT: { claimedBy: owner }, leaseUntil: { gte: now } },
        _min: { leaseUntil: true },
      });
      return r._min.leaseUntil;
    },

    async succeed(id: number, owner: string, now: Date, outcome: string | undefined): Promise<boolean> {
      const count = await prisma.$executeRaw`
        UPDATE job_runs
        SET status = 'succeeded', finished_at = ${now}, lease_until = NULL, outcome = ${outcome ?? null}, last_error = NULL
        WHERE id = ${id} AND claimed_by = ${owner} AND status = 'running'`;
      return count === 1;
    },

    async retryLater(id: number, owner: string, nextAttemptAt: Date, error: string): Promise<boolean> {
      const count = await prisma.$executeRaw`
        UPDATE job_runs
        SET status = 'retrying', next_attempt_at = ${nextAttemptAt}, lease_until = NULL, last_error = ${error}
        WHERE id = ${id} AND claimed_by = ${owner} AND status = 'running'`;
      return count === 1;
    },

    async fail(id: number, owner: string, now: Date, error: string): Promise<boolean> {
      const count = await prisma.$executeRaw`
        UPDATE job_runs SET status = 'failed', finished_at = ${now}, lease_until = NULL, last_error = ${error}
        WHERE id = ${id} AND claimed_by = ${owner} AND status = 'running'`;
      return count === 1;
    },

    /** For a forced manual run: the occurrence becomes due again, whatever became of it. */
    async reopen(jobName: string, scheduledFor: Date, now: Date): Promise<void> {
      await prisma.jobRun.updateMany({
        where: { jobName, scheduledFor },
        data: { status: "retrying", nextAttemptAt: now, attempts: 0, leaseUntil: null },
      });
    },

    /** Retries due and runs whose lease ran out, in any time window. */
    async dueRetriesAndOrphans(jobName: string, now: Date): Promise<JobRunRow[]> {
      return prisma.jobRun.findMany({
        where: {
          jobName,
          OR: [
            { status: "retrying", nextAttemptAt: { lte: now } },
            { status: "running", leaseUntil: { lt: now } },
          ],
        },
        orderBy: { scheduledFor: "asc" },
      });
    },

    async lastRun(jobName: string): Promise<JobRunRow | null> {
      return prisma.jobRun.findFirst({ where: { jobName }, orderBy: { scheduledFor: "desc" } });
    },

    async countFailed(jobName: string, since: Date): Promise<number> {
      return prisma.jobRun.count({ where: { jobName, status: "failed", scheduledFor: { gte: since } } });
    },
  };
}

export type JobRunStore = ReturnType<typeof createJobRunStore>;
