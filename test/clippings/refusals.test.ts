// What Slack hands back is decoded, and the service is what refuses: a forged or stale value gets
// "out of date" and changes nothing; a form reaching someone who may not change the clipping is
// refused by the service itself; `/clip help` answers with /clip's help.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { clipFormState, validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const AUTHOR = "U0AUTHOR1";
const OTHER = "U0OTHER01";
const MANAGER = "U0MANAGER";
const OUTSIDER = "U0NOROLE1";
const OUT_OF_DATE = "δεν είναι πια επίκαιρο";
let t: TestBot;
let id: number;

beforeAll(async () => {
  t = await startTestBot();
  for (const u of [AUTHOR, OTHER]) await t.grant(u, "staff");
  await t.grant(MANAGER, "manager");
  const r = validateClipping(
    { ...validClip, title: "Προς έλεγχο", url: "https://example.gr/refusals" },
    { today: "2030-01-01", knownTopicIds: new Set() },
  );
  if (!r.ok) throw new Error("bad seed");
  const out = await t.bot.services.clippings.createClipping({
    draft: r.draft,
    createdBy: AUTHOR,
    submissionKey: "refusals",
  });
  if (out.status !== "created") throw new Error("not created");
  id = out.clipping.id;
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

async function menu(userId: string, value: string) {
  const before = t.fake.calls.length;
  await t.slack.overflowAction({ userId, actionId: "clip_result_menu", value, channelId: "C0001" });
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  return t.fake.calls.slice(before);
}

const row = () => t.database.db.prisma.clipping.findUniqueOrThrow({ where: { id } });

describe("/clip help", () => {
  it.each(["help", "βοήθεια", "Βοηθεια"])(
    "answers `/clip %s` with /clip's help, not «I did not understand»",
    async (text) => {
      const before = t.fake.calls.length;
      await t.slack.command({ command: "/clip", text, userId: AUTHOR });
      const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
      expect(String(answer.args.text)).toContain("/clip export");
      expect(String(answer.args.text)).toContain("/clip search");
      expect(String(answer.args.text)).not.toContain("Δεν κατάλαβα");
      expect(t.fake.callsTo("views.open")).toHaveLength(0);
    },
  );

  it("gives the help even to someone without a role (it only says what the command does)", async () => {
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", text: "help", userId: OUTSIDER });
    const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
    expect(String(answer.args.text)).toContain("/clip export");
  });
});

describe("a forged or stale value", () => {
  it.each(["edit:abc", "delete:1", "edit:0", "edit:1:2", ""])(
    "in the results' menu (%j) is out of date and opens nothing",
    async (value) => {
      const calls = await menu(AUTHOR, value);
      expect(calls.some((c) => c.method === "views.open")).toBe(false);
      expect(String(calls.find((c) => c.method === "chat.postEphemeral")?.args.text)).toContain(OUT_OF_DATE);
    },
  );

  it("on a page button is out of date and searches nothing", async () => {
    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: AUTHOR,
      actionId: "clip_search_page_next",
      value: '{"q":"x","p":0}',
      channelId: "C0001",
    });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const calls = t.fake.calls.slice(before);
    expect(calls.some((c) => c.method === "response_url")).toBe(false);
    expect(String(calls.find((c) => c.method === "chat.postEphemeral")?.args.text)).toContain(OUT_OF_DATE);
  });

  it("in the withdrawal form's metadata is out of date, and nothing is withdrawn", async () => {
    const view = (await menu(AUTHOR, `withdraw:${id}`)).find((c) => c.method === "views.open")?.response.view as Json;
    const res = await t.slack.viewSubmission({
      view: { ...view, private_metadata: JSON.stringify({ clippingId: String(id) }) },
      userId: AUTHOR,
      values: { reason: { value: { type: "plain_text_input", value: "Λάθος" } } },
    });
    expect(res.json()).toMatchObject({
      response_action: "errors",
      errors: { reason: expect.stringContaining(OUT_OF_DATE) },
    });
    expect((await row()).withdrawnAt).toBeNull();
  });

  it("in the correction form's metadata is out of date, and nothing changes", async () => {
    const view = (await menu(AUTHOR, `edit:${id}`)).find((c) => c.method === "views.open")?.response.view as Json;
    const res = await t.slack.viewSubmission({
      view: { ...view, private_metadata: "{not json" },
      userId: AUTHOR,
      values: clipFormState({ ...validClip, url: "https://example.gr/refusals", title: "Αλλαγμένος" }),
    });
    expect(res.json()).toMatchObject({
      response_action: "errors",
      errors: { title: expect.stringContaining(OUT_OF_DATE) },
    });
    expect((await row()).title).toBe("Προς έλεγχο");
  });
});

describe("the service refuses", () => {
  it("a correction submitted by someone who neither logged it nor manages, and records nothing", async () => {
    // The form as a manager was given it, submitted by another member of staff.
    const view = (await menu(MANAGER, `edit:${id}`)).find((c) => c.method === "views.open")?.response.view as Json;
    const res = await t.slack.viewSubmission({
      view,
      userId: OTHER,
      values: clipFormState({ ...validClip, url: "https://example.gr/refusals", title: "Όχι δικό μου" }),
    });
    expect(res.json()).toMatchObject({
      response_action: "errors",
      errors: { title: expect.stringContaining("προϊστάμενος") },
    });
    expect((await row()).title).toBe("Προς έλεγχο");
    expect(await t.bot.services.clippings.history(id)).toHaveLength(0);
  });

  it("a withdrawal submitted by someone else, and withdraws nothing; a manager's goes through", async () => {
    const view = (await menu(MANAGER, `withdraw:${id}`)).find((c) => c.method === "views.open")?.response.view as Json;
    const reason = { reason: { value: { type: "plain_text_input", value: "Διπλό" } } };
    const refused = await t.slack.viewSubmission({ view, userId: OTHER, values: reason });
    expect(refused.json()).toMatchObject({
      response_action: "errors",
      errors: { reason: expect.stringContaining("προϊστάμενος") },
    });
    expect((await row()).withdrawnAt).toBeNull();
    const accepted = await t.slack.viewSubmission({ view, userId: MANAGER, values: reason });
    expect(accepted.text).toBe("");
    expect((await row()).withdrawnBy).toBe(MANAGER);
  });
});
