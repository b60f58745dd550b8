import { describe, expect, it } from "vitest";
import { parseClipCommand } from "../../src/areas/clippings/parse-clip-command.js";
import { plainTextOfMessage, prefillFromMessage } from "../../src/areas/clippings/prefill.js";
import {
  buildClipModal,
  MAX_STATIC_OPTIONS,
  readClipModalState,
} from "../../src/areas/clippings/slack/clip-modal-views.js";
import { parseWebUrl, urlKey } from "../../src/areas/clippings/url.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { messages } from "../../src/i18n/index.js";
import { foldGreek } from "../../src/lib/text.js";
import { escapeMrkdwn, mrkdwnLink } from "../../src/slack/mrkdwn.js";
import { checkBlocks as checkMessageBlocks, checkView } from "../support/block-kit-limits.js";
import { clipFormState, validClip } from "../support/clip-form.js";

const key = (u: string) => urlKey(parseWebUrl(u) as URL);

describe("links", () => {
  it("accepts only absolute http(s) links with a real host", () => {
    expect(parseWebUrl("https://www.kathimerini.gr/a")).not.toBeNull();
    for (const bad of [
      "kathimerini.gr",
      "ftp://x.gr/a",
      "https://localhost/a",
      "https://exa mple.gr",
      "javascript:alert(1)",
      "",
    ]) {
      expect(parseWebUrl(bad), bad).toBeNull();
    }
  });

  it("treats the same article written differently as the same link", () => {
    const k = key("https://www.protothema.gr/greece/article/123/");
    expect(key("http://protothema.gr/greece/article/123?utm_source=fb&fbclid=1#comments")).toBe(k);
    expect(key("https://PROTOTHEMA.gr/greece/article/123")).toBe(k);
    expect(key("https://protothema.gr/greece/article/124")).not.toBe(k);
    expect(key("https://site.gr/a?id=2&p=1")).toBe(key("https://site.gr/a?p=1&id=2"));
  });
});

describe("prefill from a message", () => {
  it("reads Slack's link and mention markup as a person would", () => {
    expect(plainTextOfMessage("Δείτε <https://a.gr|εδώ> <@U123> &amp; <!here>")).toBe("Δείτε εδώ  &");
  });

  it("takes the first link, the unfurl's title and site, and the text as summary", () => {
    const p = prefillFromMessage({
      text: "Άρθρο για τον Δήμο: <https://www.lifo.gr/x>",
      attachments: [{ title: "Τίτλος άρθρου", service_name: "LiFO", from_url: "https://www.lifo.gr/x" }],
    });
    expect(p).toMatchObject({ url: "https://www.lifo.gr/x", title: "Τίτλος άρθρου", outlet: "LiFO", medium: "online" });
    expect(p.summary).toBe("Άρθρο για τον Δήμο:");
  });

  it("falls back to the first line and the host without an unfurl", () => {
    const p = prefillFromMessage({ text: "Νέο πάρκο στο Μαρούσι\nπερισσότερα https://www.marousi.gr/news/1" });
    expect(p).toMatchObject({
      url: "https://www.marousi.gr/news/1",
      title: "Νέο πάρκο στο Μαρούσι",
      outlet: "marousi.gr",
    });
  });

  it("gives an empty form for a message with nothing usable", () => {
    expect(prefillFromMessage({ text: "" })).toEqual({
      url: undefined,
      title: undefined,
      outlet: undefined,
      summary: undefined,
      medium: undefined,
    });
  });
});

describe("the /clip command text", () => {
  it("reads nothing, a link, an escaped link, or something else", () => {
    expect(parseClipCommand("")).toEqual({ kind: "new" });
    expect(parseClipCommand(" https://a.gr/x ")).toEqual({ kind: "new", url: "https://a.gr/x" });
    expect(parseClipCommand("<https://a.gr/x|a.gr/x>")).toEqual({ kind: "new", url: "https://a.gr/x" });
    expect(parseClipCommand("search δήμαρχος")).toEqual({ kind: "search", text: "δήμαρχος" });
    expect(parseClipCommand("αναζήτηση")).toEqual({ kind: "search", text: "" });
    expect(parseClipCommand("searching δήμαρχος")).toEqual({ kind: "unknown", text: "searching δήμαρχος" });
  });
});

describe("validation", () => {
  const today = "2026-11-22";
  it("cleans what it keeps: spaces folded, duplicate topics merged, link key computed", () => {
    const r = validateClipping(
      { ...validClip, title: "  Ο   Δήμαρχος ", topicIds: ["1", "1", "2"] },
      { today, knownTopicIds: new Set([1, 2]) },
    );
    expect(r.ok && r.draft).toMatchObject({
      title: "Ο Δήμαρχος",
      topicIds: [1, 2],
      urlKey: "kathimerini.gr/society/park-marousi",
    });
  });

  it("accepts today's date and refuses tomorrow's", () => {
    expect(validateClipping({ ...validClip, publishedOn: today }, { today, knownTopicIds: new Set() }).ok).toBe(true);
    expect(validateClipping({ ...validClip, publishedOn: "2026-11-23" }, { today, knownTopicIds: new Set() }).ok).toBe(
      false,
    );
  });
});

describe("the clipping modal", () => {
  const topics = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: i + 1, nameEl: `Θέμα ${i + 1}`, nameEn: `Topic ${i + 1}` }));

  it.each(["el", "en"] as const)(
    "is a view Slack accepts, in %s, with everything filled in at the limits",
    (locale) => {
      const view = buildClipModal({
        t: messages(locale),
        locale,
        topics: topics(MAX_STATIC_OPTIONS),
        today: "2026-11-22",
        values: { ...validClip, title: "τ".repeat(400), summary: "σ".repeat(5000), topicIds: ["1", "100"] },
        metadata: { channel: "C1", source: { channel: "C1", ts: "1.2" }, confirmDuplicateOf: 7 },
        warning: messages(locale).clip.duplicateWarning("2026/0001", "x".repeat(300)),
      });
      expect(checkView(view)).toBeUndefined();
      expect(view.title.text.length).toBeLessThanOrEqual(24);
    },
  );

  it("switches to a searchable select beyond Slack's 100 options", () => {
    const view = buildClipModal({
      t: messages("el"),
      locale: "el",
      topics: topics(150),
      today: "2026-11-22",
      values: {},
      metadata: {},
    });
    expect(checkView(view)).toBeUndefined();
    const block = view.blocks.find((b) => b.block_id === "topicIds") as { element: { type: string } };
    expect(block.element.type).toBe("multi_external_select");
  });

  it("reads a submitted form back", () => {
    expect(readClipModalState({ values: clipFormState({ ...validClip, topicIds: ["3"] }) })).toMatchObject({
      ...validClip,
      topicIds: ["3"],
    });
  });
});

describe("text helpers", () => {
  it("escapes mrkdwn so user text cannot mention or disguise links", () => {
    expect(escapeMrkdwn("<!channel> & <@U1>")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt;");
    expect(mrkdwnLink("https://a.gr/x", "a|<b>")).toBe("<https://a.gr/x|a¦&lt;b&gt;>");
  });

  it("folds Greek accents, case and final sigma", () => {
    expect(foldGreek("ΔΉΜΑΡΧΟΣ")).toBe(foldGreek("δημαρχος"));
    expect(foldGreek("Γεώργιος")).toBe("γεωργιοσ");
  });
});

describe("search results", () => {
  const hit = {
    id: 1,
    registerNumber: "2026/0001",
    publishedOn: "2026-11-20",
    outlet: "Τα <Νέα>",
    medium: "print" as const,
    tone: "negative" as const,
    title: "Τίτλος & <b>",
    url: null,
    withdrawn: false,
    replyOpen: false,
  };
  it("say 'more than' when the matches were not all counted, and stay within Slack's limits", async () => {
    const { buildSearchResults } = await import("../../src/areas/clippings/slack/search-results-views.js");
    const result = {
      hits: Array.from({ length: 10 }, () => hit),
      total: 500,
      page: 1,
      pages: 2,
      approximate: false,
      moreThan: true,
    };
    const message = buildSearchResults({ t: messages("el"), text: "δήμαρχος", result, hasFilters: false });
    expect(message.text).toContain("Πάνω από 500");
    expect(checkMessageBlocks(message.blocks, 50)).toBeUndefined();
    expect(JSON.stringify(message.blocks)).toContain("Τα &lt;Νέα&gt;");
    expect(JSON.stringify(message.blocks)).toContain("_next");
    expect(JSON.stringify(message.blocks)).not.toContain("_prev");
    // The tone marks beside the results are explained under them.
    const legend = message.blocks.find((b) => b.type === "context");
    expect(JSON.stringify(legend)).toContain(
      ":large_green_circle: Θετικό · :white_circle: Ουδέτερο · :red_circle: Αρνητικό",
    );
  });
});
