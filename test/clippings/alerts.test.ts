import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { clipFormState, validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

describe("the watch list", () => {
  let t: TestBot;
  const STAFF = "U0STAFF01";
  const MANAGER = "U0MANAGER";
  beforeAll(async () => {
    t = await startTestBot();
    await t.grant(STAFF, "staff");
    await t.grant(MANAGER, "manager");
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });

  async function grafeio(userId: string, text: string) {
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/grafeio", text, userId });
    return String((await t.fake.waitFor("response_url", () => true, 30_000, before)).args.text);
  }
  async function logClipping(title: string, url: string) {
    const trigger = t.fake.triggerId();
    await t.slack.command({ command: "/clip", userId: STAFF, triggerId: trigger });
    const open = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === trigger);
    const view = open.response.view as Json;
    await t.slack.viewSubmission({ view, userId: STAFF, values: clipFormState({ ...validClip, title, url }) });
    await t.slack.viewSubmission({ view, userId: STAFF, values: clipFormState({ ...validClip, title, url }) }); // double click
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  }
  const notices = () =>
    t.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === "C0ALERTS");

  it("is kept by managers, not by staff", async () => {
    expect(await grafeio(STAFF, "watch add Δήμαρχος Αμαρουσίου <#C0ALERTS|alerts>")).toContain("«προϊστάμενος»");
    expect(await grafeio(MANAGER, "watch add Δήμαρχος Αμαρουσίου <#C0ALERTS|alerts>")).toContain("<#C0ALERTS>");
    expect(await grafeio(STAFF, "watch")).toContain("«Δήμαρχος Αμαρουσίου» → <#C0ALERTS>");
  });

  it("posts one notice at once for a new clipping that matches, whatever the case and accents", async () => {
    await logClipping("Ο ΔΗΜΑΡΧΟΣ ΑΜΑΡΟΥΣΙΟΥ στη Βουλή", "https://example.gr/watch-1");
    expect(notices()).toHaveLength(1);
    expect(String(notices()[0]?.args.text)).toContain("Νέο δημοσίευμα για «Δήμαρχος Αμαρουσίου»");
    expect(String(notices()[0]?.args.text)).toMatch(/`2026\/\d{4}`/);
    await logClipping("Έργα στην Κηφισίας", "https://example.gr/watch-2");
    expect(notices()).toHaveLength(1);
  });

  it("tells a department's channel about a clipping that concerns it, once", async () => {
    const ADMIN = "U0ADMIN01";
    await t.grant(ADMIN, "admin");
    expect(await grafeio(ADMIN, "department cleaning channel <#C0CLEAN|cleaning>")).toContain("<#C0CLEAN>");
    expect(await grafeio(STAFF, "departments")).toContain("`cleaning` Καθαριότητα και Ανακύκλωση → <#C0CLEAN>");
    const cleaning = await t.database.db.prisma.department.findUniqueOrThrow({ where: { slug: "cleaning" } });
    const trigger = t.fake.triggerId();
    await t.slack.command({ command: "/clip", userId: STAFF, triggerId: trigger });
    const view = (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === trigger)).response.view as Json;
    expect(JSON.stringify(view.blocks)).toContain("Αρμόδιες υπηρεσίες");
    const values = clipFormState({ ...validClip, title: "Σκουπίδια στους δρόμους", url: "https://example.gr/dept-1" });
    const bad = await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: {
        ...values,
        departmentIds: { value: { type: "multi_static_select", selected_options: [{ value: "99999" }] } },
      },
    });
    expect(bad.json()).toMatchObject({
      response_action: "errors",
      errors: { departmentIds: expect.stringContaining("υπηρεσίες") },
    });
    const withDept = {
      ...values,
      departmentIds: { value: { type: "multi_static_select", selected_options: [{ value: String(cleaning.id) }] } },
    };
    await t.slack.viewSubmission({ view, userId: STAFF, values: withDept });
    await t.slack.viewSubmission({ view, userId: STAFF, values: withDept });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const notices = t.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === "C0CLEAN");
    expect(notices).toHaveLength(1);
    expect(String(notices[0]?.args.text)).toContain("Καθαριότητα και Ανακύκλωση");
    expect(await grafeio(STAFF, "department cleaning channel none")).toContain("«διαχειριστής»");
  });

  it("stops when the term is removed", async () => {
    expect(await grafeio(MANAGER, "watch remove δημαρχος αμαρουσιου")).toContain("Δεν παρακολουθείται πλέον");
    await logClipping("Ο δήμαρχος Αμαρουσίου ξανά", "https://example.gr/watch-3");
    expect(notices()).toHaveLength(1);
  });
});

describe("the surge check", () => {
  let h: JobHarness;
  afterEach(() => h?.dispose());

  async function clippings(n: number, createdAt: Date, tone = "neutral") {
    for (let i = 0; i < n; i++) {
      const r = validateClipping(
        { ...validClip, url: "", medium: "print", tone, title: `Θέμα ${createdAt.toISOString()} ${i}` },
        { today: "2026-11-30", knownTopicIds: new Set() },
      );
      if (!r.ok) throw new Error("seed");
      const c = await h.services.clippings.createClipping({
        draft: r.draft,
        createdBy: "U0STAFF01",
        submissionKey: `surge-${createdAt.toISOString()}-${tone}-${i}`,
      });
      if (c.status === "created")
        await h.database.db.prisma.clipping.update({ where: { id: c.clipping.id }, data: { createdAt } });
    }
  }
  const warnings = () =>
    h.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === "D0MANAGER");

  it("warns the managers once a day of many clippings and of several negative ones", async () => {
    h = await createJobHarness({ now: new Date("2026-11-23T07:00:00Z") });
    await h.services.roles.ensureRoleHolders(["U0MANAGER"], "manager");
    for (let d = 1; d <= 28; d += 2) await clippings(1, new Date(Date.UTC(2026, 9, 25 + d, 9)));
    const p = h.process("A", h.jobs("clipping-surge-check"));
    await p.scheduler.tick();
    h.clock.set(new Date("2026-11-23T07:30:10Z")); // 09:30 Athens: nothing unusual yet
    await p.scheduler.tick();
    expect(warnings()).toHaveLength(0);

    await clippings(4, new Date("2026-11-23T08:00:00Z"));
    await clippings(3, new Date("2026-11-23T08:10:00Z"), "negative");
    h.clock.set(new Date("2026-11-23T08:30:10Z"));
    await p.scheduler.tick();
    expect(warnings().map((c) => String(c.args.text))).toEqual([
      expect.stringContaining("Ασυνήθιστα πολλά δημοσιεύματα σήμερα: *7*"),
      expect.stringContaining("*3* αρνητικά"),
    ]);
    h.clock.set(new Date("2026-11-23T09:30:10Z"));
    await p.scheduler.tick();
    expect(warnings()).toHaveLength(2);
  });
});
