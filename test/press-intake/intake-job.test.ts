// The press-intake job on the real engine against a local feed server and the fake Slack: RSS,
// Atom, RDF and a Windows-1253 feed read; broken XML, an enormous feed and a private
// address failing without harming the others (and the admins told once); redirect links
// unwrapped; the same story from three outlets proposed once; a run interrupted half-way and run
// again posting each item once; quiet hours and bursts.
import iconv from "iconv-lite";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Occurrence } from "../../src/scheduling/job.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";
import { FeedServer } from "./feed-server.js";

const ADMIN = "U0ADMIN01";
const PR = "CPRESS001";

function rss(items: { title: string; link: string; description?: string; date?: string }[], encoding = "utf-8") {
  const body = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link.replace(/&/g, "&amp;")}</link><description>${i.description ?? ""}</description><pubDate>${i.date ?? "Tue, 01 Dec 2026 08:00:00 +0200"}</pubDate></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="${encoding}"?><rss version="2.0"><channel><title>Feed</title>${body}</channel></rss>`;
}

describe("the press-intake job", () => {
  let h: JobHarness;
  const server = new FeedServer();
  let n = 0;
  const occurrence = (at: Date): Occurrence => ({
    scheduledFor: at,
    late: false,
    manual: false,
    attempt: 1,
    key: `press-intake@${at.toISOString()}#${++n}`,
  });

  beforeAll(async () => {
    await server.start();
    // 10:00 in Athens: outside the quiet hours.
    h = await createJobHarness({
      now: new Date("2026-12-01T08:00:00Z"),
      env: { FETCH_ALLOW_LOOPBACK: "true", PR_CHANNEL_ID: PR, ADMIN_USER_IDS: ADMIN },
    });
    await h.services.roles.ensureRoleHolders([ADMIN], "admin");
    await h.services.clippingAlerts.addWatchTerm({ term: "Δήμαρχος Αμαρουσίου", channelId: "CALERTS01", by: ADMIN });
    await h.services.clippingAlerts.addWatchTerm({ term: "πάρκο", channelId: "CALERTS01", by: ADMIN });
  });
  afterAll(async () => {
    await h?.dispose();
    await server.stop();
  });
  beforeEach(async () => {
    // Each test its own feeds: the earlier ones removed.
    const listed = await h.services.pressIntake.listFeeds(ADMIN);
    if (listed.status === "ok") for (const f of listed.feeds) await h.services.pressIntake.removeFeed(ADMIN, f.id);
  });

  async function runOnce(at: Date, sender = h.process(`P${n}`).sender) {
    const [job] = h.jobs("press-intake");
    if (!job) throw new Error("no job");
    return job.run(occurrence(at), {
      clock: h.clock,
      logger: { info() {}, warn() {}, error() {}, debug() {} } as never,
      sender,
      calendar: h.services.calendar,
      timeZone: "Europe/Athens",
      defaultLocale: "el",
      channelId: null,
      officeChannelId: PR,
    });
  }

  const posts = (channel = PR) =>
    h.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.args.channel === channel);
  const postedTexts = () => posts().map((c) => String(c.args.text));

  it("reads RSS, Atom, RDF and Windows-1253 feeds; proposes what matches; unwraps Google's links and drops tracking", async () => {
    const add = (path: string, route: Parameters<FeedServer["set"]>[1]) =>
      h.services.pressIntake.addFeed(ADMIN, server.set(path, route), null);
    await add("/rss", {
      body: rss([
        {
          title: "Ο Δήμαρχος Αμαρουσίου εγκαίνιασε το νέο πάρκο",
          link: "https://www.kathimerini.gr/society/1/?utm_source=rss",
        },
        { title: "Καιρός: βροχές στην Αττική", link: "https://www.kathimerini.gr/society/2/" },
      ]),
    });
    await add("/atom", {
      headers: { "content-type": "application/atom+xml" },
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Google Alert - Αμαρούσιο</title><entry><title type="html">Νέα &lt;b&gt;πάρκα&lt;/b&gt; για τα παιδιά</title><link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.protothema.gr/greece/article/99/amp/&amp;ct=ga"/><published>2026-12-01T07:00:00Z</published><content type="html">Στο Μαρούσι</content></entry></feed>`,
    });
    await add("/rdf", {
      headers: { "content-type": "application/rdf+xml" },
      body: `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="x"><title>R</title></channel><item rdf:about="https://m.in.gr/2026/12/01/greece/dimarxos/"><title>Συνέντευξη του δημάρχου Αμαρουσίου</title><link>https://m.in.gr/2026/12/01/greece/dimarxos/</link><description>Τι είπε ο δήμαρχος</description><dc:date>2026-12-01T09:00:00+02:00</dc:date></item></rdf:RDF>`,
    });
    await add("/win1253", {
      headers: { "content-type": "application/rss+xml" },
      body: iconv.encode(
        rss(
          [{ title: "Παιδική χαρά στο πάρκο της Κηφισιάς", link: "https://www.ert.gr/perifereia/123/" }],
          "windows-1253",
        ),
        "win1253",
      ),
    });
    const outcome = await runOnce(new Date("2026-12-01T08:00:00Z"));
    expect(outcome).toContain("4 fetched");
    const texts = postedTexts();
    expect(texts).toHaveLength(4);
    expect(texts.join("\n")).not.toContain("Καιρός");
    expect(texts.some((t) => t.includes("Καθημερινή"))).toBe(true);
    expect(texts.some((t) => t.includes("Πρώτο Θέμα"))).toBe(true);
    expect(texts.some((t) => t.includes("in.gr"))).toBe(true);
    expect(texts.some((t) => t.includes("Παιδική χαρά στο πάρκο") && t.includes("ΕΡΤ"))).toBe(true);
    const blocks = JSON.stringify(posts().map((c) => c.args.blocks));
    expect(blocks).toContain("https://kathimerini.gr/society/1/".replace("https://", "https://www."));
    expect(blocks).not.toContain("utm_source");
    expect(blocks).toContain("https://www.protothema.gr/greece/article/99");
    expect(blocks).not.toContain("google.com/url");
    expect(blocks).not.toContain("/amp");
    // The HTML in an Atom title is text, not markup.
    expect(blocks).not.toContain("<b>");
    // Conditional requests next time: nothing new is proposed again.
    server.set("/rss", {
      handle: (headers) => (headers["if-none-match"] ? { status: 304, headers: {} } : { body: rss([]) }),
    });
    const again = await runOnce(new Date("2026-12-01T08:15:00Z"));
    expect(again).toContain("0 proposed");
    expect(postedTexts()).toHaveLength(4);
  });

  it("a broken, an enormous and a private feed fail alone, backed off; the admins are told once", async () => {
    await h.services.pressIntake.addFeed(
      ADMIN,
      server.set("/broken", { body: "<rss><channel><item><title>x</tit" }),
      null,
    );
    await h.services.pressIntake.addFeed(ADMIN, server.set("/huge", { streamBytes: 8 * 1024 * 1024 }), null);
    await h.services.pressIntake.addFeed(ADMIN, "http://169.254.169.254/latest/feed.xml", null);
    await h.services.pressIntake.addFeed(
      ADMIN,
      server.set("/ok", {
        body: rss([{ title: "Ο δήμαρχος Αμαρουσίου στη Βουλή", link: "https://www.tanea.gr/2026/12/01/x/" }]),
      }),
      null,
    );
    const adminDms = () =>
      h.fake.callsTo("chat.postMessage").filter((c) => c.response.ok && c.response.channel === "D0ADMIN01");
    let at = new Date("2026-12-01T09:00:00Z").getTime();
    const first = await runOnce(new Date(at));
    expect(first).toContain("1 fetched");
    expect(first).toContain("3 failed");
    // Tried again only after the backoff; told once after the third failure in a row.
    for (let i = 0; i < 12; i++) {
      at += 15 * 60_000;
      await runOnce(new Date(at));
    }
    const feeds = await h.services.pressIntake.listFeeds(ADMIN);
    if (feeds.status !== "ok") throw new Error("refused");
    const failing = feeds.feeds.filter((f) => f.failures > 0);
    expect(failing).toHaveLength(3);
    // 15 min, 30 min, 1 h…: in 3 hours at most 4 tries, not 13.
    for (const f of failing) expect(f.failures).toBeLessThanOrEqual(4);
    expect(failing.find((f) => f.url.includes("169.254"))?.lastError).toContain("blocked_address");
    expect(failing.find((f) => f.url.includes("/huge"))?.lastError).toContain("too_large");
    expect(adminDms()).toHaveLength(3);
    expect(new Set(adminDms().map((c) => String(c.args.text).match(/http\S+/)?.[0])).size).toBe(3);
  });

  it("the same story from three outlets is proposed once", async () => {
    const story = (path: string, title: string, link: string) =>
      h.services.pressIntake.addFeed(ADMIN, server.set(path, { body: rss([{ title, link }]) }), null);
    await story(
      "/o1",
      "Ο Δήμαρχος Αμαρουσίου υπέγραψε τη σύμβαση για τον ποδηλατόδρομο της Κηφισίας",
      "https://www.skai.gr/news/1",
    );
    await story(
      "/o2",
      "Υπέγραψε τη σύμβαση για τον ποδηλατόδρομο της Κηφισίας ο Δήμαρχος Αμαρουσίου",
      "https://www.cnn.gr/news/2",
    );
    await story(
      "/o3",
      "Ποδηλατόδρομος Κηφισίας: υπεγράφη η σύμβαση από τον Δήμαρχο Αμαρουσίου",
      "https://www.efsyn.gr/news/3",
    );
    const before = postedTexts().length;
    const outcome = await runOnce(new Date("2026-12-01T12:00:00Z"));
    expect(outcome).toContain("1 proposed, 2 near duplicates");
    expect(postedTexts().length - before).toBe(1);
  });

  it("a run interrupted half-way and run again posts each item once", async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({
      title: `Πάρκο ${["Άλφα", "Βήτα", "Γάμμα", "Δέλτα", "Έψιλον"][i]}: νέα δέντρα ${i} φυτεύτηκαν από εθελοντές σχολείων ${i}`,
      link: `https://www.naftemporiki.gr/story/${1000 + i}/`,
    }));
    await h.services.pressIntake.addFeed(ADMIN, server.set("/five", { body: rss(items) }), null);
    const real = h.process("interrupted").sender;
    let allowed = 2;
    const dying = {
      post: async (message: Parameters<typeof real.post>[0]) => {
        if (allowed-- <= 0) throw new Error("killed");
        return real.post(message);
      },
    };
    const before = postedTexts().length;
    await expect(runOnce(new Date("2026-12-01T13:00:00Z"), dying as never)).rejects.toThrow("killed");
    expect(postedTexts().length - before).toBe(2);
    await runOnce(new Date("2026-12-01T13:15:00Z"));
    await runOnce(new Date("2026-12-01T13:30:00Z"));
    const mine = postedTexts().slice(before);
    expect(mine).toHaveLength(5);
    expect(new Set(mine).size).toBe(5);
  });

  it("quiet hours hold arrivals for one morning list; a burst becomes one summary with a thread", async () => {
    const night = Array.from({ length: 3 }, (_, i) => ({
      title: `Νυχτερινό ${i}: ο δήμαρχος Αμαρουσίου και ${["λιμάνι", "σχολεία", "ποδηλατόδρομος"][i]}`,
      link: `https://www.iefimerida.gr/night/${i}`,
    }));
    server.set("/night", { body: rss(night) });
    await h.services.pressIntake.addFeed(ADMIN, server.url("/night"), null);
    const before = posts().length;
    // 23:30 in Athens.
    expect(await runOnce(new Date("2026-12-01T21:30:00Z"))).toContain("3 held");
    expect(posts().length).toBe(before);
    // 07:00: one list, the items in its thread.
    await runOnce(new Date("2026-12-02T05:00:00Z"));
    const fresh = posts().slice(before);
    expect(fresh).toHaveLength(4);
    const [summary, ...thread] = fresh;
    expect(String(summary?.args.text)).toContain("Πρωινή λίστα");
    expect(summary?.args.thread_ts).toBeUndefined();
    for (const m of thread) expect(m.args.thread_ts).toBe(summary?.response.ts);

    const burst = Array.from({ length: 10 }, (_, i) => ({
      title: `Θέμα ${i} ${"αβγδεζηθικ"[i]}${i}: πάρκο ${["Α", "Β", "Γ", "Δ", "Ε", "Ζ", "Η", "Θ", "Ι", "Κ"][i]}${i} ${i * 7}`,
      link: `https://www.newsit.gr/burst/${i}`,
    }));
    await h.services.pressIntake.addFeed(ADMIN, server.set("/burst", { body: rss(burst) }), null);
    const mark = posts().length;
    await runOnce(new Date("2026-12-02T08:00:00Z"));
    const burstPosts = posts().slice(mark);
    expect(burstPosts).toHaveLength(11);
    expect(String(burstPosts[0]?.args.text)).toContain("μέσα στην ώρα");
  });
});
