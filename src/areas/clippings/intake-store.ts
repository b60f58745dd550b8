// What another area (the press intake) may ask of the register, through a small interface:
// which of these texts mention which watched words, with the search's own Greek, Greeklish and
// stemmed matching (the same SQL functions the watch list and /clip search use), and which links
// are already registered. The only Prisma it uses is here.

import { formatRegisterNumber } from "../../db/register-number.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

export interface RegisteredLink {
  urlKey: string;
  clippingId: number;
  registerNumber: string;
  createdBy: string;
}

export function createIntakeLookups(prisma: PrismaClient) {
  return {
    /**
     * For each text, the terms it matches: stems in Greek and English (`search_fts`'s way), or the
     * spelling-free skeleton's stems (`search_phonetic`'s way: Greeklish, typos of accents).
     */
    async termsMatching(texts: readonly string[], terms: readonly string[]): Promise<string[][]> {
      const result = texts.map((): string[] => []);
      if (texts.length === 0 || terms.length === 0) return result;
      // Each text's vectors and each term's queries are computed once (MATERIALIZED), then every
      // pair compared: computed inside the join, the texts' vectors were made again for every term
      // (50 feeds × 50 new items × the watched words and topics: most of a run's time).
      const rows = await prisma.$queryRaw<{ i: bigint | number; term: string }[]>`
        WITH t AS MATERIALIZED (
               SELECT i,
                      to_tsvector('pg_catalog.greek', public.grafeio_unaccent(text))
                        || to_tsvector('pg_catalog.english', public.grafeio_unaccent(text)) AS fts,
                      public.grafeio_word_prefixes(public.grafeio_phonetic(text)) AS phonetic
               FROM unnest(${texts as string[]}::text[]) WITH ORDINALITY AS u(text, i)),
             w AS MATERIALIZED (
               SELECT term, plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(term)) AS fts,
                      public.grafeio_stem_query(term) AS stems
               FROM unnest(${terms as string[]}::text[]) AS v(term))
        SELECT t.i, w.term FROM t CROSS JOIN w
        WHERE (numnode(w.fts) > 0 AND t.fts @@ w.fts)
           OR (w.stems IS NOT NULL AND t.phonetic @@ w.stems)`;
      for (const row of rows) result[Number(row.i) - 1]?.push(row.term);
      return result;
    },

    /** The clippings registered under these link keys (the first of each). */
    async registeredLinks(urlKeys: readonly string[]): Promise<RegisteredLink[]> {
      if (urlKeys.length === 0) return [];
      const rows = await prisma.clipping.findMany({
        where: { urlKey: { in: [...urlKeys] } },
        orderBy: { id: "asc" },
        select: { id: true, urlKey: true, registerYear: true, registerSeq: true, createdBy: true },
      });
      const seen = new Map<string, RegisteredLink>();
      for (const r of rows)
        if (r.urlKey && !seen.has(r.urlKey))
          seen.set(r.urlKey, {
            urlKey: r.urlKey,
            clippingId: r.id,
            registerNumber: formatRegisterNumber(r.registerYear, r.registerSeq),
            createdBy: r.createdBy,
          });
      return [...seen.values()];
    },

    /** A clipping by its id (the picker's choice), withdrawn ones not, for «it is already there». */
    async clippingById(id: number): Promise<{ id: number; registerNumber: string; title: string } | null> {
      const c = await prisma.clipping.findFirst({
        where: { id, withdrawnAt: null },
        select: { id: true, registerYear: true, registerSeq: true, title: true },
      });
      return c
        ? { id: c.id, registerNumber: formatRegisterNumber(c.registerYear, c.registerSeq), title: c.title }
        : null;
    },

    /** A clipping by its register number (`2026/0012`) or id, for «it is already there». */
    async clippingByNumber(text: string): Promise<{ id: number; registerNumber: string; title: string } | null> {
      const m = /^(\d{4})\/(\d{1,6})$/.exec(text.trim());
      if (!m) return null;
      const c = await prisma.clipping.findFirst({
        where: { registerYear: Number(m[1]), registerSeq: Number(m[2]) },
        select: { id: true, registerYear: true, registerSeq: true, title: true },
      });
      return c
        ? { id: c.id, registerNumber: formatRegisterNumber(c.registerYear, c.registerSeq), title: c.title }
        : null;
    },
  };
}

export type IntakeLookups = ReturnType<typeof createIntakeLookups>;
