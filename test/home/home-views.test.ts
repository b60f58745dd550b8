// The Home's rules and view as plain functions, checked against Slack's limits for a Home tab.
import { describe, expect, it } from "vitest";
import { bucketOf, itemsThatFit, sortItems } from "../../src/areas/home/home-rules.js";
import type { HomeData } from "../../src/areas/home/home-service.js";
import type { HomeItem } from "../../src/areas/home/home-source.js";
import { buildHomeView } from "../../src/areas/home/slack/home-views.js";
import { checkView } from "../support/block-kit-limits.js";

const today = "2026-11-25";
const weekEnd = "2026-12-01";
const item = (i: number, due: string | null): HomeItem => ({
  kind: "Εργασία",
  title: `*#${i}* ${"Μακρύς τίτλος ".repeat(30)}`,
  due,
  action:
    i % 3 === 0
      ? { type: "button", text: "Έγινε", actionId: "x_done", value: `done:${i}` }
      : i % 3 === 1
        ? {
            type: "overflow",
            actionId: "x_menu",
            options: [1, 2, 3, 4, 5, 6].map((n) => ({ text: `Επιλογή ${n}`, value: `${n}:${i}` })),
          }
        : {
            type: "select",
            placeholder: "Αργότερα",
            actionId: "x_sel",
            options: [{ text: "Σε μία ώρα", value: "hour" }],
          },
});

describe("the Home's order", () => {
  it("puts overdue first (oldest first), then today, this week, later and undated", () => {
    expect(bucketOf({ due: "2026-11-24" }, today, weekEnd)).toBe("overdue");
    expect(bucketOf({ due: today }, today, weekEnd)).toBe("today");
    expect(bucketOf({ due: weekEnd }, today, weekEnd)).toBe("week");
    expect(bucketOf({ due: "2026-12-02" }, today, weekEnd)).toBe("later");
    expect(bucketOf({ due: null }, today, weekEnd)).toBe("later");
    const sorted = sortItems(
      [item(1, null), item(2, "2026-11-28"), item(3, today), item(4, "2026-11-20"), item(5, "2026-11-24")],
      today,
      weekEnd,
    );
    expect(sorted.map((i) => i.due)).toEqual(["2026-11-20", "2026-11-24", today, "2026-11-28", null]);
  });

  it("never spends more blocks than it has: one per item, one per heading, one for «N more»", () => {
    const items = sortItems(
      Array.from({ length: 300 }, (_, i) => item(i, i % 2 ? today : "2026-11-20")),
      today,
      weekEnd,
    );
    const { shown, hidden } = itemsThatFit(items, today, weekEnd, 40);
    const headings = new Set(shown.map((i) => bucketOf(i, today, weekEnd))).size;
    expect(shown.length + headings + 1).toBeLessThanOrEqual(40);
    expect(shown.length + headings + 1).toBeGreaterThanOrEqual(39);
    expect(shown.length + hidden).toBe(300);
  });
});

describe("the Home view", () => {
  const data = (n: number): HomeData => ({
    status: "home",
    today,
    weekEnd,
    items: sortItems(
      Array.from({ length: n }, (_, i) => item(i, i % 4 === 0 ? null : `2026-11-2${i % 8}`)),
      today,
      weekEnd,
    ),
    notices: [
      { title: "Γιορτάζουν σήμερα", lines: Array.from({ length: 15 }, (_, i) => `• Επαφή ${i}`) },
      { title: "Οι εκδηλώσεις της εβδομάδας", lines: ["• Τρίτη"] },
    ],
    forms: ["a", "b", "c", "d", "e", "f"].map((a) => ({ text: `Νέο ${a}`, actionId: `${a}_new` })),
    digest: Array.from({ length: 14 }, (_, i) => ({
      title: `Ενότητα ${i}`,
      summary: "Σύνοψη",
      items: Array.from({ length: 30 }, (_, j) => `• ${j}`),
    })),
    health: {
      failed: [{ job: "morning-digest", failed: 2 }],
      problems: [{ channel: "C0PR", reason: "not_in_channel" }],
      unset: ["PR_CHANNEL_ID"],
    },
  });

  for (const n of [0, 1, 60, 300, 2000])
    it(`stays within a Home tab's limits with ${n} items, for an admin and manager at once`, () => {
      const view = buildHomeView(data(n), "el");
      expect(checkView(view)).toBeUndefined();
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const text = JSON.stringify(view.blocks);
      if (n > 60) expect(text).toMatch(/ακόμη εκκρεμότητες/);
      expect(text).toContain("PR_CHANNEL_ID");
      expect(text).toContain("morning-digest");
    });

  it("speaks English to a person who reads English", () => {
    const text = JSON.stringify(buildHomeView(data(300), "en").blocks);
    expect(text).toContain("Your office");
    expect(text).toMatch(/and \d+ more items/);
    expect(text).not.toContain("Εκπρόθεσμα");
  });

  it("shows a refusal, and nothing to click", () => {
    const view = buildHomeView({ status: "refused" }, "el");
    expect(checkView(view)).toBeUndefined();
    expect(JSON.stringify(view.blocks)).not.toContain("action_id");
  });
});
