// The contact form's edit applies only to the version of the contact it was opened at: a form
// submitted after someone else's change, or a replayed submission, is refused in the form.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contactDraft } from "../support/factories.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const CHANNEL = "C0PRESS01";
const CHANGED_MEANWHILE = "Η επαφή άλλαξε αλλού αφού ανοίξατε αυτή τη φόρμα";
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
  await t.grant(STAFF, "staff");
  await t.grant(MANAGER, "staff");
  await t.grant(MANAGER, "manager");
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

const NAME = "Ελένη Μαρκοπούλου";

/** The contact form as Slack reports it filled in: the name, a position, the name day typed. */
function state(title: string): Record<string, Record<string, Json>> {
  const text = (value: string | null) => ({ value: { type: "plain_text_input", value } });
  const none = { value: { type: "checkboxes", selected_options: [] } };
  const out: Record<string, Record<string, Json>> = { vip: none, optOutGreetings: none };
  for (const f of ["nameLatin", "organisation", "country", "language", "email", "phone", "address", "notes"])
    out[f] = text(null);
  for (const f of ["consent", "source"]) out[f] = text(null);
  out.nameEl = text(NAME);
  out.title = text(title);
  out.nameDayOther = text("15/8");
  return out;
}

async function openEdit(userId: string, id: number): Promise<Json> {
  const before = t.fake.calls.length;
  await t.slack.overflowAction({ userId, actionId: "contact_menu", value: `edit:${id}`, channelId: CHANNEL });
  const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
  expect(opened.response.ok).toBe(true);
  return opened.response.view as Json;
}

async function submit(view: Json, userId: string, title: string): Promise<Json> {
  const res = await t.slack.viewSubmission({ view, userId, values: state(title) });
  expect(res.status).toBe(200);
  return (res.text ? res.json() : {}) as Json;
}

describe("editing a contact and the version it was opened at", () => {
  it("refuses a form opened before another change, and a replay; a normal edit works", async () => {
    const { contact } = await t.bot.services.contacts.create({
      draft: contactDraft({ nameEl: NAME, title: "Πρόξενος", nameDayKey: "fixed:08-15" }),
      createdBy: STAFF,
      nameDayConfirmed: true,
    });
    const id = contact.id;
    const title = async () => (await t.database.db.prisma.contact.findUniqueOrThrow({ where: { id } })).title;

    const staffForm = await openEdit(STAFF, id);
    const managerForm = await openEdit(MANAGER, id);
    expect(await submit(managerForm, MANAGER, "Γενική Πρόξενος")).toEqual({});
    expect(await title()).toBe("Γενική Πρόξενος");

    const late = await submit(staffForm, STAFF, "Υποπρόξενος");
    expect(late.response_action).toBe("errors");
    expect(String((late.errors as Json).nameEl)).toContain(CHANGED_MEANWHILE);
    expect(await title()).toBe("Γενική Πρόξενος");

    // A fresh form edits it; that submission replayed after the manager's next change is refused.
    const fresh = await openEdit(STAFF, id);
    expect(await submit(fresh, STAFF, "Υποπρόξενος")).toEqual({});
    expect(await title()).toBe("Υποπρόξενος");
    expect(await submit(fresh, STAFF, "Υποπρόξενος")).toEqual({}); // Slack's retry: nothing to change
    expect(await submit(await openEdit(MANAGER, id), MANAGER, "Πρέσβης")).toEqual({});
    const replayed = await submit(fresh, STAFF, "Υποπρόξενος");
    expect(replayed.response_action).toBe("errors");
    expect(await title()).toBe("Πρέσβης");
  });
});
