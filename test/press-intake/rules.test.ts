// The intake's pure rules: links normalised, outlets named, near-duplicate titles, feeds parsed,
// backoff, quiet hours, bursts, the /grafeio feed words, and the proposal's blocks within Slack's
// limits with everything from the feed escaped.
import { describe, expect, it } from "vitest";
import { htmlToText, parseNewsFeed, withoutSourceSuffix } from "../../src/areas/press-intake/feed-parse.js";
import { intakeTexts } from "../../src/areas/press-intake/messages.js";
import { jaccard, mostSimilar, titleWords } from "../../src/areas/press-intake/near-duplicate.js";
import { articleKey, normaliseArticleUrl } from "../../src/areas/press-intake/normalise.js";
import { outletOf, outletOfItem } from "../../src/areas/press-intake/outlets.js";
import {
  backoffMs,
  inQuietHours,
  intakeSchedule,
  postingPlan,
  shouldReportFailure,
} from "../../src/areas/press-intake/rules.js";
import { parseFeedCommand } from "../../src/areas/press-intake/slack/feed-command.js";
import {
  batchBlocks,
  boldMatches,
  clippingOption,
  existsModal,
  proposalBlocks,
} from "../../src/areas/press-intake/slack/proposal-views.js";
import { checkBlocks } from "../support/block-kit-limits.js";

const norm = (u: string) => normaliseArticleUrl(u)?.toString();

/** A Google News article id of the kind that carries the article: protobuf {1: 19, 4: url[, 26: amp]}. */
function googleNewsId(url: string, amp?: string): string {
  const field = (tag: number, text: string) => {
    const bytes = Buffer.from(text, "utf8");
    const length: number[] = [];
    let n = bytes.length;
    while (n > 0x7f) {
      length.push((n & 0x7f) | 0x80);
      n >>= 7;
    }
    length.push(n);
    return Buffer.concat([Buffer.from(tag > 0x7f ? [tag & 0xff, tag >> 8] : [tag]), Buffer.from(length), bytes]);
  };
  const parts = [Buffer.from([0x08, 0x13]), field(0x22, url)];
  if (amp) parts.push(field(0x01d2, amp));
  return Buffer.concat(parts).toString("base64url");
}

describe("links", () => {
  it("unwraps Google Alerts' redirects (url= and q=)", () => {
    expect(norm("https://www.google.com/url?rct=j&sa=t&url=https://www.kathimerini.gr/a/1/&ct=ga&cd=x")).toBe(
      "https://www.kathimerini.gr/a/1/",
    );
    expect(norm("https://www.google.gr/url?q=https://www.in.gr/b/&sa=U")).toBe("https://www.in.gr/b/");
    // Not a redirect: left alone.
    expect(norm("https://www.google.com/search?q=x")).toBe("https://www.google.com/search?q=x");
  });
  it("takes the article out of a Google News link that carries it, and leaves an opaque one alone", () => {
    const article = "https://www.kathimerini.gr/society/563211/o-dimarxos-amarousiou/";
    expect(norm(`https://news.google.com/rss/articles/${googleNewsId(article)}?oc=5`)).toBe(article);
    // A long address (a two-byte length) and an AMP address after it.
    const long = `https://www.in.gr/2026/12/01/greece/${"a".repeat(150)}/`;
    expect(norm(`https://news.google.com/articles/${googleNewsId(long, `${long}amp/`)}`)).toBe(long);
    // The newer kind carries a token Google's page resolves with scripts: the link stays Google's.
    const opaque = `https://news.google.com/rss/articles/${googleNewsId("AU_yqLPx2r7c9vXhN0")}?oc=5`;
    expect(norm(opaque)).toBe(opaque);
    expect(norm("https://news.google.com/rss/articles/not-base64-at-all!")).toBe(
      "https://news.google.com/rss/articles/not-base64-at-all!",
    );
    // Not an article: a Google News topic page is left alone.
    expect(norm("https://news.google.com/topics/CAAqJggKIiBDQkFTRWdvSUwyMHZNRGx1YlY4U0FtVnNHZ0pIVWlnQVAB")).toBe(
      "https://news.google.com/topics/CAAqJggKIiBDQkFTRWdvSUwyMHZNRGx1YlY4U0FtVnNHZ0pIVWlnQVAB",
    );
  });
  it("drops tracking parameters and fragments, keeps the article's own", () => {
    expect(norm("https://www.in.gr/a/?utm_source=fb&utm_medium=x&fbclid=1&gclid=2&id=7#top")).toBe(
      "https://www.in.gr/a/?id=7",
    );
  });
  it("maps AMP and mobile variants to the article", () => {
    expect(norm("https://www.protothema.gr/greece/article/99/amp/")).toBe(
      "https://www.protothema.gr/greece/article/99",
    );
    expect(norm("https://www.tanea.gr/2026/12/01/x/?amp=1")).toBe("https://www.tanea.gr/2026/12/01/x/");
    expect(norm("https://m.naftemporiki.gr/story/1")).toBe("https://naftemporiki.gr/story/1");
    expect(norm("https://amp.in.gr/a")).toBe("https://in.gr/a");
    expect(norm("https://www.ert.gr/amp/news/5")).toBe("https://www.ert.gr/news/5");
    // The same key as the article itself, as the register compares links.
    const key = (u: string) => articleKey(normaliseArticleUrl(u) as URL);
    expect(key("https://m.kathimerini.gr/a/1/amp")).toBe(key("https://www.kathimerini.gr/a/1/?utm_source=rss"));
  });
  it("refuses what is not a web link", () => {
    expect(norm("javascript:alert(1)")).toBeUndefined();
    expect(norm("not a link")).toBeUndefined();
  });
});

describe("outlets", () => {
  it("names Greek outlets from their hosts, sub-domains included; the office's entries first", () => {
    expect(outletOf("www.kathimerini.gr")).toBe("Καθημερινή");
    expect(outletOf("m.protothema.gr")).toBe("Πρώτο Θέμα");
    expect(outletOf("www.ertnews.gr")).toBe("ΕΡΤnews");
    expect(outletOf("news.ert.gr")).toBe("ΕΡΤ");
    expect(outletOf("www.amarousiotimes.gr")).toBe("amarousiotimes.gr");
    expect(outletOf("www.amarousiotimes.gr", { "amarousiotimes.gr": "Αμαρούσιο Times" })).toBe("Αμαρούσιο Times");
  });
});

describe("near-identical titles", () => {
  it("finds the same story with its words reordered and its endings changed", () => {
    const a = titleWords("Ο Δήμαρχος Αμαρουσίου υπέγραψε τη σύμβαση για τον ποδηλατόδρομο");
    const b = titleWords("Ποδηλατόδρομος: υπέγραψε τη σύμβαση ο δήμαρχος Αμαρουσίου");
    expect(jaccard(a, b)).toBeGreaterThanOrEqual(0.5);
    const other = titleWords("Ο Δήμαρχος Αμαρουσίου στη συνεδρίαση του δημοτικού συμβουλίου για τον προϋπολογισμό");
    expect(jaccard(a, other)).toBeLessThan(0.5);
    expect(
      mostSimilar(a, [
        { id: 1, words: other },
        { id: 2, words: b },
      ])?.item.id,
    ).toBe(2);
  });
});

describe("feeds", () => {
  it("reads RSS and Atom (RDF: the job's test), HTML in titles as text; says what is not a feed", () => {
    const rss = parseNewsFeed(
      `<rss version="2.0"><channel><title>T</title><item><title>A &amp; B &lt;i&gt;x&lt;/i&gt;</title><link>https://x.gr/a</link><pubDate>Tue, 01 Dec 2026 10:00:00 +0200</pubDate></item></channel></rss>`,
    );
    expect(rss).toMatchObject({ ok: true, entries: [{ title: "A & B x", link: "https://x.gr/a" }] });
    if (rss.ok) expect(rss.entries[0]?.published?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    const atom = parseNewsFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>G</title><entry><title>E</title><link rel="alternate" href="https://y.gr/e"/><updated>2026-12-01T08:00:00Z</updated></entry></feed>`,
    );
    expect(atom).toMatchObject({ ok: true, entries: [{ title: "E", link: "https://y.gr/e" }] });
    expect(parseNewsFeed("<rss><channel><item><title>x</tit")).toMatchObject({ ok: false });
    expect(parseNewsFeed("<html><body>hello</body></html>")).toMatchObject({ ok: false });
  });
  it("reads an aggregator's item: the title without its source's name, the outlet from its source", () => {
    const feed = parseNewsFeed(
      `<rss version="2.0"><channel><title>"Αμαρούσιο" - Google News</title><item><title>Ο δήμαρχος Αμαρουσίου στο νέο πάρκο - Καθημερινή</title><link>https://news.google.com/rss/articles/${googleNewsId("AU_yqLPx2r7c9vXhN0")}?oc=5</link><source url="https://www.kathimerini.gr">Καθημερινή</source></item><item><title>Χωρίς πηγή - κάτι</title><link>https://x.gr/b</link></item></channel></rss>`,
    );
    if (!feed.ok) throw new Error(feed.error);
    const [google, plain] = feed.entries;
    expect(google).toMatchObject({
      title: "Ο δήμαρχος Αμαρουσίου στο νέο πάρκο",
      source: { name: "Καθημερινή", host: "www.kathimerini.gr" },
    });
    expect(plain).toMatchObject({ title: "Χωρίς πηγή - κάτι" });
    expect(plain?.source).toBeUndefined();
    const link = normaliseArticleUrl(google?.link ?? "") as URL;
    expect(link.hostname).toBe("news.google.com");
    expect(outletOfItem(link, google?.source)).toBe("Καθημερινή");
    expect(outletOfItem(link, { name: "Τοπική Εφημερίδα", host: null })).toBe("Τοπική Εφημερίδα");
    // An unwrapped link is named from its own host, whatever the item's source says.
    expect(outletOfItem(new URL("https://www.protothema.gr/a/1"), { name: "Άλλο", host: "x.gr" })).toBe("Πρώτο Θέμα");
    expect(withoutSourceSuffix("Τίτλος | ΕΡΤ", "ΕΡΤ")).toBe("Τίτλος");
    expect(withoutSourceSuffix("ΕΡΤ", "ΕΡΤ")).toBe("ΕΡΤ");
  });
  it("never keeps a script's text", () => {
    expect(htmlToText("<p>Hi</p><script>alert(1)</script><style>p{}</style> there")).toBe("Hi there");
  });
});

describe("policy", () => {
  it("backs off 15 min, 30, 1 h… up to a day; reports once after three failures", () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n) / 60_000)).toEqual([15, 30, 60, 120]);
    expect(backoffMs(30)).toBe(24 * 3600_000);
    expect(shouldReportFailure({ failures: 2, failureReported: false })).toBe(false);
    expect(shouldReportFailure({ failures: 3, failureReported: false })).toBe(true);
    expect(shouldReportFailure({ failures: 5, failureReported: true })).toBe(false);
  });
  it("quiet hours over midnight, and the posting plan", () => {
    expect(inQuietHours("23:10", "22:00", "07:00")).toBe(true);
    expect(inQuietHours("06:59", "22:00", "07:00")).toBe(true);
    expect(inQuietHours("07:00", "22:00", "07:00")).toBe(false);
    expect(inQuietHours("13:00", "12:00", "14:00")).toBe(true);
    expect(postingPlan({ waiting: 3, heldOvernight: true, postedLastHour: 0, burstPerHour: 8 })).toBe("morning");
    expect(postingPlan({ waiting: 3, heldOvernight: false, postedLastHour: 6, burstPerHour: 8 })).toBe("burst");
    expect(postingPlan({ waiting: 3, heldOvernight: false, postedLastHour: 5, burstPerHour: 8 })).toBe("each");
  });
  it("reads /grafeio feed's words", () => {
    expect(parseFeedCommand(["add", "https://x.gr/rss", "<#C0PRESS01|press>"])).toEqual({
      kind: "add",
      url: "https://x.gr/rss",
      channelId: "C0PRESS01",
    });
    expect(parseFeedCommand(["add", "https://x.gr/rss", "press"])).toEqual({ kind: "usage" });
    expect(parseFeedCommand([])).toEqual({ kind: "list" });
    expect(parseFeedCommand(["pause", "#3"])).toEqual({ kind: "pause", id: 3 });
    expect(parseFeedCommand(["remove", "x"])).toEqual({ kind: "usage" });
    expect(parseFeedCommand(["outlet", "add", "a.gr", "Α", "Β"])).toEqual({
      kind: "outlet",
      host: "a.gr",
      name: "Α Β",
    });
  });
});

describe("the proposal's message", () => {
  const item = {
    id: 7,
    title: "<!channel> Ο Δήμαρχος <https://evil|εδώ>",
    url: "https://www.in.gr/a",
    outlet: "in.gr",
    publishedAt: new Date("2026-12-01T08:00:00Z"),
    excerpt: "Ο δήμαρχος Αμαρουσίου μίλησε για το πάρκο & τα <b>σχολεία</b>".repeat(3),
    matchedTerms: ["Δήμαρχος Αμαρουσίου", "πάρκο"],
  };
  it("bolds the matched words and escapes everything from the feed", () => {
    const text = boldMatches("Ο δημάρχου Αμαρουσίου & <!here> πάρκα", ["Δήμαρχος Αμαρουσίου", "πάρκο"]);
    expect(text).toBe("Ο *δημάρχου* *Αμαρουσίου* &amp; &lt;!here&gt; *πάρκα*");
    const blocks = JSON.stringify(proposalBlocks(intakeTexts("el"), item, "Europe/Athens"));
    expect(blocks).not.toContain("<!channel>");
    expect(blocks).not.toContain("<https://evil");
    expect(blocks).toContain("1/12/2026");
  });
  it("stays within Slack's limits, a long batch included", () => {
    expect(checkBlocks(proposalBlocks(intakeTexts("en"), item, "Europe/Athens"), 50)).toBeUndefined();
    const many = Array.from({ length: 60 }, (_, i) => ({ ...item, id: i + 1, title: "Τίτλος ".repeat(40) }));
    expect(checkBlocks(batchBlocks(intakeTexts("el"), "burst", many), 50)).toBeUndefined();
  });
});

describe("how often the feeds are read", () => {
  it("is minutes that divide the hour, clear of 03:00-04:00", () => {
    expect(intakeSchedule(15)).toBe("*/15 0-2,4-23 * * *");
    expect(intakeSchedule(60)).toBe("0 0-2,4-23 * * *");
    expect(intakeSchedule(7)).toBeUndefined();
    expect(intakeSchedule(0)).toBeUndefined();
    expect(parseFeedCommand(["every", "30"])).toEqual({ kind: "every", minutes: 30 });
    expect(parseFeedCommand(["every", "x"])).toEqual({ kind: "usage" });
    expect(parseFeedCommand(["every"])).toEqual({ kind: "usage" });
  });
});

describe("«Υπάρχει ήδη»'s form", () => {
  it("is a picker within Slack's limits; an option is cut to 75 characters and carries only the id", () => {
    const modal = existsModal(intakeTexts("el"), 7, "C0PRESS01", "1700000000.000100");
    expect(checkBlocks(modal.blocks as never, 100)).toBeUndefined();
    expect(modal.blocks[0]?.element.type).toBe("external_select");
    const option = clippingOption({
      id: 12,
      registerNumber: "2026/0012",
      outlet: "Καθημερινή",
      title: "Τίτλος ".repeat(30),
    });
    expect(option.value).toBe("12");
    expect(option.text.text.length).toBeLessThanOrEqual(75);
    expect(option.text.text.startsWith("2026/0012 · Καθημερινή · Τίτλος")).toBe(true);
  });
});
