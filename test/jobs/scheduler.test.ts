import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Job, Occurrence } from "../../src/scheduling/job.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";

const at = (iso: string) => new Date(iso);

// One harness (database, fake Slack, services) for the file: each test has jobs of its own names,
// sets the clock itself and looks only at the calls made since it began (a harness each cost about
// 0.3 s of CPU).
let h: JobHarness;
let since = 0;
beforeAll(async () => {
  h = await createJobHarness({ now: at("2026-11-23T05:59:00Z"), env: { ADMIN_USER_IDS: "U0ADMIN01" } });
  await h.services.roles.ensureRoleHolders(["U0ADMIN01"], "admin");
});
afterAll(() => h?.dispose());
beforeEach(() => {
  since = h.fake.calls.length;
});
const callsTo = (method: string) => h.fake.calls.slice(since).filter((c) => c.method === method);

/** A daily job that posts its one message, then, the first time, never returns: its process died. */
function crashingJob(name: string): Job {
  let attempt = 0;
  return {
    name,
    schedule: "0 8 * * *",
    description: () => name,
    catchUp: "all",
    async run(occurrence, deps) {
      attempt++;
      await deps.sender.post({ key: occurrence.key, channel: "CJOBS", text: "the one message" });
      if (attempt === 1) await new Promise(() => {}); // the process dies here: never returns
      return "done";
    },
  };
}

/** A job that records each run and posts a message under the occurrence's key. */
function recordingJob(name: string, schedule: string, extra: Partial<Job> = {}) {
  const runs: Occurrence[] = [];
  const job: Job = {
    name,
    schedule,
    description: () => name,
    catchUp: "all",
    async run(occurrence, deps) {
      runs.push(occurrence);
      await deps.sender.post({
        key: occurrence.key,
        channel: "CJOBS",
        text: `${name} ${occurrence.scheduledFor.toISOString()}`,
      });
      return "ok";
    },
    ...extra,
  };
  return { job, runs };
}

const posts = () => callsTo("chat.postMessage").filter((c) => c.response.ok);

describe("the scheduler", () => {
  it("runs a due occurrence once, however many ticks see it", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z")); // 07:59 in Athens
    const { job, runs } = recordingJob("hourly-once", "0 * * * *");
    const p = h.process("A", [job]);
    await p.scheduler.tick(); // first sight of the job: nothing is due yet
    h.clock.set(at("2026-11-23T06:00:30Z"));
    await p.scheduler.tick();
    await p.scheduler.tick();
    expect(runs.map((r) => r.scheduledFor.toISOString())).toEqual(["2026-11-23T06:00:00.000Z"]);
    expect(runs[0]?.late).toBe(false);
    expect(posts()).toHaveLength(1);
  });

  it("two bot processes racing the same occurrence run it once", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z"));
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let runs = 0;
    const slow: Job = {
      name: "slow",
      schedule: "0 8 * * *",
      description: () => "slow",
      catchUp: "all",
      async run() {
        runs++;
        await gate;
        return "done";
      },
    };
    const a = h.process("A", [slow]);
    const b = h.process("B", [slow]);
    await a.scheduler.tick();
    h.clock.set(at("2026-11-23T06:00:05Z"));
    const both = Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    setTimeout(release, 50);
    const [ra, rb] = await both;
    // Depending on timing the loser finds the winner's row or loses the claim itself: either way, once.
    expect([...(ra.slow ?? []), ...(rb.slow ?? [])].filter((r) => r === "succeeded")).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it("of ten simultaneous claims of one occurrence exactly one wins", async () => {
    h.clock.set(at("2026-11-23T06:00:05Z"));
    const now = h.clock.now();
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        h.services.jobRuns.claim({
          jobName: "contested",
          scheduledFor: at("2026-11-23T06:00:00Z"),
          owner: `P${i}`,
          now,
          leaseUntil: new Date(now.getTime() + 60_000),
          late: false,
        }),
      ),
    );
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
  });

  it("a process that crashed after claiming (and after posting) is taken over when its lease ends, without a second post", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z"));
    const crashing = crashingJob("crashy");
    const a = h.process("A", [crashing], { leaseMs: 10 * 60_000 });
    await a.scheduler.tick();
    h.clock.set(at("2026-11-23T06:00:05Z"));
    void a.scheduler.tick(); // hangs forever, like a killed process
    await h.fake.waitFor("chat.postMessage", () => true, 30_000, since);

    const b = h.process("B", [crashing], { leaseMs: 10 * 60_000 });
    expect((await b.scheduler.tick()).crashy).toEqual([]); // lease still held
    h.clock.set(at("2026-11-23T06:11:00Z"));
    expect((await b.scheduler.tick()).crashy).toEqual(["succeeded"]);
    const row = await h.services.jobRuns.find("crashy", at("2026-11-23T06:00:00Z"));
    expect(row).toMatchObject({ status: "succeeded", attempts: 2, claimedBy: "B" });
    expect(posts()).toHaveLength(1);
  });

  it("a run that lost its occurrence to another process posts nothing more, and tells nobody it failed", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z"));
    let resumeA: () => void = () => {};
    const aHeldUp = new Promise<void>((r) => {
      resumeA = r;
    });
    let resumeB: () => void = () => {};
    const bHeldUp = new Promise<void>((r) => {
      resumeB = r;
    });
    let attempt = 0;
    // Five channels, one after another, like the digest's DMs.
    const fanOut: Job = {
      name: "fan-out",
      schedule: "0 8 * * *",
      description: () => "fan-out",
      catchUp: "all",
      async run(occurrence, deps) {
        const mine = ++attempt;
        if (mine === 2) await bHeldUp;
        for (let i = 1; i <= 5; i++) {
          // The first run is held up after two (the database away, the machine frozen) past its lease.
          if (mine === 1 && i === 3) await aHeldUp;
          await deps.sender.post({ key: `${occurrence.key}:${i}`, channel: `CFAN0${i}`, text: `notice ${i}` });
        }
        return "done";
      },
    };
    // A long lease, so that no heartbeat of the test's few seconds renews it: the clock moves instead.
    const a = h.process("A", [fanOut], { leaseMs: 10 * 60_000 });
    await a.scheduler.tick();
    h.clock.set(at("2026-11-23T06:00:05Z"));
    const ranA = a.scheduler.tick();
    await h.fake.waitFor("chat.postMessage", (c) => c.args.channel === "CFAN02", 30_000, since);

    const b = h.process("B", [fanOut], { leaseMs: 10 * 60_000 });
    h.clock.set(at("2026-11-23T06:11:00Z")); // A's lease has run out: B takes the occurrence over
    const ranB = b.scheduler.tick();
    await expect.poll(() => attempt).toBe(2);
    resumeA(); // A goes on, while B owns the occurrence
    expect((await ranA)["fan-out"]).toEqual(["not_claimed"]);
    expect(posts().map((c) => c.args.channel)).toEqual(["CFAN01", "CFAN02"]);
    resumeB();
    expect((await ranB)["fan-out"]).toEqual(["succeeded"]);
    expect(posts().map((c) => c.args.channel)).toEqual(["CFAN01", "CFAN02", "CFAN03", "CFAN04", "CFAN05"]);
    expect(await h.services.jobRuns.find("fan-out", at("2026-11-23T06:00:00Z"))).toMatchObject({
      status: "succeeded",
      claimedBy: "B",
    });
    expect(callsTo("chat.postMessage").filter((c) => c.args.channel === "D0ADMIN01")).toEqual([]);
  });

  it("on the embedded database, a run another owner left running is taken over at once (no process can still hold it)", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z"));
    const crashing = crashingJob("crashy-sole");
    const a = h.process("A", [crashing]);
    await a.scheduler.tick();
    h.clock.set(at("2026-11-23T06:00:05Z"));
    void a.scheduler.tick();
    await h.fake.waitFor("chat.postMessage", () => true, 30_000, since);

    // The bot started again on the folder the dead one had (its lock says no one else has it).
    const b = h.process("B", [crashing], { soleProcess: true });
    expect((await b.scheduler.tick())["crashy-sole"]).toEqual(["succeeded"]);
    expect(await h.services.jobRuns.find("crashy-sole", at("2026-11-23T06:00:00Z"))).toMatchObject({
      status: "succeeded",
      attempts: 2,
      claimedBy: "B",
    });
    expect(posts()).toHaveLength(1);
  });

  it("after a 6-hour outage runs each missed occurrence once, late, and says so", async () => {
    h.clock.set(at("2026-11-23T05:30:00Z"));
    const { job, runs } = recordingJob("hourly-outage", "0 * * * *");
    const first = h.process("before-outage", [job]);
    await first.scheduler.tick();
    h.clock.set(at("2026-11-23T11:30:00Z")); // back after six hours
    const after = h.process("after-outage", [job]);
    await after.scheduler.tick();
    await after.scheduler.tick();
    expect(runs.map((r) => r.scheduledFor.toISOString())).toEqual([
      "2026-11-23T06:00:00.000Z",
      "2026-11-23T07:00:00.000Z",
      "2026-11-23T08:00:00.000Z",
      "2026-11-23T09:00:00.000Z",
      "2026-11-23T10:00:00.000Z",
      "2026-11-23T11:00:00.000Z",
    ]);
    expect(runs.every((r) => r.late)).toBe(true);
    expect(posts()).toHaveLength(6);
  });

  it("a job that wants only the latest occurrence after an outage runs that one and records the others as skipped", async () => {
    h.clock.set(at("2026-11-20T05:00:00Z"));
    const { job, runs } = recordingJob("daily-latest", "0 8 * * *", { catchUp: "latest" });
    const p = h.process("A", [job]);
    await p.scheduler.tick();
    h.clock.set(at("2026-11-22T07:00:00Z")); // missed the 20th, 21st and 22nd
    await p.scheduler.tick();
    expect(runs.map((r) => r.scheduledFor.toISOString())).toEqual(["2026-11-22T06:00:00.000Z"]);
    const skipped = await h.services.jobRuns.find("daily-latest", at("2026-11-21T06:00:00Z"));
    expect(skipped?.outcome).toMatch(/skipped/);
  });

  it("does not run what was scheduled before the job first existed", async () => {
    h.clock.set(at("2026-11-23T11:30:00Z"));
    const { job, runs } = recordingJob("hourly-new", "0 * * * *");
    await h.process("A", [job]).scheduler.tick();
    expect(runs).toEqual([]);
  });

  it.each([
    [
      "March",
      "2026-03-27T12:00:00Z",
      ["2026-03-28T06:00:00.000Z", "2026-03-29T05:00:00.000Z", "2026-03-30T05:00:00.000Z"],
    ],
    [
      "October",
      "2026-10-23T12:00:00Z",
      ["2026-10-24T05:00:00.000Z", "2026-10-25T06:00:00.000Z", "2026-10-26T06:00:00.000Z"],
    ],
  ])(
    "across the %s daylight-saving Sunday a daily 08:00 job runs once a day at 08:00 Athens time",
    async (month, start, expected) => {
      h.clock.set(at(start));
      const { job, runs } = recordingJob(`daily-${month}`, "0 8 * * *");
      const p = h.process("A", [job]);
      // Tick every hour for three days: every whole hour of UTC, so each 08:00 in Athens (05:00 or
      // 06:00 UTC, by the season) is seen on the dot, as node-cron's minute would wake us, and the
      // 23 ticks after it see it again. A run an hour off, twice or late would show.
      for (let i = 0; i < 3 * 24; i++) {
        await p.scheduler.tick();
        h.clock.advance(60 * 60_000);
      }
      expect(runs.map((r) => r.scheduledFor.toISOString())).toEqual(expected);
      expect(runs.every((r) => !r.late)).toBe(true);
    },
  );

  it("retries a failing occurrence with backoff, then marks it failed and tells the admins once", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z"));
    let tries = 0;
    const broken: Job = {
      name: "broken",
      schedule: "0 8 * * *",
      description: () => "broken",
      catchUp: "all",
      maxAttempts: 3,
      async run() {
        tries++;
        throw new Error("the outlet's feed is down <!channel>");
      },
    };
    const p = h.process("A", [broken], { backoffMs: (n) => n * 60_000 });
    await p.scheduler.tick();
    h.clock.set(at("2026-11-23T06:00:00Z"));
    expect((await p.scheduler.tick()).broken).toEqual(["retrying"]);
    expect((await p.scheduler.tick()).broken).toEqual([]); // not before its backoff
    h.clock.advance(60_000);
    expect((await p.scheduler.tick()).broken).toEqual(["retrying"]);
    h.clock.advance(2 * 60_000);
    expect((await p.scheduler.tick()).broken).toEqual(["failed"]);
    h.clock.advance(60 * 60_000);
    expect((await p.scheduler.tick()).broken).toEqual([]);
    expect(tries).toBe(3);
    const report = posts().filter((c) => c.args.channel === "D0ADMIN01");
    expect(report).toHaveLength(1);
    expect(String(report[0]?.args.text)).toContain("broken");
    expect(String(report[0]?.args.text)).toContain("&lt;!channel&gt;");
  });

  it("leaves a job an admin turned off alone", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z"));
    const { job, runs } = recordingJob("hourly-off", "0 * * * *");
    const p = h.process("A", [job]);
    await p.scheduler.tick();
    await h.services.jobRuns.updateSetting("hourly-off", { enabled: false, updatedBy: "U0ADMIN01" }, h.clock.now());
    h.clock.set(at("2026-11-23T06:00:30Z"));
    await p.scheduler.tick();
    expect(runs).toEqual([]);
  });

  it("an operator's run goes through the same claim: a no-op when it already ran, unless forced", async () => {
    h.clock.set(at("2026-11-23T05:59:00Z"));
    const { job, runs } = recordingJob("hourly", "0 * * * *");
    const p = h.process("A", [job]);
    await p.scheduler.tick();
    h.clock.set(at("2026-11-23T06:00:30Z"));
    await p.scheduler.tick();
    expect(await p.scheduler.runByHand("hourly", at("2026-11-23T06:00:00Z"))).toBe("already_ran");
    expect(runs).toHaveLength(1);
    expect(await p.scheduler.runByHand("hourly", at("2026-11-23T06:00:00Z"), { force: true })).toBe("succeeded");
    expect(runs).toHaveLength(2);
    expect(posts()).toHaveLength(1); // the forced re-run found its message already sent
    expect(await p.scheduler.runByHand("nonexistent", at("2026-11-23T06:00:00Z"))).toBe("unknown_job");
    const overview = await p.scheduler.overview();
    expect(overview[0]).toMatchObject({ name: "hourly", enabled: true, failures30d: 0 });
    expect(overview[0]?.next?.toISOString()).toBe("2026-11-23T07:00:00.000Z");
  });
});
