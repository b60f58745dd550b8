import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/lib/clock.js";
import { type ClipFormValues, clipFormState, validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const OUTSIDER = "U0NOROLE1";
// 22 Nov 2026, 10:00 in Athens.
const clock = new ManualClock(new Date("2026-11-22T08:00:00Z"));
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ clock });
  await t.grant(STAFF, "staff");
});
afterAll(() => t?.stop());
// Confirmations go out after the acknowledgement: let each test's finish before the next starts.
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});
beforeEach(() => {
  clock.set(new Date("2026-11-22T08:00:00Z"));
  t.fake.calls.length = 0;
});

async function openModal(userId = STAFF, text = ""): Promise<Json> {
  const triggerId = t.fake.triggerId();
  const res = await t.slack.command({ command: "/clip", text, userId, triggerId });
  expect(res.status).toBe(200);
  const call = await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as Json;
}

async function submit(view: Json, values: ClipFormValues, userId = STAFF) {
  const res = await t.slack.viewSubmission({ view, userId, values: clipFormState(values) });
  expect(res.status).toBe(200);
  return res.text ? res.json() : {};
}

async function countClippings() {
  return t.database.db.prisma.clipping.count();
}

describe("/clip", () => {
  it("opens the modal at once, in Greek, with today's Athens date and the office's topics", async () => {
    const view = await openModal();
    expect((view.title as Json).text).toBe("Καταχώριση δημοσιεύματος");
    const blocks = view.blocks as Json[];
    const date = blocks.find((b) => b.block_id === "publishedOn") as Json;
    expect((date.element as Json).initial_date).toBe("2026-11-22");
    const topics = blocks.find((b) => b.block_id === "topicIds") as Json;
    expect(((topics.element as Json).options as Json[]).length).toBeGreaterThanOrEqual(15);
  });

  it("uses the Athens date, not UTC, just after midnight in Athens", async () => {
    clock.set(new Date("2026-11-22T22:30:00Z")); // 00:30 on 23 Nov in Athens
    const view = await openModal();
    const date = (view.blocks as Json[]).find((b) => b.block_id === "publishedOn") as Json;
    expect((date.element as Json).initial_date).toBe("2026-11-23");
  });

  it("prefills the link given after the command", async () => {
    const view = await openModal(STAFF, "https://www.ertnews.gr/eidiseis/marousi");
    const url = (view.blocks as Json[]).find((b) => b.block_id === "url") as Json;
    expect((url.element as Json).initial_value).toBe("https://www.ertnews.gr/eidiseis/marousi");
    const medium = (view.blocks as Json[]).find((b) => b.block_id === "medium") as Json;
    expect(((medium.element as Json).initial_option as Json).value).toBe("online");
  });

  it("answers unreadable text with a short help line instead of a modal", async () => {
    await t.slack.command({ command: "/clip", text: "<!channel> κάτι", userId: STAFF });
    const answer = await t.fake.waitFor("response_url");
    expect(String(answer.args.text)).toContain("&lt;!channel&gt;");
    expect(t.fake.callsTo("views.open")).toHaveLength(0);
  });

  it("refuses politely, and privately, a user without a role", async () => {
    await t.slack.command({ command: "/clip", userId: OUTSIDER });
    const answer = await t.fake.waitFor("response_url");
    expect(answer.args.response_type).toBe("ephemeral");
    expect(String(answer.args.text)).toContain("«προσωπικό»");
    expect(t.fake.callsTo("views.open")).toHaveLength(0);
  });

  it("speaks English to a user whose Slack locale is English", async () => {
    t.fake.users.set("U0ENGLISH", { id: "U0ENGLISH", locale: "en-US" });
    await t.grant("U0ENGLISH", "staff");
    const view = await openModal("U0ENGLISH");
    expect((view.title as Json).text).toBe("Log a press clipping");
  });
});

describe("submitting the clipping modal", () => {
  it("stores a valid clipping under the year's next register number and confirms it", async () => {
    const before = await countClippings();
    const view = await openModal();
    const answer = await submit(view, validClip);
    expect(answer.response_action).toBeUndefined();
    const confirmation = await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("2026/"));
    expect(confirmation.args.user).toBe(STAFF);
    expect(await countClippings()).toBe(before + 1);
    const stored = await t.database.db.prisma.clipping.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(stored.registerYear).toBe(2026);
    expect(String(confirmation.args.text)).toContain(`2026/${String(stored.registerSeq).padStart(4, "0")}`);
    expect(stored.title).toBe(validClip.title);
    expect(stored.publishedOn.toISOString().slice(0, 10)).toBe("2026-11-20");
    expect(stored.createdBy).toBe(STAFF);
  });

  it.each<[string, ClipFormValues, string, RegExp]>([
    ["missing title", { title: "  " }, "title", /υποχρεωτικό/],
    ["missing outlet", { outlet: "" }, "outlet", /υποχρεωτικό/],
    ["a link that is not a URL", { url: "kathimerini dot gr" }, "url", /έγκυρος σύνδεσμος/],
    ["a javascript: link", { url: "javascript:alert(1)" }, "url", /έγκυρος σύνδεσμος/],
    ["an online clipping without a link", { url: "" }, "url", /διαδικτυακό/],
    ["a date in the future (Athens)", { publishedOn: "2026-11-23" }, "publishedOn", /μεταγενέστερη/],
    ["an impossible date", { publishedOn: "2026-02-30" }, "publishedOn", /δεν είναι έγκυρη/],
    ["no date", { publishedOn: "" }, "publishedOn", /υποχρεωτικό/],
    ["no medium", { medium: "" }, "medium", /υποχρεωτικό/],
    ["no tone", { tone: "" }, "tone", /υποχρεωτικό/],
    ["no scope", { scope: "" }, "scope", /υποχρεωτικό/],
    ["a topic that does not exist", { topicIds: ["999999"] }, "topicIds", /θεματικές/],
    ["a title over 300 characters", { title: "α".repeat(301) }, "title", /300/],
  ])("shows an inline error for %s and stores nothing", async (_name, change, block, message) => {
    const before = await countClippings();
    const view = await openModal();
    const answer = await submit(view, { ...validClip, url: `https://example.gr/${Math.random()}`, ...change });
    expect(answer.response_action).toBe("errors");
    const errors = answer.errors as Record<string, string>;
    expect(errors[block]).toMatch(message);
    expect(await countClippings()).toBe(before);
  });

  it("accepts a print clipping without a link", async () => {
    const view = await openModal();
    const answer = await submit(view, { ...validClip, url: "", medium: "print" });
    expect(answer.response_action).toBeUndefined();
  });

  it("warns about a link already in the register, naming the entry, and stores it when asked again", async () => {
    const url = "https://www.protothema.gr/greece/article/123/?utm_source=fb";
    const first = await submit(await openModal(), { ...validClip, url });
    expect(first.response_action).toBeUndefined();
    const existing = await t.database.db.prisma.clipping.findFirstOrThrow({ orderBy: { id: "desc" } });
    const before = await countClippings();

    const view = await openModal();
    // The same article, written differently: no www, no tracking parameter, trailing slash gone.
    const warned = await submit(view, {
      ...validClip,
      url: "http://protothema.gr/greece/article/123",
      title: "Άλλος τίτλος",
    });
    expect(warned.response_action).toBe("update");
    const updated = warned.view as Json;
    const warning = (updated.blocks as Json[])[0] as Json;
    expect(String((warning.text as Json).text)).toContain(`2026/${String(existing.registerSeq).padStart(4, "0")}`);
    expect(await countClippings()).toBe(before);

    const confirmed = await submit(
      { ...view, private_metadata: updated.private_metadata },
      {
        ...validClip,
        url: "http://protothema.gr/greece/article/123",
        title: "Άλλος τίτλος",
      },
    );
    expect(confirmed.response_action).toBeUndefined();
    expect(await countClippings()).toBe(before + 1);
  });

  it("stores one clipping and posts one confirmation when the same view is submitted twice", async () => {
    const before = await countClippings();
    const view = await openModal();
    const values = { ...validClip, url: "https://www.naftemporiki.gr/story/42" };
    const [a, b] = await Promise.all([submit(view, values), submit(view, values)]);
    expect(a.response_action).toBeUndefined();
    expect(b.response_action).toBeUndefined();
    const retry = await t.slack.viewSubmission({ view, userId: STAFF, values: clipFormState(values) }, { retryNum: 1 });
    expect(retry.status).toBe(200);
    expect(await countClippings()).toBe(before + 1);
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes("naftemporiki"));
    // Give a second confirmation every chance to arrive: the bot has nothing in flight afterwards.
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(
      t.fake.callsTo("chat.postEphemeral").filter((c) => String(c.args.text).includes("naftemporiki")),
    ).toHaveLength(1);
  });

  it("never mistakes a simultaneous second delivery for a duplicate link (ten double clicks at once)", async () => {
    const before = await countClippings();
    const views = await Promise.all(Array.from({ length: 10 }, () => openModal()));
    const answers = await Promise.all(
      views.flatMap((view, i) => {
        const values = { ...validClip, url: `https://example.gr/double/${i}` };
        return [submit(view, values), submit(view, values)];
      }),
    );
    expect(answers.filter((a) => a.response_action !== undefined)).toEqual([]);
    expect(await countClippings()).toBe(before + 10);
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    const confirmations = t.fake
      .callsTo("chat.postEphemeral")
      .filter((c) => String(c.args.text).includes("example.gr/double/"));
    expect(confirmations).toHaveLength(10);
  });

  it("gives gap-free, unique register numbers to many simultaneous submissions", async () => {
    const views = await Promise.all(Array.from({ length: 20 }, () => openModal()));
    const before = await t.database.db.prisma.clipping.aggregate({
      _max: { registerSeq: true },
      where: { registerYear: 2026 },
    });
    const answers = await Promise.all(
      views.map((view, i) => submit(view, { ...validClip, url: `https://example.gr/concurrent/${i}` })),
    );
    expect(answers.filter((a) => a.response_action !== undefined)).toEqual([]);
    const rows = await t.database.db.prisma.clipping.findMany({
      where: { registerYear: 2026 },
      orderBy: { registerSeq: "asc" },
    });
    const seqs = rows.map((r) => r.registerSeq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBe((before._max.registerSeq ?? 0) + 20);
  });

  it("starts numbering again at 0001 in a new year (Athens time)", async () => {
    clock.set(new Date("2026-12-31T22:05:00Z")); // 00:05 on 1 Jan 2027 in Athens
    const answer = await submit(await openModal(), {
      ...validClip,
      url: "https://example.gr/new-year",
      publishedOn: "2026-12-31",
    });
    expect(answer.response_action).toBeUndefined();
    const row = await t.database.db.prisma.clipping.findFirstOrThrow({ where: { url: "https://example.gr/new-year" } });
    expect([row.registerYear, row.registerSeq]).toEqual([2027, 1]);
  });

  it("falls back to a DM when the confirmation cannot be shown in the channel", async () => {
    t.fake.channelsWithoutBot.add("C0001");
    try {
      await submit(await openModal(), { ...validClip, url: "https://example.gr/dm-fallback" });
      const dm = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === STAFF);
      expect(String(dm.args.text)).toContain("2026/");
    } finally {
      t.fake.channelsWithoutBot.delete("C0001");
    }
  });

  it("escapes mrkdwn in the confirmation so a title cannot ping the channel", async () => {
    await submit(await openModal(), { ...validClip, url: "", medium: "print", title: "<!channel> Δήμος & πολίτες" });
    const c = await t.fake.waitFor("chat.postEphemeral", (call) => String(call.args.text).includes("πολίτες"));
    expect(String(c.args.text)).toContain("&lt;!channel&gt; Δήμος &amp; πολίτες");
  });
});

describe("the 'Log as clipping' message shortcut", () => {
  it("opens the modal prefilled from the message's first link and text", async () => {
    await t.slack.messageShortcut({
      callbackId: "log_clipping",
      userId: STAFF,
      channelId: "C0NEWS",
      message: {
        text: "Δείτε το άρθρο για το Μαρούσι <https://www.in.gr/2026/11/20/marousi/|in.gr> και <https://other.gr/x>",
        attachments: [
          {
            title: "Νέα πλατεία στο Μαρούσι",
            service_name: "in.gr",
            from_url: "https://www.in.gr/2026/11/20/marousi/",
          },
        ],
      },
    });
    const call = await t.fake.waitFor("views.open");
    expect(call.response.ok).toBe(true);
    const blocks = (call.response.view as Json).blocks as Json[];
    const value = (id: string) => ((blocks.find((b) => b.block_id === id) as Json).element as Json).initial_value;
    expect(value("url")).toBe("https://www.in.gr/2026/11/20/marousi/");
    expect(value("title")).toBe("Νέα πλατεία στο Μαρούσι");
    expect(value("outlet")).toBe("in.gr");
    expect(String(value("summary"))).toContain("Δείτε το άρθρο");

    const view = call.response.view as Json;
    await submit(view, { ...validClip, url: "https://www.in.gr/2026/11/20/marousi/" });
    const stored = await t.database.db.prisma.clipping.findFirstOrThrow({
      where: { url: "https://www.in.gr/2026/11/20/marousi/" },
    });
    expect(stored.sourceChannel).toBe("C0NEWS");
    expect(stored.sourceTs).toBe("1700000000.000100");
  });
});
