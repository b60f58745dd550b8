// Finding clippings: stemmed Greek and English full-text search without accents, the spelling-free
// skeleton for Greeklish and misspellings, and trigram similarity when nothing else matches.
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { formatRegisterNumber } from "../registers/register-number.js";
import type { SearchQuery } from "./search-query.js";
import type { Medium, Tone } from "./validation.js";

export const PAGE_SIZE = 10;

export interface SearchHit {
  id: number;
  registerNumber: string;
  publishedOn: string;
  outlet: string;
  medium: Medium;
  tone: Tone;
  title: string;
  url: string | null;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  /** Nothing matched exactly: these are the closest spellings. */
  approximate: boolean;
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

  function filters(q: SearchQuery): Prisma.Sql[] {
    const where: Prisma.Sql[] = [];
    if (q.from) where.push(Prisma.sql`c.published_on >= ${q.from}::date`);
    if (q.to) where.push(Prisma.sql`c.published_on <= ${q.to}::date`);
    if (q.medium) where.push(Prisma.sql`c.medium = ${q.medium}::"Medium"`);
    if (q.tone) where.push(Prisma.sql`c.tone = ${q.tone}::"Tone"`);
    if (q.outlet) {
      where.push(
        Prisma.sql`word_similarity(public.grafeio_phonetic(${q.outlet}), public.grafeio_phonetic(c.outlet)) >= 0.6`,
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
  ): Promise<{ hits: SearchHit[]; total: number }> {
    const where = [...filters(q), ...(match ? [match] : [])];
    const whereSql = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
    const order =
      q.sort === "relevance" && match
        ? Prisma.sql`ORDER BY ${rank} DESC, c.published_on DESC, c.id DESC`
        : Prisma.sql`ORDER BY c.published_on DESC, c.register_year DESC, c.register_seq DESC`;
    const offset = (q.page - 1) * PAGE_SIZE;
    const rows = await prisma.$queryRaw<
      {
        id: number;
        register_year: number;
        register_seq: number;
        published_on: Date;
        outlet: string;
        medium: Medium;
        tone: Tone;
        title: string;
        url: string | null;
        total: bigint | number;
      }[]
    >`SELECT c.id, c.register_year, c.register_seq, c.published_on, c.outlet, c.medium, c.tone, c.title, c.url,
             count(*) OVER () AS total
      FROM clippings c ${whereSql} ${order} LIMIT ${PAGE_SIZE} OFFSET ${offset}`;
    let total = rows.length ? Number(rows[0]?.total) : 0;
    if (!rows.length && offset > 0) {
      const counted = await prisma.$queryRaw<
        { n: bigint | number }[]
      >`SELECT count(*) AS n FROM clippings c ${whereSql}`;
      total = Number(counted[0]?.n ?? 0);
    }
    return {
      total,
      hits: rows.map((r) => ({
        id: r.id,
        registerNumber: formatRegisterNumber(r.register_year, r.register_seq),
        publishedOn: r.published_on.toISOString().slice(0, 10),
        outlet: r.outlet,
        medium: r.medium,
        tone: r.tone,
        title: r.title,
        url: r.url,
      })),
    };
  }

  return {
    async searchClippings(q: SearchQuery): Promise<SearchResult> {
      const words = q.words.trim();
      let result: { hits: SearchHit[]; total: number };
      let approximate = false;
      if (!words) {
        result = await run(q, undefined, Prisma.sql`0`);
      } else {
        const prefix = phoneticPrefixQuery(await skeleton(words));
        const fts = Prisma.sql`(plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${words}))
                            || plainto_tsquery('pg_catalog.english', public.grafeio_unaccent(${words})))`;
        const match = prefix
          ? Prisma.sql`(c.search_fts @@ ${fts} OR c.search_phonetic @@ to_tsquery('pg_catalog.simple', ${prefix}))`
          : Prisma.sql`c.search_fts @@ ${fts}`;
        const rank = Prisma.sql`ts_rank(c.search_fts, ${fts})`;
        result = await run(q, match, rank);
        if (result.total === 0) {
          // Typos, Greeklish spellings and words the prefix cannot reach (marousiou → Αμαρουσίου):
          // every word must be close, by trigrams, to some word of the title or outlet.
          const near = (await skeleton(words))
            .split(/[^a-z0-9]+/)
            .filter((w) => w.length >= 3)
            .slice(0, 8);
          if (near.length) {
            const target = Prisma.sql`public.grafeio_phonetic(c.title || ' ' || c.outlet)`;
            const all = Prisma.join(
              near.map((w) => Prisma.sql`${w} <% ${target}`),
              " AND ",
            );
            const score = Prisma.join(
              near.map((w) => Prisma.sql`word_similarity(${w}, ${target})`),
              " + ",
            );
            result = await run({ ...q, sort: "relevance" }, Prisma.sql`(${all})`, Prisma.sql`(${score})`);
            approximate = result.total > 0;
          }
        }
      }
      return { ...result, page: q.page, pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE)), approximate };
    },
  };
}

export type ClippingSearch = ReturnType<typeof createClippingSearch>;
