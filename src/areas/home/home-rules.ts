// Pure rules of the Home: which items come first, and how many fit.
import type { HomeItem } from "./home-source.js";

export type HomeBucket = "overdue" | "today" | "week" | "later";

export const BUCKETS: readonly HomeBucket[] = ["overdue", "today", "week", "later"];

/** Where an item stands: overdue, due today, this week, or later (no date counts as later). */
export function bucketOf(item: Pick<HomeItem, "due">, today: string, weekEnd: string): HomeBucket {
  if (item.due === null) return "later";
  if (item.due < today) return "overdue";
  if (item.due === today) return "today";
  return item.due <= weekEnd ? "week" : "later";
}

/** The items in the Home's order: overdue (the oldest first), today, this week, later; then by title. */
export function sortItems(items: readonly HomeItem[], today: string, weekEnd: string): HomeItem[] {
  const rank = (i: HomeItem) => BUCKETS.indexOf(bucketOf(i, today, weekEnd));
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.due ?? "9999").localeCompare(b.due ?? "9999") ||
      a.kind.localeCompare(b.kind) ||
      a.title.localeCompare(b.title),
  );
}

/**
 * How many items are shown when `budget` blocks are left for them (one block each, plus a heading
 * per bucket and the "N more" line): the first ones in order, never past the budget.
 */
export function itemsThatFit(
  sorted: readonly HomeItem[],
  today: string,
  weekEnd: string,
  budget: number,
): { shown: HomeItem[]; hidden: number } {
  const shown: HomeItem[] = [];
  let used = 1; // the "N more" line, kept free in case it is needed
  let bucket: HomeBucket | undefined;
  for (const item of sorted) {
    const b = bucketOf(item, today, weekEnd);
    const cost = b === bucket ? 1 : 2;
    if (used + cost > budget) break;
    used += cost;
    bucket = b;
    shown.push(item);
  }
  return { shown, hidden: sorted.length - shown.length };
}
