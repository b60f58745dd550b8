// Search with more matches than it counts: the newest page is found window by window (months,
// then years) through the index. Whatever the filters and the page, it must be exactly the page
// a plain ORDER BY over the whole table gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COUNT_UP_TO, type DateWindow, dateWindows, PAGE_SIZE } from "../../src/areas/clippings/clipping-search.js";
import { isSearchQueryError, parseSearchQuery } from "../../src/areas/clippings/search-query.js";
import { ManualClock } from "../../src/lib/clock.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;
const OUTLETS = ["Η Καθημερινή", "Τα Νέα", "Ekathimerini", "ΕΡΤ", "Lifo"];
const TONES = ["positive", "neutral", "negative"];
const MEDIA = ["print", "online", "tv"];
const MATCHING = 460;

beforeAll(async () => {
  t = await startTestBot({ clock: new ManualClock(new Date("2026-11-22T09:00:00Z")) });
  const rows: string[] = [];
  const values: unknown[] = [];
  const add = (title: string, publishedOn: string, k: number) => {
    const o = values.length;
    values.push(
      title,
      OUTLETS[k % OUTLETS.length],
      publishedOn,
      MEDIA[k % MEDIA.length],
      TONES[(k * 7) % 3],
      `scale-${k}`,
    );
    rows.push(
      `(2000, ${k + 1}, $${o + 1}, $${o + 2}, $${o + 3}::date, $${o + 4}::"Medium", $${o + 5}::"Tone", 'municipality', 'UTEST', $${o + 6})`,
    );
  };
  // Clumped as real news is: a burst in March 2025, a quiet stretch, a few old ones, and the
  // dates no window covers (one in the future, one before 1900), several on the same day.
  for (let k = 0; k < MATCHING; k++) {
    const day =
      k < 300
        ? `2025-03-${String(1 + (k % 28)).padStart(2, "0")}`
        : k < 400
          ? `${2026 - (k % 3)}-${String(1 + (k % 12)).padStart(2, "0")}-15`
          : k < MATCHING - 2
            ? `${2008 + (k % 15)}-06-${String(1 + (k % 28)).padStart(2, "0")}`
            : k === MATCHING - 2
              ? "2027-02-01"
              : "1899-12-31";
    add(`Η ανάπλαση της πλατείας ${k}`, day, k);
  }
  for (let k = MATCHING; k < MATCHING + 40; k++) add(`Άλλο θέμα ${k}`, "2026-11-01", k);
  await t.database.db.prisma.$executeRawUnsafe(
    `INSERT INTO clippings (register_year, register_seq, title, outlet, published_on, medium, tone, scope, created_by, submission_key) VALUES ${rows.join(", ")}`,
    ...values,
  );
}, 60_000);
afterAll(() => t?.stop());

async function search(text: string, page = 1) {
  const query = parseSearchQuery(text, page);
  if (isSearchQueryError(query)) throw new Error(text);
  return t.bot.services.clippingSearch.searchClippings(query);
}

/** The same page by brute force: every row, filtered and sorted by the database. */
async function expected(where: string, page: number): Promise<{ ids: number[]; count: number }> {
  const prisma = t.database.db.prisma;
  const ids = await prisma.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM clippings WHERE title LIKE 'Η ανάπλαση%' ${where} ORDER BY published_on DESC, id DESC LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
  );
  const [n] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT count(*) AS n FROM clippings WHERE title LIKE 'Η ανάπλαση%' ${where}`,
  );
  return { ids: ids.map((r) => r.id), count: Number(n?.n ?? 0) };
}

describe("a search with more matches than it counts", () => {
  it.each([
    ["αναπλαση", "", 1],
    ["αναπλαση", "", 2],
    ["αναπλαση", "", 24],
    ["αναπλαση", "", 46],
    ["αναπλαση", "", 60],
    ["anaplasi", "", 1],
    ["αναπλαση τόνος:αρνητικό", "AND tone = 'negative'", 1],
    ["αναπλαση τόνος:αρνητικό", "AND tone = 'negative'", 9],
    ["αναπλαση είδος:tv", "AND medium = 'tv'", 4],
    ["αναπλαση μέσο:kathimerini", "AND outlet IN ('Η Καθημερινή', 'Ekathimerini')", 1],
    ["αναπλαση μέσο:kathimerini", "AND outlet IN ('Η Καθημερινή', 'Ekathimerini')", 12],
    ["αναπλαση από:2008-01-01", "AND published_on >= '2008-01-01'", 5],
    ["αναπλαση έως:2025-03-10", "AND published_on <= '2025-03-10'", 1],
    ["αναπλαση έως:2025-03-10", "AND published_on <= '2025-03-10'", 25],
    ["αναπλαση από:2010-01-01 έως:2026-06-30", "AND published_on BETWEEN '2010-01-01' AND '2026-06-30'", 3],
  ])("«%s» (%s) page %i is the page an ordered scan of the table gives", async (text, where, page) => {
    const want = await expected(where, page);
    const got = await search(text, page);
    expect(got.hits.map((h) => h.id)).toEqual(want.ids);
    if (want.count > COUNT_UP_TO) expect(got).toMatchObject({ total: COUNT_UP_TO, moreThan: true });
    else expect(got).toMatchObject({ total: want.count, moreThan: false });
    expect(got.pages > page).toBe(want.count > page * PAGE_SIZE);
  });

  it("finds the future and the very old too, and counts exactly below the limit", async () => {
    const future = await search("αναπλαση από:2027-01-01");
    expect(future).toMatchObject({ total: 1, moreThan: false });
    expect(future.hits[0]?.publishedOn).toBe("2027-02-01");
    expect(await search("αναπλαση από:2026-05-01 έως:2026-01-31")).toMatchObject({ total: 0, hits: [] });
    expect(await search("αναπλαση μέσο:xyzzy")).toMatchObject({ total: 0, hits: [] });
    const last = await search("αναπλαση", Math.ceil(MATCHING / PAGE_SIZE));
    expect(last.hits.at(-1)?.publishedOn).toBe("1899-12-31");
  });
});

describe("the windows of dates", () => {
  /** The months a window stands for: its month terms, or its years' months (before `before`). */
  const months = (w: DateWindow) =>
    w.terms.flatMap((term) => {
      if (term.startsWith("~ m")) return [term.slice(3)];
      const year = term.slice(3);
      return Array.from({ length: 12 }, (_, k) => `${year}-${String(12 - k).padStart(2, "0")}`).filter(
        (m) => w.before === undefined || `${m}-01` < w.before,
      );
    });

  it("grow from one month to years, newest first", () => {
    expect([...dateWindows("2026-11-22", "2019-03-05")]).toEqual([
      { terms: ["~ m2026-11"] },
      { terms: ["~ m2026-10"] },
      { terms: ["~ m2026-09", "~ m2026-08"] },
      { terms: ["~ m2026-07", "~ m2026-06", "~ m2026-05", "~ m2026-04"] },
      { terms: ["~ y2026"], before: "2026-04-01" },
      { terms: ["~ y2025"] },
      { terms: ["~ y2024", "~ y2023"] },
      { terms: ["~ y2022", "~ y2021", "~ y2020", "~ y2019"] },
    ]);
    expect([...dateWindows("2026-02-10", "2026-01-20")]).toEqual([
      { terms: ["~ m2026-02"] },
      { terms: ["~ m2026-01"] },
    ]);
    expect([...dateWindows("2026-03-10", "2024-05-01")]).toEqual([
      { terms: ["~ m2026-03"] },
      { terms: ["~ m2026-02"] },
      { terms: ["~ m2026-01", "~ m2025-12"] },
      { terms: ["~ m2025-11", "~ m2025-10", "~ m2025-09", "~ m2025-08"] },
      { terms: ["~ y2025"], before: "2025-08-01" },
      { terms: ["~ y2024"] },
    ]);
  });

  it("cover every month from the newest back to the oldest, once each, newest first", () => {
    const cases = [
      ["2026-11-22", "1900-01-01"],
      ["2026-01-01", "2025-12-31"],
      ["2026-12-31", "2026-12-01"],
      ["2026-08-15", "2025-09-30"],
      ["2025-06-30", "2020-01-01"],
    ] as const;
    for (const [newest, oldest] of cases) {
      const covered = [...dateWindows(newest, oldest)].flatMap(months);
      expect(covered[0], newest).toBe(newest.slice(0, 7));
      // Strictly older each time: newest first, and no month twice.
      for (const [k, month] of covered.entries())
        if (k > 0) expect(month < (covered[k - 1] as string), newest).toBe(true);
      // No month missing between the newest and the oldest's month.
      const expected: string[] = [];
      for (
        let d = new Date(`${newest.slice(0, 7)}-01T00:00:00Z`);
        d.toISOString().slice(0, 7) >= oldest.slice(0, 7);
      ) {
        expected.push(d.toISOString().slice(0, 7));
        d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
      }
      expect(covered.filter((m) => m >= oldest.slice(0, 7))).toEqual(expected);
    }
  });
});
