// Through the running app: `/grafeio feed …` for admins only (listed in the help), and a posted
// proposal's buttons: «Καταχώριση» opens the clip form filled in, «Άσχετο» is recorded with who
// and redraws the message, «Υπάρχει ήδη» links it to a clipping by its register number; a forged
// value changes nothing.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { intakeTexts } from "../../src/areas/press-intake/messages.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";
import { FeedServer } from "./feed-server.js";

const ADMIN = "U0ADMIN01";
const STAFF = "U0STAFF01";
const PR = "CPRESS001";

let t: TestBot;
const server = new FeedServer();
beforeAll(async () => {
  await server.start();
  t = await startTestBot({ env: { PR_CHANNEL_ID: PR, FETCH_ALLOW_LOOPBACK: "true" } });
  await t.bot.services.roles.ensureAdmins([ADMIN]);
  await t.grant(STAFF, "staff");
});
afterAll(async () => {
  await t?.stop();
  await server.stop();
});
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

async function grafeio(userId: string, text: string): Promise<string> {
  const before = t.fake.calls.length;
  await t.slack.command({ command: "/grafeio", text, userId });
  const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
  return String(answer.args.text);
}

describe("/grafeio feed", () => {
  it("lets admins add, list, pause and remove feeds; refuses staff; is in the help", async () => {
    const url = server.set("/feed.xml", { body: "<rss/>" });
    expect(await grafeio(STAFF, `feed add ${url}`)).toContain("διαχειριστ");
    expect(await grafeio(ADMIN, `feed add <${url}> <#C0PRESS02|press>`)).toMatch(
      /Η ροή #\d+ προστέθηκε: .* → <#C0PRESS02>/,
    );
    expect(await grafeio(ADMIN, `feed add ${url}`)).toContain("υπάρχει ήδη");
    const id = /#(\d+)/.exec(await grafeio(ADMIN, "feed list"))?.[1];
    expect(await grafeio(ADMIN, `feed pause ${id}`)).toContain(`#${id}`);
    expect(await grafeio(ADMIN, "feed list")).toContain("σε παύση");
    expect(await grafeio(ADMIN, "feed add javascript:alert(1)")).toContain("http://");
    expect(await grafeio(ADMIN, "feed quiet 25:00 07:00")).toContain("ΩΩ:ΛΛ");
    expect(await grafeio(ADMIN, "feed quiet 21:30 06:30")).toContain("21:30–06:30");
    expect(await grafeio(ADMIN, `feed remove ${id}`)).toContain(`#${id}`);
    expect(await grafeio(ADMIN, "feed list")).toContain("Δεν υπάρχουν ροές");
    expect(await grafeio(ADMIN, "help")).toContain("feed add <url>");
  });

  it("lets admins set how often the feeds are read: the job's schedule in the scheduler's setting", async () => {
    const setting = () => t.database.db.prisma.jobSetting.findUnique({ where: { jobName: "press-intake" } });
    expect(await grafeio(STAFF, "feed every 30")).toContain("διαχειριστ");
    expect((await setting())?.schedule ?? null).toBeNull();
    expect(await grafeio(ADMIN, "feed every 7")).toContain("5, 10, 15, 20, 30 ή 60");
    expect(await grafeio(ADMIN, "feed every 30")).toContain("κάθε 30 λεπτά");
    expect(await setting()).toMatchObject({ schedule: "*/30 0-2,4-23 * * *", updatedBy: ADMIN });
    expect(await grafeio(ADMIN, "jobs")).toContain("press-intake");
    // Back to every quarter of an hour: the job's own schedule again, no setting of its own.
    expect(await grafeio(ADMIN, "feed every 15")).toContain("κάθε 15 λεπτά");
    expect((await setting())?.schedule).toBeNull();
  });
});

describe("a proposal's buttons", () => {
  const stories = [
    "εγκαίνια βιβλιοθήκης στην πλατεία",
    "νέος ποδηλατόδρομος ως τον σταθμό",
    "συναυλία της φιλαρμονικής το Σάββατο",
    "αναπλάσεις σχολικών αυλών",
    "χριστουγεννιάτικο χωριό στο άλσος",
  ];
  async function propose(): Promise<{ id: number; ts: string; blocks: unknown }> {
    const s = t.bot.services;
    await s.clippingAlerts.addWatchTerm({ term: "Αμαρουσίου", channelId: "CALERTS01", by: ADMIN });
    const path = `/p${Date.now()}`;
    server.set(path, {
      body: `<rss version="2.0"><channel><title>K</title><item><title>Δήμος Αμαρουσίου: ${stories.shift()}</title><link>https://www.kathimerini.gr/${path}/</link><description>Ο δήμαρχος Αμαρουσίου μίλησε</description><pubDate>Tue, 01 Dec 2026 08:00:00 +0200</pubDate></item></channel></rss>`,
    });
    await s.pressIntake.addFeed(ADMIN, server.url(path), null);
    await s.pressIntake.collect(new Date());
    const waiting = await s.pressIntake.waiting(new Date("2026-12-01T10:00:00Z"));
    const item = waiting.items.at(-1);
    if (!item) throw new Error("nothing proposed");
    return { id: item.id, ts: "1796100000.000100", blocks: [] };
  }

  it("«Καταχώριση» opens the clipping form filled in from the article", async () => {
    const { id, ts } = await propose();
    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "press_item_log",
      value: String(id),
      channelId: PR,
      message: { ts },
    });
    const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
    const view = JSON.stringify(opened.args.view);
    expect(view).toContain("Δήμος Αμαρουσίου: εγκαίνια βιβλιοθήκης στην πλατεία");
    expect(view).toContain("Καθημερινή");
    expect(view).toContain("https://www.kathimerini.gr/");
    expect(view).toContain("2026-12-01");
    expect(view).toContain("online");
  });

  it("«Άσχετο» is recorded with who, once, and redraws the message without buttons", async () => {
    const { id, ts } = await propose();
    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "press_item_dismiss",
      value: String(id),
      channelId: PR,
      message: { ts },
    });
    const updated = await t.fake.waitFor("chat.update", () => true, 30_000, before);
    expect(String(updated.args.text)).toContain(`<@${STAFF}>`);
    expect(JSON.stringify(updated.args.blocks)).not.toContain("press_item_log");
    const o = await t.bot.services.pressIntake.item(STAFF, id);
    expect(o).toMatchObject({ status: "ok", item: { status: "dismissed", decidedBy: STAFF } });
    // A second click (someone else's) is told it was decided, and changes nothing.
    await t.slack.blockAction({
      userId: ADMIN,
      actionId: "press_item_dismiss",
      value: String(id),
      channelId: PR,
      message: { ts },
    });
    await t.bot.inFlight.drain(30_000);
    expect(await t.bot.services.pressIntake.item(STAFF, id)).toMatchObject({ item: { decidedBy: STAFF } });
  });

  it("a forged value or someone without a role changes nothing", async () => {
    const { id, ts } = await propose();
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "press_item_dismiss",
      value: "1; DROP",
      channelId: PR,
      message: { ts },
    });
    await t.slack.blockAction({
      userId: "U0NOBODY1",
      actionId: "press_item_dismiss",
      value: String(id),
      channelId: PR,
      message: { ts },
    });
    await t.bot.inFlight.drain(30_000);
    expect(await t.bot.services.pressIntake.item(STAFF, id)).toMatchObject({ item: { status: "proposed" } });
  });

  it("«Υπάρχει ήδη» links it to a clipping chosen in a picker that searches the register, once, with who", async () => {
    const { id, ts } = await propose();
    const created = await t.bot.services.clippings.createClipping({
      draft: {
        title: "Η γιορτή του βιβλίου στην πλατεία",
        outlet: "Καθημερινή",
        url: null,
        urlKey: null,
        publishedOn: "2026-12-01",
        medium: "online",
        tone: "neutral",
        scope: "municipality",
        summary: null,
        topicIds: [],
        departmentIds: [],
      },
      createdBy: STAFF,
      submissionKey: `exists-${id}`,
    });
    if (created.status === "duplicate_url") throw new Error("duplicate");
    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "press_item_exists",
      value: String(id),
      channelId: PR,
      message: { ts },
    });
    const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(JSON.stringify(view.blocks)).toContain('"external_select"');
    // The picker's options as the person types: Greeklish words, a register number; none for no role.
    const suggest = async (userId: string, value: string) => {
      const res = await t.slack.interactive({
        type: "block_suggestion",
        team: { id: "T0001", domain: "grafeio-test" },
        user: { id: userId, name: userId.toLowerCase(), team_id: "T0001" },
        api_app_id: "A0001",
        token: "legacy-verification-token",
        action_id: "press_item_exists_pick",
        block_id: "register_number",
        value,
        container: { type: "view", view_id: "V0EXISTS1" },
        view: { id: "V0EXISTS1", type: "modal", callback_id: view.callback_id },
      });
      return (res.json().options ?? []) as { text: { text: string }; value: string }[];
    };
    const byWords = await suggest(STAFF, "giorti vivliou");
    expect(byWords.map((o) => o.value)).toContain(String(created.clipping.id));
    expect(byWords[0]?.text.text).toContain(created.clipping.registerNumber);
    expect((await suggest(STAFF, created.clipping.registerNumber)).map((o) => o.value)).toEqual([
      String(created.clipping.id),
    ]);
    expect(await suggest("U0NOBODY1", "giorti")).toEqual([]);

    const submit = (value: string) =>
      t.slack.viewSubmission({
        userId: STAFF,
        view: { id: "V0EXISTS1", ...view },
        values: {
          register_number: {
            press_item_exists_pick: {
              type: "external_select",
              selected_option: { text: { type: "plain_text", text: "x" }, value },
            },
          },
        },
      });
    // A forged or stale choice: an error under the field, nothing decided.
    expect(JSON.stringify((await submit("999999")).json())).toContain("Διαλέξτε ένα δημοσίευμα");
    expect(JSON.stringify((await submit("1; DROP")).json())).toContain("Διαλέξτε ένα δημοσίευμα");
    expect(await t.bot.services.pressIntake.item(STAFF, id)).toMatchObject({ item: { status: "proposed" } });
    const mark = t.fake.calls.length;
    await submit(String(created.clipping.id));
    const updated = await t.fake.waitFor("chat.update", () => true, 30_000, mark);
    expect(String(updated.args.text)).toContain(created.clipping.registerNumber);
    expect(await t.bot.services.pressIntake.item(STAFF, id)).toMatchObject({
      item: { status: "logged", clippingId: created.clipping.id, decidedBy: STAFF },
    });
    // Chosen again (a double click, a second person): already decided, recorded once.
    expect(JSON.stringify((await submit(String(created.clipping.id))).json())).toContain(
      intakeTexts("el").alreadyDecided.slice(0, 20),
    );
  });
});
