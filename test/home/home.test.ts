// The Home tab, through the running app: app_home_opened events in, views.publish out (the fake
// Slack enforcing the home view's schema and its 100 blocks), its buttons, and its refresh.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type LetterInput, validateLetter } from "../../src/areas/correspondence/letter-validation.js";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0HOMESTAFF";
const BUSY = "U0HOMEBUSY";
const MANAGER = "U0HOMEMGR";
const ADMIN = "U0HOMEADMIN";
const STRANGER = "U0HOMENOBODY";
const today = "2026-11-25";

function letterDraft(input: Partial<LetterInput>) {
  const r = validateLetter(
    { direction: "incoming", letterDate: "2026-11-20", counterpart: "Δήμος Βελιγραδίου", subject: "Θέμα", ...input },
    { today: "2026-11-20" },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.draft;
}

const textOf = (view: Json) => JSON.stringify(view.blocks);

describe("the Home tab", () => {
  let t: TestBot;
  let letterId: number;

  beforeAll(async () => {
    t = await startTestBot({ clock: new ManualClock(new Date(`${today}T08:00:00Z`)) });
    for (const u of [STAFF, BUSY]) await t.grant(u, "staff");
    await t.grant(MANAGER, "manager");
    await t.grant(ADMIN, "admin");
    const prisma = t.database.db.prisma;
    // STAFF: a reply overdue, a letter due today, a reply due this week, one of someone else's.
    const clip = (i: number, assignee: string, due: string, title: string) => ({
      registerYear: 2026,
      registerSeq: i,
      title,
      outlet: "Καθημερινή",
      publishedOn: new Date("2026-11-20"),
      medium: "online" as const,
      tone: "neutral" as const,
      scope: "municipality" as const,
      createdBy: STAFF,
      submissionKey: `home-${i}`,
      needsReply: true,
      replyAssignee: assignee,
      replyDueOn: new Date(due),
    });
    await prisma.clipping.createMany({
      data: [
        clip(1, STAFF, "2026-11-23", "Λακκούβες στην οδό Ερμού"),
        clip(2, STAFF, "2026-11-27", "Το πάρκο της Νέας Σμύρνης"),
        clip(3, BUSY, "2026-11-23", "Ξένη υπόθεση"),
        // BUSY has 300 open replies: more than any Home can show.
        ...Array.from({ length: 300 }, (_, i) =>
          clip(100 + i, BUSY, i % 3 === 0 ? "2026-11-20" : i % 3 === 1 ? today : "2026-11-28", `Θέμα αριθμός ${i}`),
        ),
      ],
    });
    const made = await t.bot.services.letters.create({
      draft: letterDraft({ subject: "Πρόσκληση σε φόρουμ", dueOn: today }),
      createdBy: STAFF,
      submissionKey: "home-letter",
    });
    if (made.status !== "created") throw new Error("seed");
    letterId = made.letter.id;
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  async function openHome(user: string): Promise<Json> {
    const before = t.fake.calls.length;
    const sent = await t.slack.event({ type: "app_home_opened", user, channel: `D${user.slice(1)}`, tab: "home" });
    expect(sent.status).toBe(200);
    const call = await t.fake.waitFor("views.publish", (c) => c.args.user_id === user, 5000, before);
    expect(call.response.ok).toBe(true);
    return call.args.view as Json;
  }

  it("shows the person's own items, overdue first, then today, then this week, with their buttons", async () => {
    const view = await openHome(STAFF);
    expect(view.type).toBe("home");
    const text = textOf(view);
    expect(text).toContain("Το Γραφείο σας");
    const at = (s: string) => text.indexOf(s);
    expect(at("Λακκούβες")).toBeGreaterThan(0);
    expect(at("Πρόσκληση σε φόρουμ")).toBeGreaterThan(at("Λακκούβες"));
    expect(at("Νέας Σμύρνης")).toBeGreaterThan(at("Πρόσκληση σε φόρουμ"));
    expect(text).not.toContain("Ξένη υπόθεση");
    expect(text).toContain("Εκπρόθεσμα");
    // Each item's own action: the reply's button, the letter's menu.
    expect(text).toContain('"action_id":"clip_result_menu"');
    expect(text).toContain(`answered:${letterId}`);
    // The main forms, by the areas' own action ids.
    expect(text).toContain('"action_id":"contact_add"');
    expect(text).toContain('"action_id":"event_create"');
    // Not a manager, not an admin.
    expect(text).not.toContain("σύνοψη των προϊσταμένων");
    expect(text).not.toContain("Οι εργασίες του Grafeio");
  });

  it("acting on an item from the Home changes the list, and the Home is published again", async () => {
    const home = await openHome(STAFF);
    const before = t.fake.calls.length;
    await t.slack.blockAction({
      userId: STAFF,
      actionId: "letter_menu",
      value: `answered:${letterId}`,
      view: { id: String(home.id ?? "VHOME"), type: "home" },
    });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    // The answer goes to the DM (a Home button has no message to answer in).
    const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === STAFF, 5000, before);
    expect(dm.response.ok).toBe(true);
    const refreshed = await t.fake.waitFor("views.publish", (c) => c.args.user_id === STAFF, 5000, before);
    expect(textOf(refreshed.args.view as Json)).not.toContain("Πρόσκληση σε φόρουμ");
    expect(textOf(refreshed.args.view as Json)).toContain("Λακκούβες");
    const row = await t.database.db.prisma.letter.findUniqueOrThrow({ where: { id: letterId } });
    expect(row.status).toBe("answered");
  });

  it("redraws the Home of someone looking at it when another person changes an item of theirs", async () => {
    const OTHER = "U0HOMEOTHER";
    await t.grant(OTHER, "staff");
    const made = await t.bot.services.letters.create({
      draft: letterDraft({ subject: "Επιστολή του συναδέλφου", dueOn: "2026-11-27" }),
      createdBy: OTHER,
      submissionKey: "home-letter-other",
    });
    if (made.status !== "created") throw new Error("seed");
    expect(textOf(await openHome(OTHER))).toContain("Επιστολή του συναδέλφου");
    const before = t.fake.calls.length;
    // STAFF files it from a search result in a channel: OTHER's open Home no longer lists it.
    await t.slack.overflowAction({
      userId: STAFF,
      actionId: "letter_menu",
      value: `filed:${made.letter.id}`,
      channelId: "C0INTL001",
    });
    const redrawn = await t.fake.waitFor("views.publish", (c) => c.args.user_id === OTHER, 5000, before);
    expect(textOf(redrawn.args.view as Json)).not.toContain("Επιστολή του συναδέλφου");
    // A Home that did not change is not published again.
    const published = t.fake.callsTo("views.publish").length;
    await t.slack.command({ command: "/letter", text: "open", userId: STAFF });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(t.fake.callsTo("views.publish").length).toBe(published);
  });

  it("keeps a person with 300 open items within Slack's limits, the rest said as «N more»", async () => {
    const view = await openHome(BUSY);
    const blocks = view.blocks as Json[];
    expect(blocks.length).toBeLessThanOrEqual(100);
    const text = textOf(view);
    const items = blocks.filter((b) => (b.accessory as Json | undefined)?.action_id === "clip_result_menu");
    expect(items.length).toBeGreaterThan(50);
    // 301 of theirs in all (the one above, 300 here), the first shown overdue.
    expect(text).toContain(`${301 - items.length} ακόμη εκκρεμότητες`);
    // The counts are of all of them; the overdue ones alone fill what can be shown, oldest first.
    expect(text).toContain("101 εκπρόθεσμα · 100 για σήμερα · 100 αυτή την εβδομάδα");
    expect(text).not.toContain(":large_orange_circle: Σήμερα");
    // The oldest (due 20/11) come before the one due 23/11, which no longer fits.
    expect(text).toContain("Θέμα αριθμός 0");
    expect(text).not.toContain("Ξένη υπόθεση");
  });

  it("shows managers the digest's sections and admins the jobs' health", async () => {
    const manager = textOf(await openHome(MANAGER));
    expect(manager).toContain("Η σύνοψη των προϊσταμένων");
    expect(manager).not.toContain("Οι εργασίες του Grafeio");
    const admin = textOf(await openHome(ADMIN));
    expect(admin).toContain("Οι εργασίες του Grafeio");
    // No PR_CHANNEL_ID in the test bot's settings.
    expect(admin).toContain("PR_CHANNEL_ID");
  });

  it("opens each main form from its Home button; someone without the role gets no form", async () => {
    const text = textOf(await openHome(STAFF));
    const forms = ["clip_new", "contact_add", "translation_new", "letter_new", "sponsor_new", "event_create"];
    for (const id of forms) expect(text).toContain(`"action_id":"${id}"`);
    for (const actionId of forms) {
      const before = t.fake.calls.length;
      const value = actionId === "event_create" ? "{}" : undefined;
      await t.slack.blockAction({ userId: STAFF, actionId, value, view: { id: "VHOME", type: "home" } });
      const opened = await t.fake.waitFor("views.open", () => true, 5000, before);
      expect(opened.response.ok, actionId).toBe(true);
    }
    const before = t.fake.calls.length;
    await t.slack.blockAction({ userId: STRANGER, actionId: "letter_new", view: { id: "VHOME", type: "home" } });
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
    expect(t.fake.calls.slice(before).some((c) => c.method === "views.open")).toBe(false);
    const told = t.fake.calls.slice(before).find((c) => c.method === "chat.postMessage");
    expect(String(told?.args.text)).toContain("προσωπικό");
  });

  it("tells someone without the staff role why there is nothing, and shows no item", async () => {
    const view = await openHome(STRANGER);
    const text = textOf(view);
    expect(text).toContain("προσωπικό");
    expect(text).not.toContain("Λακκούβες");
    expect(text).not.toContain("action_id");
  });
});
