import { afterEach, describe, expect, it } from "vitest";
import { checkMessage } from "../support/block-kit-limits.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";

let h: JobHarness;
afterEach(() => h?.dispose());

const MONDAY_0800 = new Date("2026-11-23T06:00:00Z"); // Monday 23 Nov 2026, 08:00 in Athens
const FRIDAY_1000 = new Date("2026-11-20T08:00:00Z"); // inside the window since Friday's digest

async function setup(options: { managers?: Record<string, string>; env?: Record<string, string> } = {}) {
  h = await createJobHarness({ now: new Date("2026-11-20T05:00:00Z"), env: options.env });
  for (const [id, locale] of Object.entries(options.managers ?? { U0MANAGER: "el-GR" })) {
    h.fake.users.set(id, { id, locale });
    await h.services.roles.ensureRoleHolders([id], "manager");
  }
  const p = h.process("A", h.jobs("morning-digest"));
  await p.scheduler.tick(); // the job is first seen on Friday morning
  return p;
}

async function addClippings(n: number, options: { tone?: "positive" | "neutral" | "negative"; createdAt?: Date } = {}) {
  const prisma = h.database.db.prisma;
  const topic = await prisma.topic.findFirstOrThrow({ where: { slug: "culture" } });
  const start = (await prisma.clipping.count()) + 1;
  const seqs = Array.from({ length: n }, (_, i) => start + i);
  // In one statement each: the digest reads them, how they were written does not matter.
  const created = await prisma.clipping.createManyAndReturn({
    data: seqs.map((seq) => ({
      registerYear: 2026,
      registerSeq: seq,
      title: `Δημοσίευμα ${seq} για τον Δήμο <b>`,
      outlet: seq % 2 ? "Η Καθημερινή" : "ERT News",
      url: `https://example.gr/${seq}`,
      urlKey: `example.gr/${seq}`,
      publishedOn: new Date("2026-11-20T00:00:00Z"),
      medium: "online" as const,
      tone: options.tone ?? (["positive", "neutral", "negative"] as const)[seq % 3] ?? "neutral",
      scope: "municipality" as const,
      createdBy: "U0STAFF01",
      submissionKey: `seed-${seq}`,
      createdAt: options.createdAt ?? FRIDAY_1000,
    })),
    select: { id: true },
  });
  await prisma.clippingTopic.createMany({ data: created.map((c) => ({ clippingId: c.id, topicId: topic.id })) });
}

const dms = (channel = "D0MANAGER") =>
  h.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === channel);

describe("the morning digest", () => {
  it("with no data, tells each manager there is nothing new", async () => {
    const p = await setup();
    h.clock.set(MONDAY_0800);
    expect((await p.scheduler.tick())["morning-digest"]).toEqual(["succeeded"]);
    const [main] = dms();
    expect(String(main?.args.text)).toContain("Πρωινή ενημέρωση, 23/11/2026");
    expect(JSON.stringify(main?.args.blocks)).toContain("Τίποτα νέο");
  });

  it("goes to the readers too (the mayor's office), once to someone who is also a manager", async () => {
    const p = await setup();
    h.fake.users.set("U0READER1", { id: "U0READER1", locale: "en-GB" });
    await h.services.roles.ensureRoleHolders(["U0READER1"], "reader");
    await h.services.roles.ensureRoleHolders(["U0MANAGER"], "reader");
    h.clock.set(MONDAY_0800);
    expect((await p.scheduler.tick())["morning-digest"]).toEqual(["succeeded"]);
    expect(String(dms("D0READER1")[0]?.args.text)).toContain("23/11/2026");
    expect(dms("D0READER1")).toHaveLength(1);
    expect(dms()).toHaveLength(1);
    // A staff member who is neither gets nothing.
    await h.services.roles.ensureRoleHolders(["U0STAFF01"], "staff");
    expect(dms("D0STAFF01")).toHaveLength(0);
  });

  it("on a normal day lists what came in since the last working day, by tone and topic, in each manager's language", async () => {
    const p = await setup({ managers: { U0MANAGER: "el-GR", U0ENGLISH: "en-GB" }, env: {} });
    await h.services.jobRuns.updateSetting(
      "morning-digest",
      { channelId: "CMANAGERS", updatedBy: "U0ADMIN01" },
      h.clock.now(),
    );
    await addClippings(6);
    await addClippings(1, { createdAt: new Date("2026-11-19T10:00:00Z") }); // before Friday's digest: not new
    h.clock.set(MONDAY_0800);
    await p.scheduler.tick();
    const greek = JSON.stringify(dms("D0MANAGER")[0]?.args.blocks);
    expect(greek).toContain("*6* νέα: 2 θετικά, 2 ουδέτερα, 2 αρνητικά");
    expect(greek).toContain("Πολιτισμός 6");
    expect(greek).toContain("`2026/0001`");
    expect(greek).not.toContain("`2026/0007`");
    expect(greek).toContain("&lt;b&gt;"); // user text escaped
    const english = JSON.stringify(dms("D0ENGLISH")[0]?.args.blocks);
    expect(english).toContain("*6* new: 2 positive, 2 neutral, 2 negative");
    expect(english).toContain("Culture 6");
    expect(dms("CMANAGERS")).toHaveLength(1);
  });

  it("with 500 clippings stays within Slack's limits: a summary, the first items, the rest in the thread", async () => {
    const p = await setup();
    await addClippings(500);
    h.clock.set(MONDAY_0800);
    expect((await p.scheduler.tick())["morning-digest"]).toEqual(["succeeded"]);
    const messages = dms();
    for (const m of messages) expect(checkMessage(m.args)).toBeUndefined();
    const [main, ...thread] = messages;
    expect((main?.args.blocks as unknown[] | undefined)?.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(main?.args.blocks)).toContain("490");
    expect(thread.length).toBeGreaterThan(0);
    expect(thread.every((m) => m.args.thread_ts === main?.response.ts)).toBe(true);
    const all = messages.map((m) => JSON.stringify(m.args.blocks)).join("");
    for (const seq of [1, 250, 500]) expect(all).toContain(`2026/${String(seq).padStart(4, "0")}`);
    expect(all.match(/`2026\/\d{4}`/g)).toHaveLength(500);
  });

  it("is not sent on a Greek public holiday, nor on a day an admin declared one", async () => {
    h = await createJobHarness({ now: new Date("2026-12-24T05:00:00Z") });
    await h.services.roles.ensureRoleHolders(["U0MANAGER"], "manager");
    const p = h.process("A", h.jobs("morning-digest"));
    await p.scheduler.tick();
    h.clock.set(new Date("2026-12-25T06:00:00Z")); // Christmas, a Friday
    await p.scheduler.tick();
    expect(dms()).toHaveLength(0);
    expect((await h.services.jobRuns.find("morning-digest", new Date("2026-12-25T06:00:00Z")))?.outcome).toBe(
      "skipped: Χριστούγεννα",
    );

    await h.services.calendar.setOverride({
      date: "2026-12-28",
      kind: "holiday",
      name: "Τοπική αργία",
      setBy: "U0ADMIN01",
    });
    h.clock.set(new Date("2026-12-28T06:00:00Z"));
    await p.scheduler.tick();
    expect(dms()).toHaveLength(0);
    await h.services.calendar.setOverride({ date: "2026-12-29", kind: "working_day", setBy: "U0ADMIN01" });
    h.clock.set(new Date("2026-12-29T06:00:00Z"));
    await p.scheduler.tick();
    expect(dms()).toHaveLength(1);
  });

  it("says it is late when it goes out after an outage, and only today's goes out", async () => {
    const p = await setup();
    h.clock.set(new Date("2026-11-24T07:30:00Z")); // offline from Friday until Tuesday 09:30
    await p.scheduler.tick();
    const sent = dms();
    expect(sent).toHaveLength(1);
    expect(String(sent[0]?.args.text)).toContain("24/11/2026");
    expect(JSON.stringify(sent[0]?.args.blocks)).toContain("καθυστέρηση");
  });
});

describe("working days", () => {
  it("follow date-holidays for Greece, with Orthodox Easter and an admin's moves", async () => {
    h = await createJobHarness({ now: new Date("2026-11-20T05:00:00Z") });
    const c = h.services.calendar;
    expect(await c.isWorkingDay("2026-04-13")).toBe(false); // Easter Monday 2026
    expect(await c.isWorkingDay("2026-04-14")).toBe(true);
    // Labour Day 2024 moved to Tuesday 7 May (no library knows): the expected move applies by itself.
    expect(await c.dayInfo("2024-05-07")).toMatchObject({ working: false, expected: true });
    expect(await c.isWorkingDay("2024-05-01")).toBe(true);
    await c.setOverride({ date: "2024-05-08", kind: "holiday", name: "Εκλογές", setBy: "U0ADMIN01" });
    expect(await c.dayInfo("2024-05-08")).toMatchObject({ working: false, holiday: "Εκλογές", overridden: true });
    expect(await c.previousWorkingDay("2026-11-23")).toBe("2026-11-20");
    expect(await c.previousWorkingDay("2026-12-28")).toBe("2026-12-24");
  });
});
