// The coverage report on the real engine: its figures agree with `/clip export` for the same
// period (rows either side of the boundaries seeded), only managers get it; the Monday report
// goes once a week to the managers who asked for it, whatever the retries; and the journey
// through the bot: `/clip report 2026-11` uploads the PDF and the XLSX to the manager's DM.
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../src/app/areas.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { TestDatabase } from "../support/database.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const MANAGER = "U0COVMGR1";
const STAFF = "U0COVSTF1";

/** A varied month: tones, outlets, topics, a withdrawn one, replies; and the days either side. */
async function seed(s: Services, prisma: TestDatabase["db"]["prisma"], today: string) {
  const topics = await s.clippings.listActiveTopics();
  const knownTopicIds = new Set(topics.map((t) => t.id));
  const tones = ["positive", "neutral", "negative"] as const;
  const outlets = ["Η Καθημερινή", "ΕΡΤ", "in.gr", "Τα Νέα"];
  const media = ["online", "tv", "print", "radio"] as const;
  const days = [
    "2026-10-31",
    "2026-11-01",
    "2026-11-02",
    "2026-11-09",
    "2026-11-15",
    "2026-11-23",
    "2026-11-30",
    "2026-12-01",
  ];
  const ids: number[] = [];
  let i = 0;
  for (const day of days)
    for (let k = 0; k < 3; k++, i++) {
      const topic = topics[i % topics.length];
      const r = validateClipping(
        {
          title: `Δημοσίευμα κάλυψης ${i}`,
          outlet: outlets[i % outlets.length],
          url: `https://example.gr/coverage/${i}`,
          publishedOn: day,
          medium: media[i % media.length],
          tone: tones[(i * 7) % 3],
          scope: "municipality",
          topicIds: i % 4 === 0 || !topic ? [] : [String(topic.id)],
        },
        { today, knownTopicIds },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const made = await s.clippings.createClipping({ draft: r.draft, createdBy: STAFF, submissionKey: `cov-${i}` });
      if (made.status !== "created") throw new Error(made.status);
      ids.push(made.clipping.id);
    }
  // One withdrawn inside the month; replies: in time, late, owed and overdue.
  await prisma.clipping.update({
    where: { id: ids[4] ?? 0 },
    data: { withdrawnAt: new Date("2026-11-03T10:00:00Z"), withdrawnBy: MANAGER, withdrawReason: "διπλό" },
  });
  const reply = (id: number | undefined, due: string, closed: string | null) =>
    prisma.clipping.update({
      where: { id: id ?? 0 },
      data: {
        needsReply: true,
        replyDueOn: new Date(`${due}T00:00:00Z`),
        replyClosedAt: closed ? new Date(closed) : null,
        replyClosedBy: closed ? MANAGER : null,
      },
    });
  await reply(ids[5], "2026-11-05", "2026-11-05T21:30:00Z"); // 23:30 in Athens on the day: in time
  await reply(ids[6], "2026-11-05", "2026-11-05T22:30:00Z"); // 00:30 the day after: late
  await reply(ids[7], "2026-11-20", null); // owed, overdue
  return ids;
}

// The figures and the Monday report read one seeded register (a database and a seed each cost
// about a second of CPU); each sets the clock it needs.
describe("the coverage report on the seeded register", () => {
  let h: JobHarness;
  beforeAll(async () => {
    h = await createJobHarness({ now: new Date("2026-12-02T09:00:00Z") });
    await h.services.roles.ensureRoleHolders([MANAGER, "U0COVMGR2"], "manager");
    await h.services.roles.grantRole({ slackUserId: STAFF, role: "staff", grantedBy: "test" });
    await seed(h.services, h.database.db.prisma, "2026-12-02");
  });
  afterAll(() => h?.dispose());

  describe("the coverage report's figures", () => {
    let s: Services;
    beforeAll(() => {
      h.clock.set(new Date("2026-12-02T09:00:00Z"));
      s = h.services;
    });

    it("agree with the clippings' own export for the same period", async () => {
      for (const [text, range] of [
        ["2026-11", { from: "2026-11-01", to: "2026-11-30", label: "2026-11" }],
        ["2026-Q4", { from: "2026-10-01", to: "2026-12-31", label: "2026-Q4" }],
        ["2/11/2026 15/11/2026", { from: "2026-11-02", to: "2026-11-15", label: "x" }],
      ] as const) {
        const outcome = await s.clippingCoverage.report(MANAGER, text);
        if (outcome.status !== "ready") throw new Error(JSON.stringify(outcome));
        const f = outcome.figures;
        const rows = await s.clippings.rowsForExport(range, "en");
        const live = rows.filter((r) => r.status === "");
        const count = (pick: (r: (typeof rows)[number]) => string) => {
          const m = new Map<string, number>();
          for (const r of live) m.set(pick(r), (m.get(pick(r)) ?? 0) + 1);
          return Object.fromEntries(m);
        };
        expect(f.rows).toBe(rows.length);
        expect(f.withdrawn).toBe(rows.length - live.length);
        expect(f.total).toBe(live.length);
        expect({ Positive: f.tones.positive, Neutral: f.tones.neutral, Negative: f.tones.negative }).toEqual({
          Positive: 0,
          Neutral: 0,
          Negative: 0,
          ...count((r) => r.tone),
        });
        expect(Object.fromEntries(f.outlets.map((o) => [o.outlet, o.total]))).toEqual(count((r) => r.outlet));
        // A clipping counts under each of its topics; the export lists them joined.
        const topicCounts = new Map<string, number>();
        for (const r of live)
          for (const name of r.topics ? r.topics.split(", ") : [""])
            topicCounts.set(name, (topicCounts.get(name) ?? 0) + 1);
        expect(Object.fromEntries(f.topics.map((t) => [t.nameEn, t.total]))).toEqual(Object.fromEntries(topicCounts));
        expect(f.weeks.reduce((a, w) => a + w.total, 0)).toBe(live.length);
      }
    });

    it("count November exactly: the days either side are outside, the replies by the office's day", async () => {
      const outcome = await s.clippingCoverage.report(MANAGER, "Νοέμβριος 2026");
      if (outcome.status !== "ready") throw new Error(outcome.status);
      expect(outcome.figures.rows).toBe(18);
      expect(outcome.figures.withdrawn).toBe(1);
      expect(outcome.figures.replies).toEqual({
        asked: 3,
        answered: 2,
        answeredInTime: 1,
        answeredLate: 1,
        owed: 1,
        overdue: 1,
      });
    });

    it("is for managers only, and says what was wrong with a period", async () => {
      expect(await s.clippingCoverage.report(STAFF, "2026-11")).toEqual({ status: "refused", reason: "not_manager" });
      expect(await s.clippingCoverage.setWeekly(STAFF, true)).toEqual({ status: "refused", reason: "not_manager" });
      expect((await s.clippingCoverage.report(MANAGER, "2026-13")).status).toBe("bad_period");
      expect((await s.clippingCoverage.report(MANAGER, "")).status).toBe("bad_period");
    });
  });

  describe("the Monday coverage report", () => {
    const uploads = (channel: string) =>
      h.fake.callsTo("files.completeUploadExternal").filter((c) => c.response.ok && c.args.channel_id === channel);

    it("goes once to each manager who asked for it, on the week's first working day, none by default", async () => {
      // Monday 16 November 2026, 07:59 in Athens.
      h.clock.set(new Date("2026-11-16T05:59:00Z"));
      expect(await h.services.clippingCoverage.setWeekly(MANAGER, true)).toEqual({ status: "on" });
      expect(await h.services.clippingCoverage.setWeekly(MANAGER, true)).toEqual({ status: "already_on" });
      const p = h.process("A", h.jobs("clipping-coverage-weekly"));
      await p.scheduler.tick();
      h.clock.set(new Date("2026-11-16T06:00:10Z")); // 08:00 Athens
      await p.scheduler.tick();
      expect(uploads(`D${MANAGER.slice(1)}`)).toHaveLength(1);
      expect(uploads("D0COVMGR2")).toHaveLength(0); // did not ask for it
      const comment = String(uploads(`D${MANAGER.slice(1)}`)[0]?.args.initial_comment);
      expect(comment).toContain("9/11/2026");
      expect(comment).toContain("6 δημοσιεύματα");
      const names = h.fake.callsTo("files.getUploadURLExternal").map((c) => c.args.filename);
      expect(names).toEqual([
        "grafeio-coverage-2026-11-09_2026-11-15.pdf",
        "grafeio-coverage-2026-11-09_2026-11-15.xlsx",
      ]);
      // The week before: 9-15 November, 6 clippings (the 16th is this week's).
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(
        h.fake.uploadedFile("grafeio-coverage-2026-11-09_2026-11-15.xlsx") as unknown as ArrayBuffer,
      );
      const figures = book.getWorksheet("Σύνολα")?.getSheetValues() as unknown[][];
      expect(figures[2]?.slice(1)).toEqual(["Δημοσιεύματα στο μητρώο (μαζί με όσα αποσύρθηκαν)", 6]);

      // The same occurrence forced again by hand, and the next mornings: nothing more.
      expect(
        await p.scheduler.runByHand("clipping-coverage-weekly", new Date("2026-11-16T06:00:00Z"), { force: true }),
      ).toBe("succeeded");
      for (const at of ["2026-11-17T06:00:10Z", "2026-11-18T06:00:10Z"]) {
        h.clock.set(new Date(at));
        await p.scheduler.tick();
      }
      expect(uploads(`D${MANAGER.slice(1)}`)).toHaveLength(1);

      // A crash between the upload and its record: the claim is left without `sent_at`. The run
      // after it finds the week's file in the manager's DM since the claim, and sends nothing.
      const dm = `D${MANAGER.slice(1)}`;
      const key = `clipping-coverage-weekly:2026-11-16:${MANAGER}`;
      const unrecord = () => h.database.db.prisma.coverageDelivery.update({ where: { key }, data: { sentAt: null } });
      await unrecord();
      expect(
        await p.scheduler.runByHand("clipping-coverage-weekly", new Date("2026-11-16T06:00:00Z"), { force: true }),
      ).toBe("succeeded");
      expect(uploads(dm)).toHaveLength(1);
      expect((await h.database.db.prisma.coverageDelivery.findUniqueOrThrow({ where: { key } })).sentAt).not.toBeNull();
      // A claim whose upload never reached Slack (nothing in the DM): sent then, once.
      await unrecord();
      h.fake.messages.delete(dm);
      expect(
        await p.scheduler.runByHand("clipping-coverage-weekly", new Date("2026-11-16T06:00:00Z"), { force: true }),
      ).toBe("succeeded");
      expect(uploads(dm)).toHaveLength(2);
      expect(
        h.fake.messages.get(dm)?.map((m) => (m.files as { name?: string }[] | undefined)?.map((f) => f.name)),
      ).toEqual([["grafeio-coverage-2026-11-09_2026-11-15.pdf", "grafeio-coverage-2026-11-09_2026-11-15.xlsx"]]);
    });
  });
});

describe("the Monday coverage report after a holiday Monday", () => {
  let h: JobHarness;
  afterAll(() => h?.dispose());

  it("goes on the Tuesday, for the week before (Whit Monday, 1 June 2026)", async () => {
    h = await createJobHarness({ now: new Date("2026-06-01T04:59:00Z") });
    await h.services.roles.ensureRoleHolders([MANAGER], "manager");
    await h.services.clippingCoverage.setWeekly(MANAGER, true);
    const p = h.process("A", h.jobs("clipping-coverage-weekly"));
    await p.scheduler.tick();
    h.clock.set(new Date("2026-06-01T05:00:10Z")); // Monday 08:00 in Athens: a holiday
    await p.scheduler.tick();
    expect(h.fake.callsTo("files.completeUploadExternal")).toHaveLength(0);
    for (const at of ["2026-06-02T05:00:10Z", "2026-06-03T05:00:10Z"]) {
      h.clock.set(new Date(at));
      await p.scheduler.tick();
    }
    const names = h.fake.callsTo("files.getUploadURLExternal").map((c) => c.args.filename);
    expect(names).toEqual([
      "grafeio-coverage-2026-05-25_2026-05-31.pdf",
      "grafeio-coverage-2026-05-25_2026-05-31.xlsx",
    ]);
  });
});

describe("/clip report in Slack", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ clock: new ManualClock(new Date("2026-12-02T08:00:00Z")) });
    await t.grant(STAFF, "staff");
    await t.grant(MANAGER, "manager");
    await seed(t.bot.services, t.database.db.prisma, "2026-12-02");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });

  async function run(userId: string, text: string) {
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", text, userId });
    const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    return { answer: String(answer.args.text), calls: t.fake.calls.slice(before) };
  }

  it("uploads the month's PDF and XLSX to the manager's DM", async () => {
    const { answer, calls } = await run(MANAGER, "report 2026-11");
    expect(answer).toContain("Νοέμβριος 2026");
    const names = calls.filter((c) => c.method === "files.getUploadURLExternal").map((c) => c.args.filename);
    expect(names).toEqual(["grafeio-coverage-2026-11.pdf", "grafeio-coverage-2026-11.xlsx"]);
    const complete = calls.find((c) => c.method === "files.completeUploadExternal");
    expect(complete?.args.channel_id).toBe(`D${MANAGER.slice(1)}`);
    expect(String(complete?.args.initial_comment)).toContain("17 δημοσιεύματα");
    expect(t.fake.uploadedFile("grafeio-coverage-2026-11.pdf")?.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("refuses staff and uploads nothing; reads a quarter; says what is wrong with a period", async () => {
    const refused = await run(STAFF, "report 2026-11");
    expect(refused.answer).toContain("προϊσταμένους");
    expect(refused.calls.filter((c) => c.method === "files.getUploadURLExternal")).toHaveLength(0);
    const quarter = await run(MANAGER, "report 2026-Q4");
    expect(quarter.calls.filter((c) => c.method === "files.getUploadURLExternal").map((c) => c.args.filename)).toEqual([
      "grafeio-coverage-2026-Q4.pdf",
      "grafeio-coverage-2026-Q4.xlsx",
    ]);
    expect(
      (await run(MANAGER, "report 2026-13")).calls.filter((c) => c.method === "files.getUploadURLExternal"),
    ).toHaveLength(0);
  });

  it("turns the Monday report on and off for the manager, and lists it in /clip help", async () => {
    expect((await run(MANAGER, "report weekly on")).answer).toContain("κάθε Δευτέρα");
    expect(await t.database.db.prisma.coverageSubscription.count()).toBe(1);
    expect((await run(MANAGER, "report weekly off")).answer).toContain("Δεν θα λαμβάνετε");
    expect(await t.database.db.prisma.coverageSubscription.count()).toBe(0);
    expect((await run(STAFF, "help")).answer).toContain("/clip report");
  });
});
