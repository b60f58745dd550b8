// Finding clippings: stemmed Greek and English full-text search without accents, the spelling-free
// skeleton for Greeklish and misspellings, and trigram similarity when nothing else matches. The
// statements are in search-store.ts; what a search answers, in search-results.ts.

import type { SqlReader } from "../../db/sql-reader.js";
import type { DomainDeps } from "../deps.js";
import type { SearchQuery } from "./search-query.js";
import type { SearchResult } from "./search-results.js";
import { createSearchStore } from "./search-store.js";

export {
  COUNT_UP_TO,
  type DateWindow,
  dateWindows,
  PAGE_SIZE,
  type SearchHit,
  type SearchResult,
} from "./search-results.js";

/** The search reads through the driver, not Prisma: one search is one statement of a few ms. */
export function createClippingSearch(deps: Omit<DomainDeps, "prisma"> & { reader: SqlReader }) {
  const store = createSearchStore(deps);
  return {
    searchClippings: (q: SearchQuery): Promise<SearchResult> => store.searchClippings(q),
  };
}
