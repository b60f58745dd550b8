// Runs each job occurrence exactly once: occurrences are computed from the schedule, claimed in the
// database before they run, retried with backoff, caught up after an outage, and reported to the
// admins when they finally fail. node-cron only wakes the scheduler once a minute.
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "../app/logger.js";
import { type AuditLog, noAudit } from "../lib/audit.js";
import type { Clock } from "../lib/clock.js";
import { occurrencesBetween } from "./cron.js";
import type { Job, JobDeps, Occurrence } from "./job.js";
import type { JobRunStore } from "./job-runs-store.js";
import { type JobOverview, jobOverview } from "./overview.js";

export type AttemptResult = "succeeded" | "retrying" | "failed" | "not_claimed" | "disabled" | "unknown_job";

export interface SchedulerOptions {
  jobs: readonly Job[];
  store: JobRunStore;
  clock: Clock;
  timeZone: string;
  logger: Logger;
  /** The dependencies a job runs with (its channel comes from its settings). */
  depsFor(job: Job, channelId: string | null): JobDeps;
  /**
   * Told of each attempt's result (the metrics): not_claimed when another process had it, and the
   * run's duration when it ran.
   */
  onAttempt?(job: string, result: AttemptResult, manual: boolean, seconds?: number): void;
  /** Where runs by hand are recorded (the audit trail). */
  audit?: AuditLog;
  /** Told once when an occurrence has used all its attempts. */
  onFinalFailure(job: Job, occurrence: Occurrence, error: string): Promise<void>;
  owner?: string;
  /**
   * No other process can hold a claim: the embedded database is one process's (its folder is
   * locked). A run left running by another owner is then a dead process's, taken over at once.
   */
  soleProcess?: boolean;
  catchUpWindowMs?: number;
  /**
   * How long a claim holds without being renewed (default 30 s). A run renews it every third of
   * that; a crashed one stops, and what it had left to post waits at most this long.
   */
  leaseMs?: number;
  lateAfterMs?: number;
  /** Wait before attempt n+1, after attempt n failed. */
  backoffMs?: (attempt: number) => number;
}

const MINUTE = 60_000;

/**
 * A run stops sending this long (a sixth of the lease) before its last renewed lease ends, so that
 * no message of it reaches Slack once another process may have taken the occurrence over.
 */
const FENCE_FRACTION = 1 / 6;

export class Scheduler {
  readonly owner: string;
  private readonly catchUpWindowMs: number;
  private readonly leaseMs: number;
  private readonly lateAfterMs: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly busy = new Set<string>();
  private task?: ScheduledTask;
  private ticking?: Promise<unknown>;
  /** A tick at the end of another owner's lease, so that a dead run is taken over then, not a minute later. */
  private wake?: { at: number; timer: NodeJS.Timeout };
  private othersReleased?: Promise<void>;

  constructor(private readonly o: SchedulerOptions) {
    this.owner = o.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
    this.catchUpWindowMs = o.catchUpWindowMs ?? 48 * 60 * MINUTE;
    this.leaseMs = o.leaseMs ?? 30_000;
    this.lateAfterMs = o.lateAfterMs ?? 5 * MINUTE;
    this.backoffMs = o.backoffMs ?? ((n) => Math.min(60 * MINUTE, 2 ** (n - 1) * 2 * MINUTE));
    const names = new Set<string>();
    for (const job of o.jobs) {
      if (names.has(job.name)) throw new Error(`two jobs are named ${job.name}`);
      names.add(job.name);
      occurrencesBetween(job.schedule, new Date(0), new Date(0), o.timeZone); // validates the schedule
    }
  }

  get jobs(): readonly Job[] {
    return this.o.jobs;
  }

  /** Wakes once a minute; the first tick also catches up what was missed while the bot was down. */
  start(): void {
    this.task = cron.schedule("* * * * *", () => void this.safeTick(), { timezone: this.o.timeZone, noOverlap: true });
    void this.safeTick();
  }

  async stop(timeoutMs: number): Promise<void> {
    await this.task?.stop();
    await this.task?.destroy();
    this.task = undefined;
    if (this.wake) clearTimeout(this.wake.timer);
    if (this.ticking) await Promise.race([this.ticking, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  private async safeTick() {
    if (this.ticking) return;
    this.ticking = this.tick()
      .catch((error: unknown) => this.o.logger.error({ err: error }, "scheduler tick failed"))
      .finally(() => {
        this.ticking = undefined;
      });
    await this.ticking;
  }

  /** Runs every occurrence that is due now, each job's in order, jobs side by side. */
  async tick(): Promise<Record<string, AttemptResult[]>> {
    const report: Record<string, AttemptResult[]> = {};
    await this.releaseOthers();
    await Promise.all(
      this.o.jobs.map(async (job) => {
        if (this.busy.has(job.name)) return;
        this.busy.add(job.name);
        try {
          report[job.name] = await this.tickJob(job);
        } finally {
          this.busy.delete(job.name);
        }
      }),
    );
    await this.wakeAtLeaseEnd();
    return report;
  }

  /** On the embedded database, once: the runs a killed process left running are free at once. */
  private releaseOthers(): Promise<void> {
    if (!this.o.soleProcess) return Promise.resolve();
    this.othersReleased ??= this.o.store.releaseClaimsOfOthers(this.owner, this.o.clock.now()).then((runs) => {
      if (runs > 0) this.o.logger.info({ runs }, "took over the runs a stopped process had left running");
    });
    return this.othersReleased;
  }

  /** Once started: a tick when the next lease held by another process ends (it may have died). */
  private async wakeAtLeaseEnd(): Promise<void> {
    if (!this.task) return;
    const end = await this.o.store.nextLeaseEndOfOthers(this.owner, this.o.clock.now());
    if (!end) return;
    const at = Date.now() + Math.max(0, end.getTime() - this.o.clock.now().getTime()) + 1000;
    if (this.wake && this.wake.at > Date.now() && this.wake.at <= at) return;
    if (this.wake) clearTimeout(this.wake.timer);
    const timer = setTimeout(() => {
      this.wake = undefined;
      if (this.task) void this.safeTick();
    }, at - Date.now());
    timer.unref();
    this.wake = { at, timer };
  }

  private async tickJob(job: Job): Promise<AttemptResult[]> {
    const now = this.o.clock.now();
    const setting = await this.o.store.ensureSetting(job.name, now);
    if (!setting.enabled) return [];
    const windowStart = new Date(Math.max(now.getTime() - this.catchUpWindowMs, setting.createdAt.getTime()));
    // An admin may have moved the job to another time of day (`/grafeio job <name> time 07:45`).
    const scheduled = occurrencesBetween(setting.schedule ?? job.schedule, windowStart, now, this.o.timeZone);
    const known = new Set(
      (await this.o.store.runsBetween(job.name, windowStart, now)).map((r) => r.scheduledFor.getTime()),
    );
    let missing = scheduled.filter((at) => !known.has(at.getTime()));
    const results: AttemptResult[] = [];
    if (job.catchUp === "latest" && missing.length > 1) {
      for (const superseded of missing.slice(0, -1)) await this.markSuperseded(job, superseded);
      missing = missing.slice(-1);
    }
    const again = (await this.o.store.dueRetriesAndOrphans(job.name, now)).map((r) => r.scheduledFor);
    const due = [...new Map([...again, ...missing].map((d) => [d.getTime(), d])).values()].sort(
      (a, b) => a.getTime() - b.getTime(),
    );
    for (const at of due) results.push(await this.attempt(job, at, setting.channelId, false));
    return results;
  }

  private async markSuperseded(job: Job, at: Date) {
    const now = this.o.clock.now();
    const run = await this.o.store.claim({
      jobName: job.name,
      scheduledFor: at,
      owner: this.owner,
      now,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
      late: true,
    });
    if (run)
      await this.o.store.succeed(run.id, this.owner, now, "skipped: a later occurrence was due (the bot was offline)");
  }

  private async attempt(job: Job, at: Date, channelId: string | null, manual: boolean): Promise<AttemptResult> {
    const started = performance.now();
    const result = await this.attemptOnce(job, at, channelId, manual);
    const ran = result !== "not_claimed";
    this.o.onAttempt?.(job.name, result, manual, ran ? (performance.now() - started) / 1000 : undefined);
    return result;
  }

  private async attemptOnce(job: Job, at: Date, channelId: string | null, manual: boolean): Promise<AttemptResult> {
    const now = this.o.clock.now();
    const late = now.getTime() - at.getTime() > this.lateAfterMs;
    const run = await this.o.store.claim({
      jobName: job.name,
      scheduledFor: at,
      owner: this.owner,
      now,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
      late,
      manual,
    });
    if (!run) return "not_claimed";
    const occurrence: Occurrence = {
      scheduledFor: at,
      late,
      manual,
      attempt: run.attempts,
      key: `${job.name}@${at.toISOString()}`,
    };
    const log = this.o.logger.child({ job: job.name, occurrence: at.toISOString(), attempt: run.attempts });
    // A long run keeps its claim; a crashed one stops renewing and is taken over when the lease ends.
    // Its posts go out only while the lease it last renewed has a sixth of it left and nobody took
    // it over, so that a run held up (a database away, a frozen machine) never posts beside the
    // process that has taken its occurrence over.
    let heldUntil = run.leaseUntil?.getTime() ?? 0;
    let lost = false;
    const stillOurs = () => !lost && this.o.clock.now().getTime() < heldUntil - this.leaseMs * FENCE_FRACTION;
    const heartbeat = setInterval(() => {
      const until = this.o.clock.now().getTime() + this.leaseMs;
      void this.o.store.renewLease(run.id, this.owner, new Date(until)).then(
        (renewed) => {
          if (renewed) heldUntil = Math.max(heldUntil, until);
          else lost = true;
        },
        (error: unknown) => log.warn({ err: error }, "could not renew the lease"),
      );
    }, this.leaseMs / 3);
    heartbeat.unref();
    const deps = this.o.depsFor(job, channelId);
    const sender = deps.sender;
    try {
      const outcome = await job.run(occurrence, {
        ...deps,
        sender: { post: (message) => sender.post({ ...message, stillOurs }) },
      });
      await this.o.store.succeed(run.id, this.owner, this.o.clock.now(), outcome);
      log.info({ outcome, late }, "job occurrence done");
      return "succeeded";
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (run.attempts < (job.maxAttempts ?? 3)) {
        const next = new Date(this.o.clock.now().getTime() + this.backoffMs(run.attempts));
        if (!(await this.o.store.retryLater(run.id, this.owner, next, message))) return this.takenOver(log, error);
        log.warn({ err: error, retryAt: next.toISOString() }, "job occurrence failed; will retry");
        return "retrying";
      }
      if (!(await this.o.store.fail(run.id, this.owner, this.o.clock.now(), message)))
        return this.takenOver(log, error);
      log.error({ err: error }, "job occurrence failed for good");
      await this.o
        .onFinalFailure(job, occurrence, message)
        .catch((e: unknown) => log.error({ err: e }, "could not report the failure"));
      return "failed";
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Another process runs the occurrence now: its failure here is none of the admins' business. */
  private takenOver(log: Logger, error: unknown): AttemptResult {
    log.warn({ err: error }, "job occurrence taken over by another process; this run stopped");
    return "not_claimed";
  }

  /**
   * An operator's run of one occurrence, through the same claim: nothing happens when it already
   * ran, unless `force`. Audited, whatever came of it, with the way it came (`via`: the bot's local
   * door, or `npm run job` on its own) and the operator's system user id when known.
   */
  async runByHand(
    jobName: string,
    at: Date,
    options: { force?: boolean; via?: "local-admin" | "npm run job"; uid?: number } = {},
  ): Promise<AttemptResult | "already_ran"> {
    const result = await this.runByHandOnce(jobName, at, options.force ?? false);
    (this.o.audit ?? noAudit).record("job.run_by_hand", {
      job: jobName,
      occurrence: at.toISOString(),
      force: options.force ?? false,
      result,
      via: options.via ?? null,
      uid: options.uid ?? null,
    });
    return result;
  }

  private async runByHandOnce(jobName: string, at: Date, force: boolean): Promise<AttemptResult | "already_ran"> {
    const job = this.o.jobs.find((j) => j.name === jobName);
    if (!job) return "unknown_job";
    await this.releaseOthers();
    const now = this.o.clock.now();
    const setting = await this.o.store.ensureSetting(job.name, now);
    const existing = await this.o.store.find(job.name, at);
    if (existing && !force && (existing.status === "succeeded" || existing.status === "failed")) return "already_ran";
    if (existing && force) await this.o.store.reopen(job.name, at, now);
    else if (existing?.status === "retrying") await this.o.store.reopen(job.name, at, now);
    return this.attempt(job, at, setting.channelId, true);
  }

  /** Each job's schedule, setting, last run, next run and recent failures. */
  overview(): Promise<JobOverview[]> {
    return jobOverview({ jobs: this.o.jobs, store: this.o.store, now: this.o.clock.now(), timeZone: this.o.timeZone });
  }
}
