// Reads what a user types after `/clip search`: words, and filters in Greek or English.
//   /clip search δήμαρχος πάρκο από:2026-01-01 έως:2026-03-31 μέσο:Καθημερινή τόνος:αρνητικό
//   /clip search mayor park from:2026-01-01 outlet:kathimerini tone:negative sort:relevance

import { isRealIsoDate } from "../../lib/clock.js";
import { foldGreek } from "../../lib/text.js";
import { MEDIA, type Medium, TONES, type Tone } from "./validation.js";

export interface SearchQuery {
  words: string;
  from?: string;
  to?: string;
  outlet?: string;
  medium?: Medium;
  tone?: Tone;
  topic?: string;
  /** Only clippings that still owe a reply. */
  needsReply?: boolean;
  sort: "newest" | "relevance";
  page: number;
}

export type SearchQueryError =
  | { error: "empty" }
  | { error: "tooLong"; max: number }
  | { error: "nothingSearchable" }
  | { error: "badFilter"; filter: string };

export const MAX_QUERY_LENGTH = 500;

const KEYS: Record<string, keyof SearchQuery> = {
  from: "from",
  απο: "from",
  apo: "from",
  to: "to",
  εωσ: "to",
  ews: "to",
  eos: "to",
  outlet: "outlet",
  μεσο: "outlet",
  meso: "outlet",
  medium: "medium",
  ειδοσ: "medium",
  eidos: "medium",
  tone: "tone",
  τονοσ: "tone",
  χαρακτηρασ: "tone",
  topic: "topic",
  θεμα: "topic",
  θεματικη: "topic",
  thema: "topic",
  sort: "sort",
  ταξη: "sort",
  ταξινομηση: "sort",
  reply: "needsReply",
  απαντηση: "needsReply",
  apantisi: "needsReply",
};

const TONE_WORDS: Record<string, Tone> = {
  positive: "positive",
  θετικο: "positive",
  θετικα: "positive",
  neutral: "neutral",
  ουδετερο: "neutral",
  ουδετερα: "neutral",
  negative: "negative",
  αρνητικο: "negative",
  αρνητικα: "negative",
};
const MEDIUM_WORDS: Record<string, Medium> = {
  print: "print",
  εντυπο: "print",
  εφημεριδα: "print",
  online: "online",
  διαδικτυο: "online",
  διαδικτυακο: "online",
  site: "online",
  tv: "tv",
  τηλεοραση: "tv",
  radio: "radio",
  ραδιοφωνο: "radio",
  news_agency: "news_agency",
  agency: "news_agency",
  πρακτορειο: "news_agency",
};
const SORT_WORDS: Record<string, "newest" | "relevance"> = {
  newest: "newest",
  new: "newest",
  νεοτερα: "newest",
  ημερομηνια: "newest",
  relevance: "relevance",
  σχετικοτητα: "relevance",
};

/** Dates as 2026-03-01 or the Greek habit 1/3/2026. */
function readDate(value: string): string | undefined {
  if (isRealIsoDate(value)) return value;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]?.padStart(2, "0")}-${m[1]?.padStart(2, "0")}`;
  return isRealIsoDate(iso) ? iso : undefined;
}

export function parseSearchQuery(text: string | undefined, page = 1): SearchQuery | SearchQueryError {
  const raw = (text ?? "").trim();
  if (raw === "") return { error: "empty" };
  if (raw.length > MAX_QUERY_LENGTH) return { error: "tooLong", max: MAX_QUERY_LENGTH };
  const query: SearchQuery = { words: "", sort: "newest", page };
  const words: string[] = [];
  // Values may be quoted: μέσο:"Η Καθημερινή".
  for (const m of raw.matchAll(/([^\s:]+):("[^"]*"|\S+)|(\S+)/g)) {
    if (m[3] !== undefined) {
      words.push(m[3]);
      continue;
    }
    const key = KEYS[foldGreek(m[1] ?? "")];
    const value = (m[2] ?? "").replace(/^"|"$/g, "").trim();
    if (!key) {
      words.push(m[0]);
      continue;
    }
    const folded = foldGreek(value);
    switch (key) {
      case "from":
      case "to": {
        const date = readDate(value);
        if (!date) return { error: "badFilter", filter: m[0] };
        query[key] = date;
        break;
      }
      case "tone": {
        const tone = TONE_WORDS[folded] ?? TONES.find((t) => t === folded);
        if (!tone) return { error: "badFilter", filter: m[0] };
        query.tone = tone;
        break;
      }
      case "medium": {
        const medium = MEDIUM_WORDS[folded] ?? MEDIA.find((x) => x === folded);
        if (!medium) return { error: "badFilter", filter: m[0] };
        query.medium = medium;
        break;
      }
      case "sort": {
        const sort = SORT_WORDS[folded];
        if (!sort) return { error: "badFilter", filter: m[0] };
        query.sort = sort;
        break;
      }
      case "needsReply":
        if (!["yes", "open", "ναι", "ανοιχτη", "εκκρεμει"].includes(folded))
          return { error: "badFilter", filter: m[0] };
        query.needsReply = true;
        break;
      case "outlet":
      case "topic":
        if (!value) return { error: "badFilter", filter: m[0] };
        query[key] = value;
        break;
      default:
        break;
    }
  }
  query.words = words.join(" ");
  const hasFilter =
    query.from || query.to || query.outlet || query.medium || query.tone || query.topic || query.needsReply;
  if (!/[\p{L}\p{N}]/u.test(query.words) && !hasFilter) return { error: "nothingSearchable" };
  return query;
}

export function isSearchQueryError(q: SearchQuery | SearchQueryError): q is SearchQueryError {
  return "error" in q;
}
