// A form whose work outlives Slack's 3 s (here the database stalls past the form's deadline) is answered in time
// with a "saving…" view; once stored, that view says so and the confirmation follows. Nothing is
// reported as failed that was saved, and nothing is written twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/lib/clock.js";
import { FORM_DEADLINE_MS } from "../../src/slack/listener.js";
import { clipFormState, validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
// Past the deadline by enough that the work cannot finish before it, even on a busy machine.
const STALL_MS = FORM_DEADLINE_MS + 2_000;
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({
    clock: new ManualClock(new Date("2026-11-22T08:00:00Z")),
    formDeadlineMs: FORM_DEADLINE_MS,
  });
  await t.grant(STAFF, "staff");
});
afterAll(() => t?.stop());

describe("a form whose database stalls", () => {
  it("is answered with a saving view at once, then saved, confirmed and its view updated", async () => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/clip", userId: STAFF, triggerId });
    const opened = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId);
    const view = opened.response.view as Json;

    // The clippings' table locked past the deadline (on PGlite, the whole database waits for it).
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const stall = t.database.db.transaction("write", async (session) => {
      await session.exec("LOCK TABLE clippings IN ACCESS EXCLUSIVE MODE");
      locked();
      await new Promise((r) => setTimeout(r, STALL_MS));
    });
    await isLocked;
    const before = t.fake.calls.length;
    const res = await t.slack.viewSubmission({
      view,
      userId: STAFF,
      values: clipFormState({ ...validClip, url: "https://example.gr/stalled" }),
    });
    // Slack had its answer while the database was still locked: the saving view.
    expect(res.status).toBe(200);
    const ack = res.json();
    expect(ack.response_action).toBe("update");
    expect(JSON.stringify(ack.view)).toContain("Αποθηκεύεται");

    await stall;
    const updated = await t.fake.waitFor(
      "views.update",
      (c) => c.args.view_id === view.id && JSON.stringify(c.args.view).includes("Αποθηκεύτηκε"),
      30_000,
      before,
    );
    expect(updated.response.ok).toBe(true);
    // The confirmation, privately where the form was opened from.
    const confirmation = await t.fake.waitFor(
      "chat.postEphemeral",
      (c) => String(c.args.text ?? "").includes("Καταχωρίστηκε"),
      30_000,
      before,
    );
    expect(String(confirmation.args.text)).toMatch(/2026\/\d{4}/);
    expect(await t.bot.inFlight.drain(10_000)).toBe(true);
    expect(await t.database.db.prisma.clipping.count({ where: { url: "https://example.gr/stalled" } })).toBe(1);
    // Never reported as failed, and Slack answered once.
    const logged = t.logs.join("\n");
    expect(logged).not.toContain("Cannot write headers");
    expect(logged).not.toContain("form submission failed");
  });
});
