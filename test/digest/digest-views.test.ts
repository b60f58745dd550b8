// Tier 1: the morning digest's messages as data (no database, no Slack).
import { describe, expect, it } from "vitest";
import { buildDigestMessages } from "../../src/areas/digest/slack/digest-views.js";
import { messages } from "../../src/i18n/index.js";
import { checkMessage } from "../support/block-kit-limits.js";

const el = messages("el");
const en = messages("en");

describe("the digest's texts", () => {
  it("count in each language's plural forms", () => {
    expect(el.digest.clippingsSummary(1, 1, 0, 0)).toBe("*1* νέο: 1 θετικό, 0 ουδέτερα, 0 αρνητικά");
    expect(el.digest.clippingsSummary(6, 2, 2, 2)).toBe("*6* νέα: 2 θετικά, 2 ουδέτερα, 2 αρνητικά");
    expect(en.digest.clippingsSummary(6, 2, 2, 2)).toBe("*6* new: 2 positive, 2 neutral, 2 negative");
    expect(el.digest.more(2500)).toContain("2.500 ακόμη");
    expect(en.digest.more(2500)).toContain("2,500 more");
  });
});

describe("the digest's messages", () => {
  it("say there is nothing new when no area has anything", () => {
    const { main, thread } = buildDigestMessages({ t: el, dateLabel: "23/11/2026", sections: [], late: false });
    expect(main.text).toContain("Πρωινή ενημέρωση, 23/11/2026");
    expect(JSON.stringify(main.blocks)).toContain("Τίποτα νέο");
    expect(thread).toEqual([]);
  });

  it("keep a long section within Slack's limits: the first items, then the rest in the thread", () => {
    const items = Array.from(
      { length: 300 },
      (_, i) => `• \`2026/${String(i + 1).padStart(4, "0")}\` ${"λ".repeat(80)}`,
    );
    const { main, thread } = buildDigestMessages({
      t: el,
      dateLabel: "23/11/2026",
      sections: [{ title: "Δημοσιεύματα", summary: "*300* νέα", items }],
      late: true,
    });
    for (const m of [main, ...thread]) expect(checkMessage({ ...m })).toBeUndefined();
    expect(JSON.stringify(main.blocks)).toContain("καθυστέρηση");
    expect(JSON.stringify(main.blocks)).toContain("…και 290 ακόμη");
    const all = [main, ...thread].map((m) => JSON.stringify(m.blocks)).join("");
    expect(all.match(/`2026\/\d{4}`/g)).toHaveLength(300);
  });
});
