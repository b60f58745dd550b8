// Through the running app: the commands' help words, and values Slack hands back that do not
// decode (an old message, a forged request) answered "out of date" with nothing changed.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import { contactDraft } from "../support/factories.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const STRANGER = "U0NOROLE1";
const CHANNEL = "C0PRESS01";
const el = messages("el");
const clock = new ManualClock(new Date("2026-12-04T08:00:00Z"));
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ clock, env: { PR_CHANNEL_ID: CHANNEL } });
  await t.grant(STAFF, "staff");
  await t.grant(MANAGER, "staff");
  await t.grant(MANAGER, "manager");
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});
beforeEach(() => {
  t.fake.calls.length = 0;
});

async function commandAnswer(command: string, text: string, userId = STAFF): Promise<string> {
  const before = t.fake.calls.length;
  await t.slack.command({ command, text, userId, channelId: CHANNEL });
  const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
  return String(answer.args.text);
}

async function aContact(nameEl: string) {
  return (await t.bot.services.contacts.create({ draft: contactDraft({ nameEl }), createdBy: STAFF })).contact;
}

describe("the commands' help", () => {
  it.each(["help", "βοήθεια", "Βοηθεια", "HELP"])("/contact %s gives the help, not a search", async (word) => {
    expect(await commandAnswer("/contact", word)).toBe(el.contacts.help);
    expect(t.fake.callsTo("views.open")).toHaveLength(0);
  });

  it("/contact help answers anyone; the archive itself is for staff", async () => {
    expect(await commandAnswer("/contact", "help", STRANGER)).toBe(el.contacts.help);
    expect(await commandAnswer("/contact", "Παπαδόπουλος", STRANGER)).toBe(
      el.common.noPermission(el.common.roleNames.staff),
    );
  });

  it.each([
    ["/giortes", "help"],
    ["/giortes", "βοήθεια"],
    ["/namedays", "help"],
  ])("%s %s gives the name days' help", async (command, word) => {
    expect(await commandAnswer(command, word)).toBe(el.nameDays.help);
  });

  it("a word that is not a help word is still a search", async () => {
    expect(await commandAnswer("/contact", "helpdesk")).toContain("helpdesk");
  });
});

describe("values that do not decode", () => {
  it("a forged menu choice is out of date and changes nothing", async () => {
    const c = await aContact("Ευάγγελος Δοκιμαστικός");
    for (const value of [`delete:${c.id}`, "archive:abc", `archive:${c.id}:1`, "archive:-1"]) {
      const before = t.fake.calls.length;
      await t.slack.overflowAction({ userId: STAFF, actionId: "contact_menu", value, channelId: CHANNEL });
      await t.fake.waitFor("chat.postEphemeral", (call) => call.args.text === el.common.outOfDate, 30_000, before);
    }
    expect((await t.bot.services.contacts.get(c.id))?.archivedAt).toBeNull();
  });

  it("a forged search page, thank-you or greeting button is out of date", async () => {
    const cases: [string, string][] = [
      ["contact_search_page_next", '{"q":"x","p":"2"}'],
      ["contact_search_page_next", "not json"],
      ["thank_you_sent", '{"c":"1","o":"x"}'],
      ["name_day_wishes_sent", "1:tomorrow"],
      ["cards_record", "1:2026-12-25:extra"],
      ["contact_confirm_name_day", "0"],
    ];
    for (const [actionId, value] of cases) {
      const before = t.fake.calls.length;
      await t.slack.blockAction({ userId: STAFF, actionId, value, channelId: CHANNEL });
      await t.fake.waitFor("chat.postEphemeral", (call) => call.args.text === el.common.outOfDate, 30_000, before);
    }
    expect(await t.database.db.prisma.greeting.count()).toBe(0);
  });

  it("an erase form whose metadata was tampered with erases nothing", async () => {
    const c = await aContact("Ιφιγένεια Δοκιμαστική");
    const before = t.fake.calls.length;
    await t.slack.overflowAction({
      userId: MANAGER,
      actionId: "contact_menu",
      value: `erase:${c.id}`,
      channelId: CHANNEL,
    });
    const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
    const view = opened.response.view as Json;
    for (const metadata of [`{"contactId":"${c.id}"}`, "{}", "not json", `{"contactId":${c.id},"channel":"#x y"}`]) {
      const res = await t.slack.viewSubmission({
        view: { ...view, private_metadata: metadata },
        userId: MANAGER,
        values: {},
      });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json())).toContain(el.common.outOfDate);
    }
    expect(await t.bot.services.contacts.get(c.id)).not.toBeNull();
    const audit = await t.bot.services.contacts.auditOf(c.id);
    expect(audit.map((a) => a.action)).toEqual(["created"]);
  });

  it("a contact form whose metadata names no contact properly stores nothing", async () => {
    const res = await t.slack.viewSubmission({
      view: { id: "V0FORGED1", callback_id: "contact_modal", private_metadata: '{"contactId":0}' },
      userId: STAFF,
      values: { nameEl: { value: { type: "plain_text_input", value: "Πλαστός Χρήστης" } } },
    });
    expect(JSON.stringify(res.json())).toContain(el.common.outOfDate);
    expect(await t.database.db.prisma.contact.findFirst({ where: { nameEl: "Πλαστός Χρήστης" } })).toBeNull();
  });
});
