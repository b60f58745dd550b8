// The office's search synonyms (search_synonyms): pairs of words or names a search takes as one
// (Μαρούσι and Αμαρούσιο). The search reads them through the driver (search-store.ts); this is
// where they are listed, added and removed (`/grafeio synonyms`).
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";

export interface SearchSynonymRow {
  id: number;
  term: string;
  synonym: string;
}

export function createSynonymStore({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  const select = { id: true, term: true, synonym: true } as const;
  return {
    listSynonyms: (): Promise<SearchSynonymRow[]> =>
      prisma.searchSynonym.findMany({ select, orderBy: [{ term: "asc" }, { id: "asc" }] }),

    /** The pair, added, or the one already there (either way round). */
    async addSynonym(term: string, synonym: string, by: string): Promise<SearchSynonymRow & { added: boolean }> {
      const existing = await prisma.searchSynonym.findFirst({
        where: {
          OR: [
            { term, synonym },
            { term: synonym, synonym: term },
          ],
        },
        select,
      });
      if (existing) return { ...existing, added: false };
      const created = await prisma.searchSynonym.upsert({
        where: { term_synonym: { term, synonym } },
        create: { term, synonym, createdBy: by, createdAt: clock.now() },
        update: {},
        select,
      });
      return { ...created, added: true };
    },

    removeSynonym: async (id: number): Promise<boolean> =>
      (await prisma.searchSynonym.deleteMany({ where: { id } })).count > 0,
  };
}
