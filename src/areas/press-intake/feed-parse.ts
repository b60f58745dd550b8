// A feed's text → its entries, whatever the format (RSS 2.0, Atom, RDF), through feedsmith; the
// HTML some feeds put in titles and descriptions read as text (htmlparser2: parsed, never run).

import { parseFeed } from "feedsmith";
import { Parser } from "htmlparser2";

export interface FeedEntry {
  title: string;
  link: string;
  summary: string;
  published: Date | null;
  /** The outlet an aggregator's item names as its source (RSS <source>: Google News, Bing). */
  source?: { name: string; host: string | null };
}

export type ParsedFeed = { ok: true; title: string | null; entries: FeedEntry[] } | { ok: false; error: string };

/** At most this many entries are read from one feed (the newest first, as feeds list them). */
export const MAX_ENTRIES = 200;

/** HTML as the text a reader sees: tags dropped, entities decoded, script and style left out. */
export function htmlToText(html: string): string {
  let text = "";
  let skipping = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === "script" || name === "style") skipping++;
        if (name === "br" || name === "p" || name === "div" || name === "li") text += " ";
      },
      onclosetag(name) {
        if ((name === "script" || name === "style") && skipping > 0) skipping--;
      },
      ontext(data) {
        if (skipping === 0) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return text.replace(/\s+/g, " ").trim();
}

const textOf = (value: unknown): string => {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "value" in value) return String((value as { value: unknown }).value ?? "");
  return "";
};

function dateOf(...candidates: unknown[]): Date | null {
  for (const c of candidates) {
    if (typeof c !== "string" || c.trim() === "") continue;
    const d = new Date(c);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return null;
}

/**
 * An aggregator's title ends with its source's name («Ο δήμαρχος … - Καθημερινή»): the article's
 * title is what comes before it.
 */
export function withoutSourceSuffix(title: string, sourceName: string | undefined): string {
  if (!sourceName) return title;
  for (const dash of [" - ", " – ", " — ", " | "]) {
    const suffix = `${dash}${sourceName}`;
    if (title.endsWith(suffix) && title.length > suffix.length) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

function sourceOf(value: unknown): FeedEntry["source"] {
  if (!value || typeof value !== "object") return undefined;
  const { title, url } = value as { title?: unknown; url?: unknown };
  const name = typeof title === "string" ? htmlToText(title) : "";
  let host: string | null = null;
  if (typeof url === "string") {
    try {
      host = new URL(url).hostname || null;
    } catch {
      host = null;
    }
  }
  return name || host ? { name, host } : undefined;
}

type Loose = Record<string, unknown> & {
  dc?: { dates?: string[]; date?: string };
  links?: { href?: string; rel?: string }[];
};

export function parseNewsFeed(text: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const feed = parsed.feed as unknown as Record<string, unknown>;
  const raw = ((parsed.format === "atom" ? feed.entries : feed.items) ?? []) as Loose[];
  const entries: FeedEntry[] = [];
  for (const item of raw.slice(0, MAX_ENTRIES)) {
    const link =
      parsed.format === "atom"
        ? ((item.links ?? []).find((l) => !l.rel || l.rel === "alternate")?.href ?? item.links?.[0]?.href ?? "")
        : textOf(item.link);
    const source = parsed.format === "atom" ? undefined : sourceOf(item.source);
    const title = withoutSourceSuffix(htmlToText(textOf(item.title)), source?.name);
    if (!link || !title) continue;
    const summary = htmlToText(textOf(item.summary) || textOf(item.description) || textOf(item.content));
    const published = dateOf(item.published, item.pubDate, item.updated, item.dc?.dates?.[0], item.dc?.date);
    entries.push({ title, link: link.trim(), summary, published, ...(source ? { source } : {}) });
  }
  return { ok: true, title: htmlToText(textOf(feed.title)) || null, entries };
}
