// An item's link, as the article: Google's redirect links unwrapped, tracking parameters dropped,
// AMP and mobile variants mapped to the article. Pure rules; the key under which it is compared
// with the register is the clippings' own urlKey, so "already in the register" means the same.

import { parseWebUrl, urlKey } from "../clippings/url.js";
import { outletHost } from "./outlets.js";

const TRACKING =
  /^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|cmpid|ocid|at_\w+|__twitter_impression|amp|outputtype)$/i;

/** `https://www.google.com/url?…&url=<article>` (Google Alerts) and `?q=<article>`: the article. */
export function unwrapRedirect(url: URL): URL {
  const host = url.hostname.toLowerCase();
  if (/(^|\.)google\.[a-z.]+$/.test(host) && url.pathname === "/url") {
    const target = url.searchParams.get("url") ?? url.searchParams.get("q");
    const parsed = target ? parseWebUrl(target) : null;
    if (parsed) return parsed;
  }
  return url;
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
