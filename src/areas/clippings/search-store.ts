// Finding clippings: stemmed Greek and English full-text search without accents, the spelling-free
// skeleton for Greeklish and misspellings, and trigram similarity when nothing else matches.
//
// How a search stays fast on a large register (see the search_facets migration): the filters that
// can be (tone, medium, open reply, outlet) are terms of the search vectors, so the GIN index scan
// intersects them with the words. Newest first, the matches are read window by window of dates
// (months, then years: dateWindows), each through the index, until the page and COUNT_UP_TO + 1
// matches are in hand: a common word reads a month of its matches, not all of them. Up to
// COUNT_UP_TO the count is exact; beyond, the answer is "more than COUNT_UP_TO". By relevance,
// every match is ranked and counted. Words in Latin letters (Greeklish or English) take one scan
// of the skeleton index (the latin_word_query migration). A search is one statement, sent
// through the driver, not Prisma (src/db/sql-reader.ts).

import { formatRegisterNumber } from "../../db/register-number.js";
import type { PlannerSettings, SqlReader } from "../../db/sql-reader.js";
import { Prisma } from "../../generated/prisma/client.js";
import { localDate } from "../../lib/clock.js";
import { greeklishSkeleton, type Synonym, searchWords, withSynonyms } from "../../lib/greeklish.js";
import type { DomainDeps } from "../deps.js";
import type { SearchQuery } from "./search-query.js";
import {
  COUNT_UP_TO,
  dateWindows,
  finish,
  OLDEST,
  PAGE_SIZE,
  type PageOfMatches,
  type SearchHit,
  type SearchResult,
  term,
} from "./search-results.js";
import type { Medium, Tone } from "./validation.js";

interface SearchRow {
  id: number;
  register_year: number;
  register_seq: number;
  /** YYYY-MM-DD (see SqlReader). */
  published_on: string;
  outlet: string;
  medium: Medium;
  tone: Tone;
  title: string;
  url: string | null;
  withdrawn: boolean;
  reply_open: boolean;
}

/**
 * What a search matches: SQL conditions for all time, or (text searches) for a window of months
 * given as tsquery terms, which the GIN index answers together with the words.
 */
interface Matcher {
  /** Common table expressions the conditions use, each followed by a comma (or empty). */
  with: Prisma.Sql;
  /** `within`: a tsquery of facet terms (a window of dates) that the words must also match. */
  where(within?: Prisma.Sql): Prisma.Sql[];
  rank: Prisma.Sql;
  windowed: boolean;
  /** Searched through the search indexes only (see THROUGH_INDEXES). */
  throughIndexes: boolean;
}

function toHit(r: SearchRow): SearchHit {
  return {
    id: r.id,
    registerNumber: formatRegisterNumber(r.register_year, r.register_seq),
    publishedOn: r.published_on,
    outlet: r.outlet,
    medium: r.medium,
    tone: r.tone,
    title: r.title,
    url: r.url,
    withdrawn: r.withdrawn,
    replyOpen: r.reply_open,
  };
}

/**
 * A search through the indexes runs with a planner that may use the indexes that search and
 * nothing else. Left to itself it takes the @@ test for cheap and matches for spread evenly over
 * time: it gathers matches by reading the table from its start, or walks the date index through a
 * year's window, reading tens of thousands of rows (25 to 150 ms instead of 3). No parallel
 * workers, so that the windows of newestFirstPage are searched in order.
 */
const THROUGH_INDEXES: PlannerSettings = {
  enable_seqscan: "off",
  enable_indexscan: "off",
  max_parallel_workers_per_gather: "0",
};

/** The search's statements, read through the driver, not Prisma: one search is one statement of a few ms. */
export function createSearchStore({ reader, clock, timeZone }: Omit<DomainDeps, "prisma"> & { reader: SqlReader }) {
  const columns = Prisma.sql`c.id, c.register_year, c.register_seq, c.published_on, c.outlet, c.medium, c.tone,
    c.title, c.url, c.withdrawn_at IS NOT NULL AS withdrawn, (c.needs_reply AND c.reply_closed_at IS NULL) AS reply_open`;
  const newestFirst = Prisma.sql`ORDER BY published_on DESC, id DESC`;

  const select = <T>(m: Matcher, sql: Prisma.Sql) =>
    reader.read<T>(sql, m.throughIndexes ? THROUGH_INDEXES : undefined);

  /** The filters that are facets, as a tsquery to AND with the words (see the search_facets migration). */
  function facetQuery(q: SearchQuery): Prisma.Sql | undefined {
    const terms: string[] = [];
    if (q.tone) terms.push(term(`~ t${q.tone}`));
    if (q.medium) terms.push(term(`~ k${q.medium}`));
    if (q.needsReply) terms.push(term("~ reply"));
    const parts = terms.length ? [Prisma.sql`${terms.join(" & ")}::tsquery`] : [];
    // The outlets the name stands for, once per statement (a sub-select is evaluated once).
    if (q.outlet) parts.push(Prisma.sql`(SELECT public.grafeio_outlet_query(${q.outlet}))`);
    return parts.length ? Prisma.join(parts, " && ") : undefined;
  }

  /** Conditions on the columns: the dates and the topic always; the facets when not in a tsquery. */
  function columnFilters(q: SearchQuery, facetColumns = false): Prisma.Sql[] {
    const where: Prisma.Sql[] = [];
    // With words, the dates are checked on the rows the search index gives, never through the date
    // index: the planner would intersect the two, and a year of dates is a bitmap of tens of
    // thousands of rows built for each window of newestFirstPage. (+ 0 keeps the index out.)
    const publishedOn = facetColumns ? Prisma.sql`c.published_on` : Prisma.sql`(c.published_on + 0)`;
    if (q.from) where.push(Prisma.sql`${publishedOn} >= ${q.from}::date`);
    if (q.to) where.push(Prisma.sql`${publishedOn} <= ${q.to}::date`);
    if (q.topic) {
      where.push(Prisma.sql`EXISTS (SELECT 1 FROM clipping_topics ct JOIN topics tp ON tp.id = ct.topic_id
        WHERE ct.clipping_id = c.id AND (tp.slug = ${q.topic}
          OR public.grafeio_phonetic(tp.name_el) LIKE public.grafeio_phonetic(${q.topic}) || '%'
          OR public.grafeio_phonetic(tp.name_en) LIKE public.grafeio_phonetic(${q.topic}) || '%'))`);
    }
    if (facetColumns) {
      if (q.medium) where.push(Prisma.sql`c.medium = ${q.medium}::"Medium"`);
      if (q.tone) where.push(Prisma.sql`c.tone = ${q.tone}::"Tone"`);
      if (q.needsReply) where.push(Prisma.sql`c.needs_reply AND c.reply_closed_at IS NULL`);
      if (q.outlet) {
        where.push(Prisma.sql`c.outlet_skeleton IN (SELECT skeleton FROM clipping_outlets
          WHERE public.grafeio_phonetic(${q.outlet}) <% skeleton)`);
      }
    }
    return where;
  }

  /** Words through the search vectors; the facets and a window of months in the same index scan. */
  function textMatcher(q: SearchQuery, vectors: { fts?: Prisma.Sql; stems?: Prisma.Sql }, rank: Prisma.Sql): Matcher {
    // The tsqueries once per statement, words and facets together: every part of the statement
    // reads them, and a function of the words in each part was planned, and run, in each part.
    const facets = facetQuery(q);
    const and = facets ? Prisma.sql` && ${facets}` : Prisma.empty;
    const queries: Prisma.Sql[] = [];
    if (vectors.fts) queries.push(Prisma.sql`(${vectors.fts})${and} AS fts`);
    if (vectors.stems) queries.push(Prisma.sql`(${vectors.stems})${and} AS stems`);
    return {
      with: Prisma.sql`words AS MATERIALIZED (SELECT ${Prisma.join(queries)}),`,
      windowed: true,
      throughIndexes: true,
      rank,
      where(within) {
        const window = within ? Prisma.sql` && ${within}` : Prisma.empty;
        const parts: Prisma.Sql[] = [];
        if (vectors.fts) parts.push(Prisma.sql`c.search_fts @@ ((SELECT fts FROM words)${window})`);
        if (vectors.stems) parts.push(Prisma.sql`c.search_phonetic @@ ((SELECT stems FROM words)${window})`);
        return [...columnFilters(q), Prisma.sql`(${Prisma.join(parts, " OR ")})`];
      },
    };
  }

  /** Filters alone, or a condition that is not a tsquery (near spellings). */
  function columnMatcher(q: SearchQuery, condition?: Prisma.Sql, rank = Prisma.sql`0`): Matcher {
    return {
      with: Prisma.empty,
      windowed: false,
      // Near spellings go through the trigram index; filters alone, through whichever fits.
      throughIndexes: condition !== undefined,
      rank,
      where: () => [...columnFilters(q, true), ...(condition ? [condition] : [])],
    };
  }

  const whereSql = (conditions: Prisma.Sql[]) =>
    conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  /** By relevance every match is ranked, so every match is also counted. */
  async function byRelevance(q: SearchQuery, m: Matcher): Promise<PageOfMatches> {
    const offset = (q.page - 1) * PAGE_SIZE;
    const rows = await select<Partial<SearchRow> & { total: bigint | number | string }>(
      m,
      Prisma.sql`
      WITH ${m.with} m AS MATERIALIZED (SELECT ${columns}, ${m.rank} AS rank FROM clippings c ${whereSql(m.where())}),
        n AS (SELECT count(*) AS total FROM m)
      SELECT n.total, p.* FROM n LEFT JOIN LATERAL (
        SELECT * FROM m ORDER BY rank DESC, published_on DESC, id DESC LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}) p ON true`,
    );
    const total = Number(rows[0]?.total ?? 0);
    const page = rows.filter((r) => r.id != null) as SearchRow[];
    return { total, moreThan: false, more: page.length > PAGE_SIZE, hits: page.slice(0, PAGE_SIZE).map(toHit) };
  }

  async function newestFirstPage(q: SearchQuery, m: Matcher): Promise<PageOfMatches> {
    const offset = (q.page - 1) * PAGE_SIZE;
    const keep = Math.max(COUNT_UP_TO + 1, offset + PAGE_SIZE + 1);
    const page = (matches: Prisma.Sql) =>
      select<Partial<SearchRow> & { total: bigint | number | string }>(
        m,
        Prisma.sql`
      WITH ${m.with} m AS MATERIALIZED (${matches}), n AS (SELECT count(*) AS total FROM m)
      SELECT n.total, p.* FROM n LEFT JOIN LATERAL (
        SELECT * FROM m ${newestFirst} LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}) p ON true`,
      );
    let rows: Awaited<ReturnType<typeof page>>;
    if (m.windowed) {
      // The newest matches, window after window (a nested loop over the windows, in their order),
      // each window's through the GIN index and sorted; the LIMIT ends the statement, so older
      // windows are not searched once enough are found. Without parallel workers the parts run
      // in order (see THROUGH_INDEXES).
      const today = localDate(clock.now(), timeZone);
      const newest = q.to && q.to < today ? q.to : today;
      const windows = [...dateWindows(newest, q.from)].map(
        (w) => Prisma.sql`(${w.terms.map(term).join(" | ")}::tsquery, ${w.before ?? null}::date)`,
      );
      // Dates the windows do not cover, before and after them: none, as a rule (no clipping is
      // published in the future or before 1900), but a search must not lose what is there.
      const beyond = (condition: Prisma.Sql) =>
        Prisma.sql`(SELECT ${columns} FROM clippings c ${whereSql([...m.where(), condition])} ${newestFirst} LIMIT ${keep})`;
      const parts = [
        ...(newest === today ? [beyond(Prisma.sql`c.published_on > ${today}::date`)] : []),
        ...(windows.length
          ? [
              Prisma.sql`(SELECT x.* FROM (VALUES ${Prisma.join(windows)}) AS w(terms, before) CROSS JOIN LATERAL (
                SELECT ${columns} FROM clippings c
                ${whereSql([...m.where(Prisma.sql`w.terms`), Prisma.sql`(w.before IS NULL OR c.published_on + 0 < w.before)`])}
                ${newestFirst} LIMIT ${keep}) x)`,
            ]
          : []),
        ...(q.from ? [] : [beyond(Prisma.sql`c.published_on < ${OLDEST}::date`)]),
      ];
      // From after to (από:2026-05 έως:2026-01): nothing to search.
      if (parts.length === 0) parts.push(Prisma.sql`(SELECT ${columns} FROM clippings c WHERE false)`);
      rows = await page(Prisma.sql`SELECT * FROM (${Prisma.join(parts, " UNION ALL ")}) a LIMIT ${keep}`);
    } else {
      rows = await page(Prisma.sql`SELECT ${columns} FROM clippings c ${whereSql(m.where())} LIMIT ${keep}`);
    }
    const total = Number(rows[0]?.total ?? 0);
    let found = rows.filter((r) => r.id != null) as SearchRow[];
    if (total >= keep && !m.windowed) {
      // Filters without words, many matches: walking the date index backwards meets a page at once.
      found = await reader.read<SearchRow>(Prisma.sql`SELECT ${columns} FROM clippings c ${whereSql(m.where())}
        ${newestFirst} LIMIT ${PAGE_SIZE + 1} OFFSET ${offset}`);
    }
    const moreThan = total > COUNT_UP_TO;
    return {
      total: moreThan ? COUNT_UP_TO : total,
      moreThan,
      more: found.length > PAGE_SIZE,
      hits: found.slice(0, PAGE_SIZE).map(toHit),
    };
  }

  const run = (q: SearchQuery, m: Matcher) => (q.sort === "relevance" ? byRelevance(q, m) : newestFirstPage(q, m));

  return {
    async searchClippings(q: SearchQuery): Promise<SearchResult> {
      // Articles and prepositions say nothing (unless they are all there is: see searchWords).
      const words = searchWords(q.words.trim());
      if (!/[\p{L}\p{N}]/u.test(words)) return finish(q, await run({ ...q, sort: "newest" }, columnMatcher(q)), false);
      // The query, and the query with the office's synonyms in place (Μαρούσι, Αμαρούσιο): any matches.
      const synonyms = await reader.read<Synonym>(Prisma.sql`SELECT term, synonym FROM search_synonyms`);
      const variants = withSynonyms(words, synonyms);
      const isLatin = (v: string) => /[a-z]/i.test(v);
      const isGreek = (v: string) => /[\u0370-\u03ff\u1f00-\u1fff]/u.test(v);
      const any = (parts: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(parts, " || ")})`;
      // Each script through its own stemmer: the other one keeps the words whole, and a whole word
      // matches nothing its stem does not, while every extra term costs the index scan.
      const latin = isLatin(words);
      const greek = isGreek(words);
      const ftsOf = (v: string) => {
        const greekStems = Prisma.sql`plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${v}))`;
        const englishStems = Prisma.sql`plainto_tsquery('pg_catalog.english', public.grafeio_unaccent(${v}))`;
        const l = isLatin(v);
        const g = isGreek(v);
        return l && !g ? englishStems : g && !l ? greekStems : Prisma.sql`(${greekStems} || ${englishStems})`;
      };
      const fts = any(variants.map(ftsOf));
      const stems = any(variants.map((v) => Prisma.sql`public.grafeio_stem_query(${v})`));
      const rank = Prisma.sql`ts_rank(c.search_fts, ${fts})`;
      let result: PageOfMatches;
      if (!greek) {
        // Greeklish or English, one scan of the skeleton vector (see the latin_word_query migration);
        // then English's own stemmer, for a word whose stem is not how its other forms begin.
        const latinStems = any(
          variants.map((v) =>
            isGreek(v) ? Prisma.sql`public.grafeio_stem_query(${v})` : Prisma.sql`public.grafeio_latin_query(${v})`,
          ),
        );
        result = await run(q, textMatcher(q, { stems: latinStems }, rank));
        if (result.total === 0) result = await run(q, textMatcher(q, { fts }, rank));
      } else {
        // Greek script (and mixed): the stemmed index first, and with Latin words the skeletons too.
        // A synonym's other cases too: the stemmer reads «Αμαρούσιο» and «Αμαρουσίου» apart.
        const both = latin || variants.length > 1;
        result = await run(q, textMatcher(q, both ? { fts, stems } : { fts }, rank));
        // The stemmer reads some endings differently (παιδικός, παιδικού): the skeleton's stems do not.
        if (result.total === 0 && !latin) result = await run(q, textMatcher(q, { stems }, rank));
      }
      if (result.total > 0) return finish(q, result, false);
      // Typos, Greeklish spellings and words the stems cannot reach (marousiou → Αμαρουσίου):
      // every word must be close, by trigrams, to some word of the title or outlet.
      const near = greeklishSkeleton(words)
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
      const close = await byRelevance(q, columnMatcher(q, Prisma.sql`(${all})`, Prisma.sql`(${score})`));
      return finish(q, close, close.total > 0);
    },
  };
}
