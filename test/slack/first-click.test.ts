// Refused at the first click: every command, button, menu choice and shortcut that opens a form
// asks whether the person may submit it before opening it, and the office's reference lists are
// for its staff. Someone who may not gets the plain refusal and no form (no views.open call).
// (Red team, issue 21 #15.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import { contactDraft } from "../support/factories.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STRANGER = "U0NOROLE1"; // in the workspace, with no role in Grafeio
const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const TRANSLATOR = "U0TRANS01";
const CHANNEL = "C0WORK001";
const el = messages("el");
const needsStaff = el.common.noPermission(el.common.roleNames.staff);
const needsManager = el.common.noPermission(el.common.roleNames.manager);

let t: TestBot;
let requestId = 0;

beforeAll(async () => {
  t = await startTestBot({ clock: new ManualClock(new Date("2026-11-23T08:00:00Z")) });
  await t.grant(STAFF, "staff");
  await t.grant(TRANSLATOR, "staff");
  await t.grant(MANAGER, "manager");
  // A request asked for by the manager and assigned to the translator.
  const translations = t.bot.services.translations;
  const created = await translations.create({
    draft: {
      title: "Πρόσκληση",
      documentUrl: "https://example.org/invitation.pdf",
      sourceLang: "fr",
      targetLang: "el",
      dueOn: "2026-11-30",
      urgency: "normal",
      reason: null,
      notes: null,
    },
    requestedBy: MANAGER,
    submissionKey: "first-click",
  });
  if (created.status === "refused") throw new Error("the manager was refused");
  requestId = created.request.id;
  const assigned = await translations.step({
    actor: MANAGER,
    requestId,
    action: "assign",
    payload: { assignee: TRANSLATOR },
  });
  expect(assigned.status).toBe("done");
}, 120_000);
afterAll(() => t?.stop());

/** What the person was told (privately, in any of the ways the bot answers) and the forms opened. */
async function outcome(send: () => Promise<{ status: number }>) {
  const from = t.fake.calls.length;
  const res = await send();
  expect(res.status).toBe(200);
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  const calls = t.fake.calls.slice(from);
  const told = calls
    .filter((c) => ["response_url", "chat.postEphemeral", "chat.postMessage"].includes(c.method))
    .map((c) => String(c.args.text));
  return { told, opened: calls.filter((c) => c.method === "views.open").length };
}

const command =
  (userId: string, name: string, text = "") =>
  () =>
    t.slack.command({ command: name, text, userId, channelId: CHANNEL });
const button = (userId: string, actionId: string, value: string) => () =>
  t.slack.blockAction({ userId, actionId, value, channelId: CHANNEL, message: { ts: "1700000000.000100" } });
const menu = (userId: string, actionId: string, value: string) => () =>
  t.slack.overflowAction({ userId, actionId, value, channelId: CHANNEL });
const shortcut = (userId: string, callbackId: string, message: Json) => () =>
  t.slack.messageShortcut({ callbackId, userId, channelId: CHANNEL, message });

describe("someone with no role", () => {
  const opensAForm: [string, () => Promise<{ status: number }>][] = [
    ["/clip", command(STRANGER, "/clip")],
    ["/clip <link>", command(STRANGER, "/clip", "https://example.org/a")],
    ["/contact add", command(STRANGER, "/contact", "add")],
    ["/contact import", command(STRANGER, "/contact", "import")],
    ["/translate", command(STRANGER, "/translate")],
    ["/event", command(STRANGER, "/event")],
    ["/letter", command(STRANGER, "/letter")],
    ["/sponsor add", command(STRANGER, "/sponsor", "add")],
    ["Log as clipping", shortcut(STRANGER, "log_clipping", { text: "https://example.org/a" })],
    ["Request translation", shortcut(STRANGER, "request_translation", { text: "<https://example.org/a>" })],
    ["a clipping's correction", menu(STRANGER, "clip_result_menu", "edit:1")],
    ["a clipping's withdrawal", menu(STRANGER, "clip_result_menu", "withdraw:1")],
    ["a clipping's reply", menu(STRANGER, "clip_result_menu", "reply:1")],
    ["a reply's closing", menu(STRANGER, "clip_result_menu", "close:1")],
    ["a new contact (button)", button(STRANGER, "contact_add", "")],
    ["a contact's correction", menu(STRANGER, "contact_menu", "edit:1")],
    ["a contacts' merge", menu(STRANGER, "contact_menu", "merge:1")],
    ["a contact's erasure", menu(STRANGER, "contact_menu", "erase:1")],
    ["a translation's assignment", button(STRANGER, "translation_step_assign", "1")],
    ["a translation's delivery", button(STRANGER, "translation_step_deliver", "1")],
    ["a translation's return", button(STRANGER, "translation_step_return", "1")],
    ["an event's correction", button(STRANGER, "event_edit", "1")],
    ["an event's cancellation", button(STRANGER, "event_cancel", "1")],
    ["an event from a national day", button(STRANGER, "event_create", "2026-03-25:national-day:x")],
    ["an event's guest", button(STRANGER, "event_add_guest", "1")],
    ["an event's invitation", button(STRANGER, "event_invite", "1")],
    ["an event's gift", button(STRANGER, "event_add_gift", "1")],
    ["an event's feedback", button(STRANGER, "event_feedback", "1")],
    ["a checklist item's new owner", menu(STRANGER, "event_item_done", "reassign:1:1")],
    ["a sponsorship's amount received", menu(STRANGER, "sponsor_menu", "receive:1")],
    ["a sponsorship's benefits", menu(STRANGER, "sponsor_menu", "benefits:1")],
    ["the cards sent", button(STRANGER, "cards_record", "1:2026-12-04")],
  ];

  it.each(opensAForm)("is refused %s at the click, with no form", async (_what, send) => {
    const { told, opened } = await outcome(send);
    expect(told).toEqual([needsStaff]);
    expect(opened).toBe(0);
  });

  it.each(["topics", "watch", "precedence", "departments", "categories", "reminders", "calendar 2026-12-08"])(
    "is refused the office's list /grafeio %s",
    async (list) => {
      const { told } = await outcome(command(STRANGER, "/grafeio", list));
      expect(told).toEqual([needsStaff]);
    },
  );

  it("still gets the help and sets their own language", async () => {
    const help = await outcome(command(STRANGER, "/grafeio", "help"));
    expect(help.told[0]).toContain("/grafeio topics");
    // The help says who may use each line: the lists are marked as the staff's.
    expect(help.told[0]).toContain(`${el.admin.helpLines.topics} (${el.admin.roleMarks.staff})`);
    const lang = await outcome(command(STRANGER, "/grafeio", "lang en"));
    expect(lang.told[0]).not.toBe(needsStaff);
  });
});

describe("staff without the right the form needs", () => {
  it("reads the office's lists", async () => {
    for (const list of [
      "topics",
      "watch",
      "precedence",
      "departments",
      "categories",
      "reminders",
      "calendar 2026-12-08",
    ]) {
      const { told } = await outcome(command(STAFF, "/grafeio", list));
      expect(told, list).toHaveLength(1);
      expect(told[0], list).not.toBe(needsStaff);
    }
  });

  it("is refused the assignment of a translation (the coordinator's), with no form", async () => {
    const { told, opened } = await outcome(button(STAFF, "translation_step_assign", String(requestId)));
    expect(told).toEqual([el.translations.refused.not_yours]);
    expect(opened).toBe(0);
  });

  it("is refused the delivery of a translation assigned to someone else, with no form", async () => {
    const { told, opened } = await outcome(button(STAFF, "translation_step_deliver", String(requestId)));
    expect(told).toEqual([el.translations.refused.not_yours]);
    expect(opened).toBe(0);
  });

  it("is refused the return of a translation not yet delivered, with no form", async () => {
    const { told, opened } = await outcome(button(MANAGER, "translation_step_return", String(requestId)));
    expect(told).toEqual([el.translations.refused.not_allowed_now(el.translations.statuses.assigned)]);
    expect(opened).toBe(0);
  });

  it("while the translator opens the delivery's form", async () => {
    const { told, opened } = await outcome(button(TRANSLATOR, "translation_step_deliver", String(requestId)));
    expect(told).toEqual([]);
    expect(opened).toBe(1);
  });

  it("is refused a contact's erasure (the managers'), with no form", async () => {
    const contact = await t.bot.services.contacts.create({
      draft: contactDraft({ nameEl: "Ελένη Παππά" }),
      createdBy: STAFF,
    });
    const { told, opened } = await outcome(menu(STAFF, "contact_menu", `erase:${contact.contact.id}`));
    expect(told).toEqual([needsManager]);
    expect(opened).toBe(0);
  });

  it.each([["event_feedback"], ["event_add_guest"], ["event_invite"], ["event_add_gift"]])(
    "is told at the click of %s that there is no such event, with no form",
    async (actionId) => {
      const { told, opened } = await outcome(button(STAFF, actionId, "999"));
      expect(told).toEqual([el.events.notFound]);
      expect(opened).toBe(0);
    },
  );
});
