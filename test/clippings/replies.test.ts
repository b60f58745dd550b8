import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { ManualClock } from "../../src/lib/clock.js";
import { validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const PRESS = "U0PRESS01";

describe("a reply owed to a clipping, in Slack", () => {
  let t: TestBot;
  let id: number;
  beforeAll(async () => {
    t = await startTestBot({ clock: new ManualClock(new Date("2026-11-23T08:00:00Z")) });
    for (const u of [STAFF, PRESS]) await t.grant(u, "staff");
    const r = validateClipping(
      { ...validClip, title: "Καταγγελία για τα σκουπίδια" },
      { today: "2026-11-23", knownTopicIds: new Set() },
    );
    if (!r.ok) throw new Error("seed");
    const c = await t.bot.services.clippings.createClipping({
      draft: r.draft,
      createdBy: STAFF,
      submissionKey: "reply-seed",
    });
    if (c.status !== "created") throw new Error("seed");
    id = c.clipping.id;
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });

  async function menu(value: string) {
    const before = t.fake.calls.length;
    await t.slack.overflowAction({ userId: STAFF, actionId: "clip_result_menu", value, channelId: "C0001" });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    return t.fake.calls.slice(before).find((c) => c.method === "views.open")?.response.view as Json;
  }
  async function search(text: string) {
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", text: `search ${text}`, userId: STAFF });
    return JSON.stringify((await t.fake.waitFor("response_url", () => true, 30_000, before)).args.blocks);
  }

  it("is assigned with a due date (not in the past), and the assignee is told", async () => {
    const view = await menu(`reply:${id}`);
    expect((view.title as Json).text).toBe("Απάντηση του Δήμου");
    const state = (due: string) => ({
      assignee: { value: { type: "users_select", selected_user: PRESS } },
      due: { value: { type: "datepicker", selected_date: due } },
    });
    const past = await t.slack.viewSubmission({ view, userId: STAFF, values: state("2026-11-20") });
    expect(past.json()).toMatchObject({
      response_action: "errors",
      errors: { due: expect.stringContaining("παρελθόν") },
    });
    const ok = await t.slack.viewSubmission({ view, userId: STAFF, values: state("2026-11-25") });
    expect(ok.text).toBe("");
    // A double click: the same request again changes nothing and tells nobody twice.
    expect((await t.slack.viewSubmission({ view, userId: STAFF, values: state("2026-11-25") })).text).toBe("");
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const row = await t.database.db.prisma.clipping.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ needsReply: true, replyAssignee: PRESS, replyClosedAt: null });
    expect((await t.bot.services.clippings.history(id)).filter((h) => h.field === "reply_requested")).toHaveLength(1);
    const dms = t.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === "D0PRESS01");
    expect(dms).toHaveLength(1);
    expect(String(dms[0]?.args.text)).toContain("Σας ανατέθηκε");
    expect(String(dms[0]?.args.text)).toContain("25/11/2026");
  });

  it("shows in a search for open replies, with a way to close it", async () => {
    const found = await search("reply:ναι");
    expect(found).toContain("Καταγγελία για τα σκουπίδια");
    expect(found).toContain("οφείλεται απάντηση");
    expect(found).toContain(`close:${id}`);
  });

  it("is closed with the reply, and then no longer open", async () => {
    const view = await menu(`close:${id}`);
    const empty = await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: { reply: { value: { type: "plain_text_input", value: "" } } },
    });
    expect(empty.json()).toMatchObject({ response_action: "errors" });
    await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: { reply: { value: { type: "plain_text_input", value: "https://www.marousi.gr/apantisi" } } },
    });
    expect((await t.database.db.prisma.clipping.findUniqueOrThrow({ where: { id } })).replyText).toBe(
      "https://www.marousi.gr/apantisi",
    );
    expect(await search("reply:ναι")).not.toContain("Καταγγελία");
    expect((await t.bot.services.clippings.history(id)).map((h) => h.field)).toEqual([
      "reply_requested",
      "reply_closed",
    ]);
  });
});

describe("reminders and the digest", () => {
  let h: JobHarness;
  afterEach(() => h?.dispose());

  async function owed(title: string, dueOn: string) {
    const r = validateClipping(
      { ...validClip, url: "", medium: "print", title },
      { today: "2026-11-20", knownTopicIds: new Set() },
    );
    if (!r.ok) throw new Error("seed");
    const c = await h.services.clippings.createClipping({
      draft: r.draft,
      createdBy: STAFF,
      submissionKey: `owed-${title}`,
    });
    if (c.status !== "created") throw new Error("seed");
    await h.services.clippingReplies.requestReply({ id: c.clipping.id, assignee: PRESS, dueOn, by: STAFF });
    return c.clipping.id;
  }
  const dmsTo = (user: string) =>
    h.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === `D${user.slice(1)}`);

  it("remind the assignee on the due day and each working day after, once a day, never at the weekend", async () => {
    h = await createJobHarness({ now: new Date("2026-11-20T06:00:00Z") }); // Friday
    await owed("Απάντηση για το πάρκο", "2026-11-23");
    await owed("Απάντηση για αργότερα", "2026-12-10");
    const p = h.process("A", h.jobs("clipping-reply-reminders"));
    await p.scheduler.tick();
    h.clock.set(new Date("2026-11-23T07:00:30Z")); // Monday 09:00: due today
    await p.scheduler.tick();
    await p.scheduler.tick();
    expect(dmsTo(PRESS)).toHaveLength(1);
    expect(String(dmsTo(PRESS)[0]?.args.text)).toContain("Απάντηση για το πάρκο");
    h.clock.set(new Date("2026-11-24T07:00:30Z")); // Tuesday: overdue
    await p.scheduler.tick();
    expect(dmsTo(PRESS)).toHaveLength(2);
    expect(String(dmsTo(PRESS)[1]?.args.text)).toContain("εκπρόθεσμη από 23/11/2026");
    expect(dmsTo(PRESS).some((c) => String(c.args.text).includes("αργότερα"))).toBe(false);
  });

  it("appear in the managers' digest, overdue ones counted", async () => {
    h = await createJobHarness({ now: new Date("2026-11-20T05:00:00Z") });
    await h.services.roles.ensureRoleHolders(["U0MANAGER"], "manager");
    await owed("Εκπρόθεσμη απάντηση", "2026-11-19");
    await owed("Απάντηση της εβδομάδας", "2026-11-27");
    const p = h.process("A", h.jobs("morning-digest"));
    await p.scheduler.tick();
    h.clock.set(new Date("2026-11-23T06:00:00Z"));
    await p.scheduler.tick();
    const digest = JSON.stringify(dmsTo("U0MANAGER")[0]?.args.blocks);
    expect(digest).toContain("Οφειλόμενες απαντήσεις");
    expect(digest).toContain("*2* ανοιχτές, από τις οποίες *1* εκπρόθεσμη");
    expect(digest).toContain("<@U0PRESS01>");
  });
});

describe("the rules of a reply request", () => {
  it("need someone to prepare it and a real day not in the past", async () => {
    const { checkReplyRequest } = await import("../../src/areas/clippings/rules.js");
    expect(checkReplyRequest({ assignee: "U1", dueOn: "2026-11-23", today: "2026-11-23" })).toEqual({});
    expect(checkReplyRequest({ assignee: "", dueOn: "2026-11-22", today: "2026-11-23" })).toEqual({
      assignee: "assigneeRequired",
      dueOn: "dueInPast",
    });
    expect(checkReplyRequest({ assignee: "U1", dueOn: "2026-02-30", today: "2026-01-01" })).toEqual({
      dueOn: "dateInvalid",
    });
  });
});
