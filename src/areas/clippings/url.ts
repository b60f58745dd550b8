// What counts as a well-formed link for the register, and when two links are "the same".

/** An absolute http(s) URL with a dotted host name, or null. */
export function parseWebUrl(raw: string): URL | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > 2000 || /\s/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  const host = url.hostname;
  if (!host.includes(".") || host.startsWith(".") || host.endsWith(".")) return null;
  return url;
}

const TRACKING_PARAMS = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|igshid|ref|ref_src)$/i;

/**
 * The key under which a link is looked up for duplicates: scheme and `www.` ignored, host lower
 * case, no fragment, no tracking parameters, the rest of the query sorted, no trailing slash.
 */
export function urlKey(url: URL): string {
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  const params = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
  const pathname = url.pathname.replace(/\/+$/, "");
  const port = url.port ? `:${url.port}` : "";
  return `${host}${port}${pathname}${query}`;
}
