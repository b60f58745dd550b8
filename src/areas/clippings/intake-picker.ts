// The clippings «Υπάρχει ήδη» offers to choose from, as the person types: a register number
// (`2026/0012`) is that clipping; other words go through the register's own search (Greek,
// Greeklish, stemmed), newest first, withdrawn ones left out.
import type { IntakeLookups } from "./intake-store.js";
import { parseSearchQuery, type SearchQuery } from "./search-query.js";
import type { SearchResult } from "./search-results.js";

export interface ClippingChoice {
  id: number;
  registerNumber: string;
  title: string;
  outlet?: string;
  publishedOn?: string;
}

export function createClippingPicker(deps: {
  lookups: Pick<IntakeLookups, "clippingByNumber">;
  search: { searchClippings(query: SearchQuery): Promise<SearchResult> };
}) {
  return {
    async findClippings(text: string): Promise<ClippingChoice[]> {
      const typed = text.trim();
      if (/^\d{4}\/\d{1,6}$/.test(typed)) {
        const found = await deps.lookups.clippingByNumber(typed);
        return found ? [found] : [];
      }
      const query = parseSearchQuery(typed);
      if ("error" in query) return [];
      const result = await deps.search.searchClippings(query);
      return result.hits
        .filter((h) => !h.withdrawn)
        .map((h) => ({
          id: h.id,
          registerNumber: h.registerNumber,
          title: h.title,
          outlet: h.outlet,
          publishedOn: h.publishedOn,
        }));
    },
  };
}
