// What a search answers (its hits, its count, its pages), and the windows of publication dates it
// reads newest first: no database here (the statements are in search-store.ts).

import type { SearchQuery } from "./search-query.js";
import type { Medium, Tone } from "./validation.js";

export const PAGE_SIZE = 10;
/** Matches are counted exactly up to this many; beyond, the answer is "more than" this. */
export const COUNT_UP_TO = 100;

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
  /** The number of matches, or COUNT_UP_TO when `moreThan`. */
  total: number;
  page: number;
  pages: number;
  /** Nothing matched exactly: these are the closest spellings. */
  approximate: boolean;
  /** There are more than `total` matches; they were not all counted. */
  moreThan: boolean;
}

export interface PageOfMatches {
  hits: SearchHit[];
  total: number;
  moreThan: boolean;
  more: boolean;
}

/** A term as tsquery text, quoted so that spaces and quotes stay in the term. */
export const term = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
const pad = (n: number) => String(n).padStart(2, "0");

/** The register keeps nothing older (validation refuses it); older rows are still searched, last. */
export const OLDEST = "1900-01-01";

/** How many months each of the first windows holds (see dateWindows). */
const MONTH_WINDOWS = [1, 1, 2, 4];

/** Publication dates as facet terms (ORed), and before what date (the months already searched). */
export interface DateWindow {
  terms: string[];
  before?: string;
}

/**
 * Windows of publication, newest first, from `newest` back to `oldest`: one month, one month,
 * two, four (MONTH_WINDOWS), the rest of that year, then whole years, twice as many each time.
 * A window costs the GIN scan about the posting lists of the query's words, read again for each
 * window, and little for its own terms; every row it matches is read and sorted. So a search
 * with many matches ends in its first month, and one with few (a common word from one outlet)
 * reaches a hundred in three or four windows, not seven.
 */
export function* dateWindows(newest: string, oldest = OLDEST): Generator<DateWindow> {
  let year = Number(newest.slice(0, 4));
  let month = Number(newest.slice(5, 7));
  const oldestYear = Number(oldest.slice(0, 4));
  const oldestMonth = Number(oldest.slice(5, 7));
  const beforeOldest = (y: number, m: number) => y < oldestYear || (y === oldestYear && m < oldestMonth);
  for (const size of MONTH_WINDOWS) {
    const terms: string[] = [];
    for (let k = 0; k < size && !beforeOldest(year, month); k++) {
      terms.push(`~ m${year}-${pad(month)}`);
      month -= 1;
      if (month === 0) [year, month] = [year - 1, 12];
    }
    if (terms.length === 0) return;
    yield { terms };
  }
  if (beforeOldest(year, month)) return;
  if (month !== 12) {
    yield { terms: [`~ y${year}`], before: `${year}-${pad(month + 1)}-01` };
    year -= 1;
  }
  for (let span = 1; year >= oldestYear; span *= 2) {
    const years: string[] = [];
    for (let k = 0; k < span && year >= oldestYear; k++, year--) years.push(`~ y${year}`);
    yield { terms: years };
  }
}

export function finish(q: SearchQuery, r: PageOfMatches, approximate: boolean): SearchResult {
  const pages = r.moreThan
    ? r.more
      ? q.page + 1
      : q.page
    : Math.max(1, Math.ceil(r.total / PAGE_SIZE), r.more ? q.page + 1 : q.page);
  return { hits: r.hits, total: r.total, page: q.page, pages, approximate, moreThan: r.moreThan };
}
