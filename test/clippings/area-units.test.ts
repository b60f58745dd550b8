// The clippings' pure parts, without a database: who may change a clipping, what a correction
// changed, when a day is unusual, the codecs of what Slack hands back, and the views of the
// digest and the notices (with their plurals).
import { describe, expect, it } from "vitest";
import { changedFields, mayChangeClipping, surgeKinds } from "../../src/areas/clippings/rules.js";
import { newClippingPosts, surgeText } from "../../src/areas/clippings/slack/alert-views.js";
import { clipEditMetadata, clipModalMetadata } from "../../src/areas/clippings/slack/clip-modal-views.js";
import { renderClippingsSection, renderRepliesSection } from "../../src/areas/clippings/slack/digest-views.js";
import {
  buildReplyCloseModal,
  buildReplyRequestModal,
  replyMetadata,
} from "../../src/areas/clippings/slack/reply-views.js";
import { resultMenuChoice, searchPageValue } from "../../src/areas/clippings/slack/search-results-views.js";
import { buildWithdrawModal, withdrawMetadata } from "../../src/areas/clippings/slack/withdraw-views.js";
import type { ClippingRecord, OpenReply } from "../../src/areas/clippings/store.js";
import { messages } from "../../src/i18n/index.js";
import { checkView } from "../support/block-kit-limits.js";

describe("who may change a clipping", () => {
  it("is its author, or a manager; no one else", () => {
    const staff = { isStaff: true, isManager: false };
    expect(mayChangeClipping("U1", "U1", staff)).toBe(true);
    expect(mayChangeClipping("U2", "U1", { isStaff: true, isManager: true })).toBe(true);
    expect(mayChangeClipping("U2", "U1", staff)).toBe(false);
    // A revoked author: their own clipping is no longer theirs to change.
    expect(mayChangeClipping("U1", "U1", { isStaff: false, isManager: false })).toBe(false);
  });
});

describe("a correction's changes", () => {
  it("are the fields whose value differs, null included", () => {
    expect(
      changedFields({ title: "a", url: null, tone: "neutral" }, { title: "b", url: null, tone: "neutral" }),
    ).toEqual(["title"]);
    expect(changedFields({ url: null }, { url: "https://x.gr" })).toEqual(["url"]);
    expect(changedFields({ title: "a" }, { title: "a" })).toEqual([]);
  });
});

describe("a surge", () => {
  it("is at least 6 clippings and twice the usual day, or 3 negative ones", () => {
    expect(surgeKinds({ total: 5, negative: 0, usual: 0 })).toEqual([]);
    expect(surgeKinds({ total: 6, negative: 0, usual: 3 })).toEqual(["total"]);
    expect(surgeKinds({ total: 6, negative: 0, usual: 3.5 })).toEqual([]);
    expect(surgeKinds({ total: 7, negative: 3, usual: 0.5 })).toEqual(["total", "negative"]);
    expect(surgeKinds({ total: 3, negative: 3, usual: 10 })).toEqual(["negative"]);
  });

  it("is said in the reader's language", () => {
    const stats = { total: 7, negative: 3, usual: 0.54 };
    expect(surgeText(messages("el"), "total", stats)).toContain("*7* (συνήθως 0.5 την ημέρα)");
    expect(surgeText(messages("en"), "negative", stats)).toContain("*3* negative clippings today");
    expect(surgeText(messages("el"), "negative", { ...stats, negative: 1 })).toContain(
      "*1* αρνητικό δημοσίευμα σήμερα",
    );
  });
});

describe("the codecs of what Slack hands back", () => {
  it("read a result's menu choice, and nothing else", () => {
    expect(resultMenuChoice.decode("edit:42")).toEqual({ verb: "edit", id: 42 });
    expect(resultMenuChoice.decode(resultMenuChoice.encode({ verb: "close", id: 7 }))).toEqual({
      verb: "close",
      id: 7,
    });
    for (const forged of ["edit:abc", "delete:4", "edit:0", "edit:4:5", "edit:", "", undefined, "edit:99999999999"]) {
      expect(resultMenuChoice.decode(forged)).toBeUndefined();
    }
  });

  it("read a page button's search and page", () => {
    expect(searchPageValue.decode(searchPageValue.encode({ q: "πάρκο", p: 2 }))).toEqual({ q: "πάρκο", p: 2 });
    for (const forged of ['{"q":"x","p":0}', '{"q":1,"p":1}', '{"q":"x","p":1.5}', "x", undefined]) {
      expect(searchPageValue.decode(forged)).toBeUndefined();
    }
  });

  it("read the forms' metadata; the log form may carry nothing, the others must name their clipping", () => {
    const meta = { channel: "C1", source: { channel: "C1", ts: "1700000000.000100" }, confirmDuplicateOf: 7 };
    expect(clipModalMetadata.decode(clipModalMetadata.encode(meta))).toEqual(meta);
    expect(clipModalMetadata.decode("")).toEqual({});
    expect(clipModalMetadata.decode('{"channel":"<!here>"}')).toBeUndefined();
    expect(clipModalMetadata.decode('{"confirmDuplicateOf":"7"}')).toBeUndefined();
    expect(clipEditMetadata.decode('{"channel":"C1"}')).toBeUndefined();
    // The correction form carries the version it was opened at: without it, it is not one.
    expect(clipEditMetadata.decode('{"clippingId":3}')).toBeUndefined();
    expect(clipEditMetadata.decode('{"clippingId":3,"version":0}')).toEqual({ clippingId: 3, version: 0 });
    expect(withdrawMetadata.decode('{"clippingId":"3"}')).toBeUndefined();
    expect(withdrawMetadata.decode(withdrawMetadata.encode({ clippingId: 3, channel: "C1" }))).toEqual({
      clippingId: 3,
      channel: "C1",
    });
    expect(replyMetadata.decode('{"clippingId":3,"registerNumber":"<script>"}')).toBeUndefined();
    expect(replyMetadata.decode('{"clippingId":3,"registerNumber":"2026/0001"}')).toEqual({
      clippingId: 3,
      registerNumber: "2026/0001",
    });
  });
});

const clipping = (over: Partial<ClippingRecord> = {}): ClippingRecord => ({
  id: 5,
  registerNumber: "2026/0005",
  publishedOn: "2026-11-20",
  title: "Νέο <πάρκο>",
  outlet: "Καθημερινή",
  medium: "print",
  tone: "positive",
  scope: "municipality",
  url: null,
  summary: null,
  createdBy: "U1",
  createdAt: new Date("2026-11-20T08:00:00Z"),
  withdrawReason: null,
  withdrawn: false,
  topics: [{ id: 1, nameEl: "Πολιτισμός", nameEn: "Culture" }],
  ...over,
});

describe("a new clipping's notices", () => {
  it("are one post per department channel and watched term, each with its own key, escaped", () => {
    const posts = newClippingPosts(
      {
        clipping: clipping(),
        departments: [{ id: 2, nameEl: "Καθαριότητα", nameEn: "Cleaning", channelId: "C0CLEAN" }],
        watchHits: [{ id: 9, term: "πάρκο <!here>", channelId: "C0WATCH" }],
      },
      "el",
    );
    expect(posts.map((p) => [p.key, p.channel])).toEqual([
      ["clipping:5:department:2", "C0CLEAN"],
      ["clipping:5:watch:9", "C0WATCH"],
    ]);
    expect(posts[0]?.text).toContain("«Καθαριότητα»");
    expect(posts[1]?.text).toContain("&lt;!here&gt;");
    expect(posts[1]?.text).not.toContain("<!here>");
  });
});

describe("the digest's sections", () => {
  const reply = (over: Partial<OpenReply>): OpenReply => ({
    id: 1,
    registerNumber: "2026/0001",
    title: "Θέμα",
    url: null,
    assignee: "U1",
    dueOn: "2026-11-20",
    ...over,
  });

  it("count open and overdue replies in the right forms (1 ανοιχτή, 1 εκπρόθεσμη)", () => {
    const one = renderRepliesSection({ open: [reply({})], overdue: 1 }, { date: "2026-11-23", locale: "el" });
    expect(one.summary).toBe("*1* ανοιχτή, από τις οποίες *1* εκπρόθεσμη");
    expect(one.items[0]).toContain(":warning: εκπρόθεσμη από 20/11/2026");
    const two = renderRepliesSection(
      { open: [reply({}), reply({ id: 2 })], overdue: 0 },
      { date: "2026-11-19", locale: "el" },
    );
    expect(two.summary).toBe("*2* ανοιχτές");
    const en = renderRepliesSection(
      { open: [reply({}), reply({ id: 2 })], overdue: 1 },
      { date: "2026-11-23", locale: "en" },
    );
    expect(en.summary).toBe("*2* open, *1* of them overdue");
  });

  it("list the new clippings by tone and topic, titles escaped", () => {
    const section = renderClippingsSection([clipping(), clipping({ id: 6, tone: "negative", topics: [] })], {
      locale: "en",
    });
    expect(section.title).toBe("Press clippings");
    expect(section.summary).toContain("Culture 1");
    expect(section.items).toHaveLength(2);
    expect(section.items[0]).toContain("Νέο &lt;πάρκο&gt;");
    expect(section.items[1]).toContain(":red_circle:");
  });
});

describe("plurals", () => {
  it("say 1 result, 1 clipping, and many of each", () => {
    const el = messages("el");
    const en = messages("en");
    expect(el.search.found(1, "x", 1, 1)).toBe("*1* αποτέλεσμα για «x» (σελίδα 1 από 1)");
    expect(el.search.found(3, "x", 1, 1)).toBe("*3* αποτελέσματα για «x» (σελίδα 1 από 1)");
    expect(en.search.found(1, "x", 1, 1)).toBe("*1* result for “x” (page 1 of 1)");
    expect(el.export.ready(1, "11/2026")).toBe("Το μητρώο 11/2026: 1 δημοσίευμα, σε CSV και XLSX.");
    expect(en.export.ready(2, "11/2026")).toBe("The register for 11/2026: 2 clippings, as CSV and XLSX.");
    expect(el.export.pdfCount(1)).toBe("Σύνολο: 1 δημοσίευμα");
    expect(en.export.pdfCount(12)).toBe("Total: 12 clippings");
  });

  it("/clip has a summary for /grafeio help in both languages", () => {
    expect(messages("el").clip.commandSummary).toMatch(/δημοσιευμάτων/);
    expect(messages("en").clip.commandSummary).toMatch(/clippings/);
  });
});

describe("the withdrawal and reply forms", () => {
  it("stay within Slack's limits with a very long title, and carry their metadata through the codec", () => {
    const c = { id: 3, registerNumber: "2026/0003", title: "Τ".repeat(3000) };
    for (const locale of ["el", "en"] as const) {
      const t = messages(locale);
      const views = [
        buildWithdrawModal(t, c, "C1"),
        buildReplyRequestModal(t, c, "U1", "2026-11-20", "C1"),
        buildReplyCloseModal(t, c, "C1"),
      ];
      for (const view of views) expect(checkView(view)).toBeUndefined();
      expect(withdrawMetadata.decode(views[0]?.private_metadata)).toEqual({ clippingId: 3, channel: "C1" });
      expect(replyMetadata.decode(views[1]?.private_metadata)).toEqual({
        clippingId: 3,
        registerNumber: "2026/0003",
        channel: "C1",
      });
    }
  });
});
