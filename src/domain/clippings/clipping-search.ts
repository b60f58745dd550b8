// Finding clippings: stemmed Greek and English full-text search without accents, the spelling-free
// skeleton for Greeklish and misspellings, and trigram similarity when nothing else matches.
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { formatRegisterNumber } from "../registers/register-number.js";
import type { SearchQuery } from "./search-query.js";
import type { Medium, Tone } from "./validation.js";

export const PAGE_SIZE = 10;
/** Below this many expected matches the count is exact; above it, the planner's estimate. */
const EXACT_COUNT_UP_TO = 1000;
/** Up to this many expected matches, they are collected through the indexes and sorted. */
const COLLECT_MATCHES_UP_TO = 2000;

interface SearchRow {
  id: number;
  register_year: number;
  register_seq: number;
  published_on: Date;
  outlet: string;
  medium: Medium;
  tone: Tone;
  title: string;
  url: string | null;
  withdrawn: boolean;
  reply_open: boolean;
}

export interface SearchHit {
  id: number;
  registerNumber: string;
  publishedOn: string;
  outlet: string;
  medium: Medium;
  tone: Tone;
  title: string;
  url: string | null;
  withdrawn: boolean;
  replyOpen: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  /** Nothing matched exactly: these are the closest spellings. */
  approximate: boolean;
  /** `total` is the planner's estimate (many matches), not a count. */
  estimated: boolean;
}

/** Skeleton words → a prefix query: endings vary with Greek cases, so the last letters are dropped. */
export function phoneticPrefixQuery(skeleton: string): string | undefined {
  const terms = skeleton
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2)
    .slice(0, 12)
    .map((w) => (w.length <= 4 ? w : w.slice(0, Math.max(4, w.length - 2))))
    .map((w) => `${w}:*`);
  return terms.length ? terms.join(" & ") : undefined;
}

export function createClippingSearch({ prisma }: { prisma: PrismaClient }) {
  async function skeleton(text: string): Promise<string> {
    const rows = await prisma.$queryRaw<{ s: string | null }[]>`SELECT public.grafeio_phonetic(${text}) AS s`;
    return rows[0]?.s ?? "";
  }

  /** The planner's estimate of the rows a condition matches (no rows are read). */
  async function estimateRows(whereSql: Prisma.Sql): Promise<number> {
    const plan = await prisma.$queryRaw<
      { "QUERY PLAN": unknown }[]
    >`EXPLAIN (FORMAT JSON) SELECT 1 FROM clippings c ${whereSql}`;
    return Number(
      (plan[0]?.["QUERY PLAN"] as { Plan?: { "Plan Rows"?: number } }[] | undefined)?.[0]?.Plan?.["Plan Rows"] ?? 0,
    );
  }

  function filters(q: SearchQuery): Prisma.Sql[] {
    const where: Prisma.Sql[] = [];
    if (q.from) where.push(Prisma.sql`c.published_on >= ${q.from}::date`);
    if (q.to) where.push(Prisma.sql`c.published_on <= ${q.to}::date`);
    if (q.medium) where.push(Prisma.sql`c.medium = ${q.medium}::"Medium"`);
    if (q.tone) where.push(Prisma.sql`c.tone = ${q.tone}::"Tone"`);
    if (q.needsReply) where.push(Prisma.sql`c.needs_reply AND c.reply_closed_at IS NULL`);
    if (q.outlet) {
      where.push(
        // <% is word_similarity ≥ 0.6, answered by the trigram index on the outlet's skeleton.
        Prisma.sql`public.grafeio_phonetic(${q.outlet}) <% c.outlet_skeleton`,
      );
    }
    if (q.topic) {
      where.push(Prisma.sql`EXISTS (SELECT 1 FROM clipping_topics ct JOIN topics tp ON tp.id = ct.topic_id
        WHERE ct.clipping_id = c.id AND (tp.slug = ${q.topic}
          OR public.grafeio_phonetic(tp.name_el) LIKE public.grafeio_phonetic(${q.topic}) || '%'
          OR public.grafeio_phonetic(tp.name_en) LIKE public.grafeio_phonetic(${q.topic}) || '%'))`);
    }
    return where;
  }

  async function run(
    q: SearchQuery,
    match: Prisma.Sql | undefined,
    rank: Prisma.Sql,
  ): Promise<{ hits: SearchHit[]; total: number; estimated: boolean; more: boolean }> {
    const where = [...filters(q), ...(match ? [match] : [])];
    const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
    const byRelevance = q.sort === "relevance" && match !== undefined;
    const order = byRelevance
      ? Prisma.sql`ORDER BY rank DESC, published_on DESC, id DESC`
      : Prisma.sql`ORDER BY published_on DESC, id DESC`;
    const offset = (q.page - 1) * PAGE_SIZE;
    const estimate = await estimateRows(whereSql);
    const columns = Prisma.sql`c.id, c.register_year, c.register_seq, c.published_on, c.outlet, c.medium, c.tone, c.title,
      c.url, c.withdrawn_at IS NOT NULL AS withdrawn, (c.needs_reply AND c.reply_closed_at IS NULL) AS reply_open,
      ${byRelevance ? rank : Prisma.sql`0`} AS rank`;
    // Two plans, chosen here rather than by the planner, which assumes matches are spread evenly
    // over time: for a common word, walking the date index backwards finds a page at once; for a
    // rarer one (or a word with a filter), that walk can cross most of the table, while collecting
    // the matches through the GIN indexes and sorting them costs in proportion to the matches.
    const collect = match !== undefined && estimate <= COLLECT_MATCHES_UP_TO;
    const rows = await prisma.$queryRaw<(SearchRow & { total?: bigint | number })[]>(
      collect
        ? // The matches are all in hand: their number comes with the page, exactly.
          Prisma.sql`WITH m AS MATERIALIZED (SELECT ${columns} FROM clippings c ${whereSql})
            SELECT *, count(*) OVER () AS total FROM m ${order} LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}`
        : Prisma.sql`SELECT ${columns} FROM clippings c ${whereSql} ${order} LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}`,
    );
    const more = rows.length > PAGE_SIZE;
    const seen = offset + Math.min(rows.length, PAGE_SIZE);
    let total = seen;
    let estimated = false;
    if (collect && rows[0]?.total !== undefined) total = Number(rows[0].total);
    else if (more || (rows.length === 0 && offset > 0)) {
      // Counting every match of a common word costs more than the search; the planner's estimate
      // is shown instead, as search engines do ("about 4,600").
      if (more && estimate > EXACT_COUNT_UP_TO) {
        total = Math.max(estimate, seen + 1);
        estimated = true;
      } else {
        const counted = await prisma.$queryRaw<
          { n: bigint | number }[]
        >`SELECT count(*) AS n FROM clippings c ${whereSql}`;
        total = Number(counted[0]?.n ?? 0);
      }
    }
    return {
      total,
      estimated,
      more,
      hits: rows.slice(0, PAGE_SIZE).map((r) => ({
        id: r.id,
        registerNumber: formatRegisterNumber(r.register_year, r.register_seq),
        publishedOn: r.published_on.toISOString().slice(0, 10),
        outlet: r.outlet,
        medium: r.medium,
        tone: r.tone,
        title: r.title,
        url: r.url,
        withdrawn: r.withdrawn,
        replyOpen: r.reply_open,
      })),
    };
  }
  return {
    async searchClippings(q: SearchQuery): Promise<SearchResult> {
      const words = q.words.trim();
      if (!words) return finish(q, await run(q, undefined, Prisma.sql`0`), false);
      const fts = Prisma.sql`(plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${words}))
                            || plainto_tsquery('pg_catalog.english', public.grafeio_unaccent(${words})))`;
      const rank = Prisma.sql`ts_rank(c.search_fts, ${fts})`;
      const latin = /[a-z]/i.test(words);
      const prefix = phoneticPrefixQuery(await skeleton(words));
      const phonetic = prefix ? Prisma.sql`c.search_phonetic @@ to_tsquery('pg_catalog.simple', ${prefix})` : undefined;
      // Greek script: the stemmed index first. Latin script may be Greeklish: both at once.
      let result = await run(
        q,
        latin && phonetic ? Prisma.sql`(c.search_fts @@ ${fts} OR ${phonetic})` : Prisma.sql`c.search_fts @@ ${fts}`,
        rank,
      );
      // The stemmer reads some endings differently (παιδικός, παιδικού): the skeleton's prefixes do not.
      if (result.hits.length === 0 && !latin && phonetic) result = await run(q, phonetic, rank);
      if (result.hits.length > 0 || q.page > 1) return finish(q, result, false);
      // Typos, Greeklish spellings and words the prefix cannot reach (marousiou → Αμαρουσίου):
      // every word must be close, by trigrams, to some word of the title or outlet.
      const near = (await skeleton(words))
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length >= 3)
        .slice(0, 8);
      if (near.length === 0) return finish(q, result, false);
      const target = Prisma.sql`public.grafeio_phonetic(c.title || ' ' || c.outlet)`;
      const all = Prisma.join(
        near.map((w) => Prisma.sql`${w} <% ${target}`),
        " AND ",
      );
      const score = Prisma.join(
        near.map((w) => Prisma.sql`word_similarity(${w}, ${target})`),
        " + ",
      );
      const close = await run({ ...q, sort: "relevance" }, Prisma.sql`(${all})`, Prisma.sql`(${score})`);
      return finish(q, close, close.hits.length > 0);
    },
  };
}

function finish(
  q: SearchQuery,
  r: { hits: SearchHit[]; total: number; estimated: boolean; more: boolean },
  approximate: boolean,
): SearchResult {
  const pages = r.more
    ? Math.max(q.page + 1, Math.ceil(r.total / PAGE_SIZE))
    : Math.max(1, q.page, Math.ceil(r.total / PAGE_SIZE));
  return { hits: r.hits, total: r.total, page: q.page, pages, approximate, estimated: r.estimated };
}
