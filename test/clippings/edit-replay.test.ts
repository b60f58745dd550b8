// A correction applies only to the version of the clipping its form was opened at: a form submitted
// after someone else's correction, or a replayed submission, is refused in the form and the newer
// correction stands.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { clipFormState, validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const AUTHOR = "U0AUTHOR1";
const MANAGER = "U0MANAGER";
const CHANGED_MEANWHILE = "Διορθώθηκε από άλλη φόρμα αφού ανοίξατε αυτή";
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
  await t.grant(AUTHOR, "staff");
  await t.grant(MANAGER, "staff");
  await t.grant(MANAGER, "manager");
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

async function seed(title: string, url: string): Promise<number> {
  const r = validateClipping({ ...validClip, title, url }, { today: "2030-01-01", knownTopicIds: new Set() });
  if (!r.ok) throw new Error("bad seed");
  const out = await t.bot.services.clippings.createClipping({ draft: r.draft, createdBy: AUTHOR, submissionKey: url });
  if (out.status !== "created") throw new Error("not created");
  return out.clipping.id;
}

/** The correction form, as the result menu's "correct" opens it for `userId`. */
async function openEdit(userId: string, id: number): Promise<Json> {
  const before = t.fake.calls.length;
  await t.slack.overflowAction({ userId, actionId: "clip_result_menu", value: `edit:${id}`, channelId: "C0001" });
  const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
  expect(opened.response.ok).toBe(true);
  return opened.response.view as Json;
}

async function submit(view: Json, userId: string, title: string, url: string) {
  const res = await t.slack.viewSubmission({ view, userId, values: clipFormState({ ...validClip, title, url }) });
  expect(res.status).toBe(200);
  return (res.text ? res.json() : {}) as Json;
}

const row = (id: number) => t.database.db.prisma.clipping.findUniqueOrThrow({ where: { id } });

describe("a correction and the version it was opened at", () => {
  it("refuses a form opened before a manager's correction; the manager's stands", async () => {
    const url = "https://example.gr/replay-1";
    const id = await seed("Αρχικός τίτλος", url);
    const authorForm = await openEdit(AUTHOR, id);
    const managerForm = await openEdit(MANAGER, id);
    expect(await submit(managerForm, MANAGER, "Τίτλος του προϊσταμένου", url)).toEqual({});

    const answer = await submit(authorForm, AUTHOR, "Τίτλος του συντάκτη", url);
    expect(answer.response_action).toBe("errors");
    expect(String((answer.errors as Json).title)).toContain(CHANGED_MEANWHILE);
    expect((await row(id)).title).toBe("Τίτλος του προϊσταμένου");
    const history = await t.bot.services.clippings.history(id);
    expect(history.map((h) => [h.field, h.newValue, h.changedBy])).toEqual([
      ["title", "Τίτλος του προϊσταμένου", MANAGER],
    ]);
  });

  it("refuses a replayed correction that would undo a newer one; a normal correction and its retry work", async () => {
    const url = "https://example.gr/replay-2";
    const id = await seed("Αρχικός τίτλος", url);
    const authorForm = await openEdit(AUTHOR, id);
    expect(await submit(authorForm, AUTHOR, "Πρώτη διόρθωση", url)).toEqual({});
    expect((await row(id)).title).toBe("Πρώτη διόρθωση");
    // Slack's retry of that same submission, before anyone else changed it: nothing to change.
    expect(await submit(authorForm, AUTHOR, "Πρώτη διόρθωση", url)).toEqual({});

    const managerForm = await openEdit(MANAGER, id);
    expect(await submit(managerForm, MANAGER, "Νεότερη διόρθωση", url)).toEqual({});
    // The author's first submission, replayed later: it would put "Πρώτη διόρθωση" back.
    const replayed = await submit(authorForm, AUTHOR, "Πρώτη διόρθωση", url);
    expect(replayed.response_action).toBe("errors");
    expect(String((replayed.errors as Json).title)).toContain(CHANGED_MEANWHILE);
    expect((await row(id)).title).toBe("Νεότερη διόρθωση");

    // A form opened now corrects it as before.
    const fresh = await openEdit(AUTHOR, id);
    expect(await submit(fresh, AUTHOR, "Τρίτη διόρθωση", url)).toEqual({});
    expect((await row(id)).title).toBe("Τρίτη διόρθωση");
  });
});
