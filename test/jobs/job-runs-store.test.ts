// The scheduler's store on the real engine, through its hand-written statements (job-runs-store.ts
// says why they are not Prisma's createMany/updateMany): who may claim a run and when, what a claim
// gives back (the row as Prisma would read it, its times as dates), and each outcome as stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobRunStore, type JobRunStore } from "../../src/scheduling/job-runs-store.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const at = (iso: string) => new Date(iso);
const SCHEDULED = at("2026-12-02T06:00:00Z");
const NOW = at("2026-12-02T06:00:05Z");

let t: TestDatabase;
let store: JobRunStore;
beforeAll(async () => {
  t = await createTestDatabase();
  store = createJobRunStore({ prisma: t.db.prisma });
});
afterAll(() => t?.dispose());

function claim(jobName: string, owner: string, now: Date, leaseUntil: Date) {
  return store.claim({ jobName, scheduledFor: SCHEDULED, owner, now, leaseUntil, late: false });
}

describe("the job runs' store", () => {
  it("claims a new occurrence once, and gives back the row as stored, its times as dates", async () => {
    const run = await claim("store-new", "A", NOW, at("2026-12-02T06:00:35Z"));
    expect(run).toMatchObject({
      jobName: "store-new",
      status: "running",
      attempts: 1,
      claimedBy: "A",
      late: false,
      manual: false,
      lastError: null,
      finishedAt: null,
    });
    expect(run?.scheduledFor).toBeInstanceOf(Date);
    expect(run?.scheduledFor.getTime()).toBe(SCHEDULED.getTime());
    expect(run?.leaseUntil?.getTime()).toBe(at("2026-12-02T06:00:35Z").getTime());
    expect(await store.find("store-new", SCHEDULED)).toMatchObject({ id: run?.id, claimedBy: "A" });
    // Another owner while the lease lasts: nothing, and the row is still A's.
    expect(await claim("store-new", "B", at("2026-12-02T06:00:10Z"), at("2026-12-02T06:00:40Z"))).toBeNull();
    expect((await store.find("store-new", SCHEDULED))?.attempts).toBe(1);
  });

  it("lets another owner take a run over once its lease has ended, and the first owner then loses it", async () => {
    const first = await claim("store-lease", "A", NOW, at("2026-12-02T06:00:35Z"));
    expect(first).not.toBeNull();
    expect(await store.renewLease(first?.id ?? 0, "A", at("2026-12-02T06:01:05Z"))).toBe(true);
    // Not before the renewed lease ends…
    expect(await claim("store-lease", "B", at("2026-12-02T06:01:00Z"), at("2026-12-02T06:01:30Z"))).toBeNull();
    // …and after it.
    const taken = await claim("store-lease", "B", at("2026-12-02T06:01:06Z"), at("2026-12-02T06:01:36Z"));
    expect(taken).toMatchObject({ id: first?.id, claimedBy: "B", attempts: 2, status: "running" });
    expect(await store.renewLease(first?.id ?? 0, "A", at("2026-12-02T06:02:00Z"))).toBe(false);
    expect(await store.succeed(first?.id ?? 0, "A", at("2026-12-02T06:01:10Z"), "late")).toBe(false);
    expect(await store.succeed(first?.id ?? 0, "B", at("2026-12-02T06:01:10Z"), "done")).toBe(true);
    expect(await store.find("store-lease", SCHEDULED)).toMatchObject({
      status: "succeeded",
      outcome: "done",
      leaseUntil: null,
      finishedAt: at("2026-12-02T06:01:10Z"),
    });
    // A finished run is nobody's to claim.
    expect(await claim("store-lease", "C", at("2026-12-02T07:00:00Z"), at("2026-12-02T07:00:30Z"))).toBeNull();
  });

  it("retries a failed attempt only when its time has come, then records the last failure", async () => {
    const run = await claim("store-retry", "A", NOW, at("2026-12-02T06:00:35Z"));
    const id = run?.id ?? 0;
    expect(await store.retryLater(id, "A", at("2026-12-02T06:05:00Z"), "Slack was away")).toBe(true);
    expect(await store.find("store-retry", SCHEDULED)).toMatchObject({
      status: "retrying",
      lastError: "Slack was away",
      leaseUntil: null,
    });
    expect(await claim("store-retry", "A", at("2026-12-02T06:04:59Z"), at("2026-12-02T06:05:29Z"))).toBeNull();
    const again = await claim("store-retry", "A", at("2026-12-02T06:05:00Z"), at("2026-12-02T06:05:30Z"));
    expect(again).toMatchObject({ id, attempts: 2, status: "running" });
    expect(await store.fail(id, "A", at("2026-12-02T06:05:02Z"), "still away")).toBe(true);
    expect(await store.find("store-retry", SCHEDULED)).toMatchObject({
      status: "failed",
      lastError: "still away",
      finishedAt: at("2026-12-02T06:05:02Z"),
    });
  });

  it("creates a job's settings row once, however many ticks ask at the same time", async () => {
    const settings = await Promise.all(Array.from({ length: 5 }, () => store.ensureSetting("store-settings", NOW)));
    expect(new Set(settings.map((s) => s.jobName))).toEqual(new Set(["store-settings"]));
    expect(settings.every((s) => s.enabled && s.createdAt.getTime() === NOW.getTime())).toBe(true);
    expect(await t.db.prisma.jobSetting.count({ where: { jobName: "store-settings" } })).toBe(1);
  });
});
