// An item's link, as the article: Google's redirect links unwrapped, tracking parameters dropped,
// AMP and mobile variants mapped to the article. Pure rules; the key under which it is compared
// with the register is the clippings' own urlKey, so "already in the register" means the same.

import { parseWebUrl, urlKey } from "../clippings/url.js";
import { outletHost } from "./outlets.js";

const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|cmpid|ocid|at_\w+|__twitter_impression|amp|outputtype)$/i;

/**
 * A Google News link (`news.google.com/rss/articles/<id>`, what its search feeds give) → the
 * article, when the id carries it. The id is a base64url protobuf: field 1 a number, field 4 the
 * article's address (then, sometimes, its AMP address). Newer ids (`AU_yqL…`) carry only an opaque
 * token that Google's own page resolves with scripts: those give null, and the link stays Google's
 * (the outlet is then named from the item's <source>, see feed-parse.ts).
 */
export function googleNewsArticle(url: URL): URL | null {
  if (url.hostname.toLowerCase() !== "news.google.com") return null;
  const id = /^\/(?:rss\/)?articles\/([A-Za-z0-9_-]{8,})$/.exec(url.pathname)?.[1];
  if (!id) return null;
  const bytes = Buffer.from(id, "base64url");
  let i = 0;
  const varint = (): number | null => {
    let value = 0;
    for (let shift = 0; shift < 35 && i < bytes.length; shift += 7) {
      const b = bytes[i++] ?? 0;
      value += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return value;
    }
    return null;
  };
  if (bytes[i] === 0x08) {
    i++;
    if (varint() === null) return null;
  }
  if (bytes[i] !== 0x22) return null;
  i++;
  const length = varint();
  if (length === null || length > bytes.length - i) return null;
  return parseWebUrl(bytes.subarray(i, i + length).toString("utf8"));
}

/**
 * `https://www.google.com/url?…&url=<article>` (Google Alerts), `?q=<article>`, and Google News'
 * article links that carry the article: the article.
 */
export function unwrapRedirect(url: URL): URL {
  const host = url.hostname.toLowerCase();
  if (/(^|\.)google\.[a-z.]+$/.test(host) && url.pathname === "/url") {
    const target = url.searchParams.get("url") ?? url.searchParams.get("q");
    const parsed = target ? parseWebUrl(target) : null;
    if (parsed) return parsed;
  }
  return googleNewsArticle(url) ?? url;
}

/** The article's canonical link, or null if the item's link is not a web link at all. */
export function normaliseArticleUrl(raw: string): URL | null {
  const parsed = parseWebUrl(raw.trim());
  if (!parsed) return null;
  const url = unwrapRedirect(parsed);
  const clean = new URL(url.toString());
  clean.hash = "";
  // m.kathimerini.gr, amp.in.gr → the site itself (www. kept as it was not: urlKey ignores it).
  const host = clean.hostname.toLowerCase();
  if (/^(m|mobile|amp)\./.test(host) && host.split(".").length > 2) clean.hostname = outletHost(host);
  for (const key of [...clean.searchParams.keys()]) if (TRACKING.test(key)) clean.searchParams.delete(key);
  // /article/123/amp, /article/123/amp/, /amp/article/123 → /article/123
  clean.pathname = clean.pathname.replace(/\/amp\/?$/i, "").replace(/^\/amp(\/|$)/i, "/") || "/";
  return clean;
}

/** The key the register compares links by (see clippings/url.ts). */
export function articleKey(url: URL): string {
  return urlKey(url);
}
