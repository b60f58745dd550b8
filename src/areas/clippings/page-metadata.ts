// What an article's page says of itself, read from its HTML: Open Graph (og:title, og:site_name,
// og:description, article:published_time), JSON-LD NewsArticle/Article (headline, datePublished,
// publisher.name), and <title> and <meta name=description> when those are missing. Pure: the page's
// text in, plain strings out. htmlparser2 is forgiving, so a broken page gives what it can; nothing
// in it is run.

import { Parser } from "htmlparser2";

export interface PageMetadata {
  title?: string;
  siteName?: string;
  description?: string;
  /** As the page writes it (ISO 8601, usually with a time and an offset). */
  publishedTime?: string;
}

const ARTICLE_TYPES = new Set(["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting"]);

/** Whitespace folded, and nothing past a sane length (a page may say anything). */
function clean(value: unknown, max = 3000): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.replace(/\s+/g, " ").trim().slice(0, max);
  return text || undefined;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  publisher?: string;
  description?: string;
}

function typesOf(node: Record<string, unknown>): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
}

/** The first article in a JSON-LD script: an object, an array of them, or an @graph. */
function articleInJsonLd(json: unknown): JsonLdArticle | undefined {
  const queue: unknown[] = [json];
  for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
    const node = queue.shift();
    if (Array.isArray(node)) {
      queue.push(...node);
      continue;
    }
    if (!node || typeof node !== "object") continue;
    const record = node as Record<string, unknown>;
    if (typesOf(record).some((t) => ARTICLE_TYPES.has(t))) {
      const publisher = record.publisher;
      const publisherName =
        typeof publisher === "string"
          ? publisher
          : Array.isArray(publisher)
            ? (publisher[0] as { name?: unknown } | undefined)?.name
            : (publisher as { name?: unknown } | undefined)?.name;
      return {
        headline: clean(record.headline ?? record.name),
        datePublished: clean(record.datePublished, 100),
        publisher: clean(publisherName, 200),
        description: clean(record.description),
      };
    }
    if (Array.isArray(record["@graph"])) queue.push(...record["@graph"]);
  }
  return undefined;
}

export function pageMetadata(html: string): PageMetadata {
  const meta = new Map<string, string>();
  const scripts: string[] = [];
  let title = "";
  let inTitle = false;
  let titleDone = false;
  let script: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "meta") {
          const key = (attribs.property ?? attribs.name ?? attribs.itemprop ?? "").toLowerCase().trim();
          const content = attribs.content;
          // The first of each wins, as crawlers read them.
          if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
        } else if (name === "title" && !titleDone) {
          inTitle = true;
        } else if (name === "script" && (attribs.type ?? "").toLowerCase().trim() === "application/ld+json") {
          script = "";
        }
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (script !== undefined) script += text;
      },
      onclosetag(name) {
        if (name === "title" && inTitle) {
          inTitle = false;
          titleDone = true;
        } else if (name === "script" && script !== undefined) {
          scripts.push(script);
          script = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  let article: JsonLdArticle | undefined;
  for (const text of scripts) {
    try {
      article = articleInJsonLd(JSON.parse(text));
    } catch {
      // A broken JSON-LD block is ignored; the page's other tags still count.
    }
    if (article) break;
  }

  const m = (key: string) => clean(meta.get(key));
  const result: PageMetadata = {
    title: m("og:title") ?? article?.headline ?? m("twitter:title") ?? clean(title, 1000),
    siteName: m("og:site_name") ?? article?.publisher,
    description: m("og:description") ?? article?.description ?? m("description") ?? m("twitter:description"),
    publishedTime:
      clean(meta.get("article:published_time"), 100) ??
      article?.datePublished ??
      clean(meta.get("datepublished"), 100) ??
      clean(meta.get("date"), 100),
  };
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v !== undefined)) as PageMetadata;
}
