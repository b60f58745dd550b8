import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { clipFormState, validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const AUTHOR = "U0AUTHOR1";
const OTHER = "U0OTHER01";
const MANAGER = "U0MANAGER";
let t: TestBot;
let id: number;

beforeAll(async () => {
  t = await startTestBot();
  for (const u of [AUTHOR, OTHER]) await t.grant(u, "staff");
  await t.grant(MANAGER, "manager");
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

async function seed(title: string) {
  const r = validateClipping(
    { ...validClip, title, url: `https://example.gr/${encodeURIComponent(title)}` },
    { today: "2030-01-01", knownTopicIds: new Set() },
  );
  if (!r.ok) throw new Error("bad seed");
  const out = await t.bot.services.clippings.createClipping({
    draft: r.draft,
    createdBy: AUTHOR,
    submissionKey: `change-${title}`,
  });
  if (out.status !== "created") throw new Error("not created");
  return out.clipping.id;
}

async function menu(userId: string, value: string) {
  const before = t.fake.calls.length;
  await t.slack.overflowAction({ userId, actionId: "clip_result_menu", value, channelId: "C0001" });
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  return t.fake.calls.slice(before);
}

describe("correcting a clipping", () => {
  beforeAll(async () => {
    id = await seed("Αρχικός τίτλος");
  });

  it("opens the form prefilled for its author, and records each changed field with who and when", async () => {
    const calls = await menu(AUTHOR, `edit:${id}`);
    const open = calls.find((c) => c.method === "views.open");
    expect(open?.response.ok).toBe(true);
    const view = open?.response.view as Json;
    expect((view.title as Json).text).toBe("Διόρθωση δημοσιεύματος");
    expect(JSON.stringify(view.blocks)).toContain("Αρχικός τίτλος");

    const res = await t.slack.viewSubmission({
      view,
      userId: AUTHOR,
      values: clipFormState({
        ...validClip,
        url: "https://example.gr/Αρχικός τίτλος".replace(" ", "%20"),
        title: "Διορθωμένος τίτλος",
        tone: "negative",
      }),
    });
    expect(res.text).toBe("");
    const row = await t.database.db.prisma.clipping.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe("Διορθωμένος τίτλος");
    expect(row.tone).toBe("negative");
    expect([row.registerYear, row.registerSeq]).toEqual([2026, 1]);
    const history = await t.bot.services.clippings.history(id);
    expect(history.map((h) => [h.field, h.oldValue, h.newValue, h.changedBy])).toEqual(
      expect.arrayContaining([
        ["title", "Αρχικός τίτλος", "Διορθωμένος τίτλος", AUTHOR],
        ["tone", "positive", "negative", AUTHOR],
      ]),
    );
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("Διορθώθηκε"));
  });

  it("shows inline errors for a bad correction and changes nothing", async () => {
    const view = (await menu(AUTHOR, `edit:${id}`)).find((c) => c.method === "views.open")?.response.view as Json;
    const res = await t.slack.viewSubmission({
      view,
      userId: AUTHOR,
      values: clipFormState({ ...validClip, title: "", publishedOn: "2999-01-01" }),
    });
    expect(res.json()).toMatchObject({ response_action: "errors" });
    expect((await t.database.db.prisma.clipping.findUniqueOrThrow({ where: { id } })).title).toBe("Διορθωμένος τίτλος");
  });

  it("refuses someone else's clipping to staff, but not to a manager", async () => {
    const refused = await menu(OTHER, `edit:${id}`);
    expect(refused.some((c) => c.method === "views.open")).toBe(false);
    expect(String(refused.find((c) => c.method === "chat.postEphemeral")?.args.text)).toContain("προϊστάμενος");
    const allowed = await menu(MANAGER, `edit:${id}`);
    expect(allowed.find((c) => c.method === "views.open")?.response.ok).toBe(true);
  });
});

describe("withdrawing a clipping", () => {
  it("needs a reason, keeps the register number, shows it struck through in search, and happens once", async () => {
    const wid = await seed("Λάθος καταχώριση");
    const open = (await menu(AUTHOR, `withdraw:${wid}`)).find((c) => c.method === "views.open");
    const view = open?.response.view as Json;
    expect((view.title as Json).text).toBe("Απόσυρση δημοσιεύματος");
    const empty = await t.slack.viewSubmission({
      view,
      userId: AUTHOR,
      values: { reason: { value: { type: "plain_text_input", value: " " } } },
    });
    expect(empty.json()).toMatchObject({
      response_action: "errors",
      errors: { reason: expect.stringContaining("υποχρεωτικό") },
    });
    const ok = await t.slack.viewSubmission({
      view,
      userId: AUTHOR,
      values: { reason: { value: { type: "plain_text_input", value: "Διπλή καταχώριση" } } },
    });
    expect(ok.text).toBe("");
    const row = await t.database.db.prisma.clipping.findUniqueOrThrow({ where: { id: wid } });
    expect(row.withdrawnAt).not.toBeNull();
    expect(row.withdrawReason).toBe("Διπλή καταχώριση");
    expect(await t.database.db.prisma.clipping.count({ where: { id: wid } })).toBe(1);

    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", text: "search Λάθος καταχώριση", userId: AUTHOR });
    const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
    const text = JSON.stringify(answer.args.blocks);
    expect(text).toContain("αποσύρθηκε");
    expect(text).not.toContain(`withdraw:${wid}`);

    const confirmations = () =>
      t.fake.callsTo("chat.postEphemeral").filter((c) => String(c.args.text).includes("αποσύρθηκε")).length;
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const once = confirmations();
    expect(once).toBe(1);
    const again = await t.slack.viewSubmission({
      view,
      userId: AUTHOR,
      values: { reason: { value: { type: "plain_text_input", value: "ξανά" } } },
    });
    expect(again.text).toBe("");
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(confirmations()).toBe(once); // a double click posts nothing more
    expect((await t.bot.services.clippings.history(wid)).filter((h) => h.field === "withdrawn")).toHaveLength(1);
  });
});
