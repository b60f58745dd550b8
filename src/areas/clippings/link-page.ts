// A pasted link's page, read to fill the clipping form: fetched by the safe fetcher (no private
// addresses, size, time and redirect limits), its metadata read (page-metadata.ts), the outlet named
// by the page or by the Greek outlets' table, the date as the office's calendar day. What the page
// says only fills what the form left empty (fillEmpty).

import type { SafeFetcher } from "../../lib/safe-fetch.js";
import { pageMetadata } from "./page-metadata.js";
import { parseWebUrl } from "./url.js";
import { type ClippingInput, LIMITS } from "./validation.js";

/** The outlet an article's host is (the press intake's table of Greek outlets and the office's own). */
export interface OutletNames {
  outletOfHost(host: string): Promise<string>;
}

export interface LinkPageFacts {
  title?: string;
  outlet?: string;
  publishedOn?: string;
  summary?: string;
}

export type LinkPageAnswer = { ok: true; facts: LinkPageFacts } | { ok: false; why: string };

export interface LinkPages {
  /** What the page says of itself, or why it cannot be read (refused, failed, not HTML, nothing said). */
  read(url: string): Promise<LinkPageAnswer>;
}

/** The calendar day (YYYY-MM-DD) a page's date falls on in the office's time zone. */
export function dayOf(published: string, timeZone: string): string | undefined {
  // A bare date is that day, whatever the zone.
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  const date = new Date(published);
  if (Number.isNaN(date.getTime())) return undefined;
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

export function createLinkPages(deps: {
  fetcher: Pick<SafeFetcher, "fetchText">;
  outlets?: OutletNames;
  timeZone: string;
}): LinkPages {
  return {
    async read(url) {
      if (!parseWebUrl(url)) return { ok: false, why: "bad_url" };
      const answer = await deps.fetcher.fetchText({ url, accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.1" });
      if (!answer.ok) return { ok: false, why: `${answer.refusal}: ${answer.detail}` };
      if (answer.notModified) return { ok: false, why: "not_modified" };
      if (answer.contentType && !/html|xml/i.test(answer.contentType)) return { ok: false, why: "not_html" };
      const page = pageMetadata(answer.text);
      const host = parseWebUrl(answer.url)?.hostname ?? parseWebUrl(url)?.hostname;
      const outlet = page.siteName ?? (host && deps.outlets ? await deps.outlets.outletOfHost(host) : undefined);
      const publishedOn = page.publishedTime ? dayOf(page.publishedTime, deps.timeZone) : undefined;
      const facts: LinkPageFacts = {
        title: page.title?.slice(0, LIMITS.title),
        outlet: outlet?.slice(0, LIMITS.outlet),
        publishedOn,
        summary: page.description?.slice(0, LIMITS.summary),
      };
      return Object.values(facts).some((v) => v !== undefined)
        ? { ok: true, facts }
        : { ok: false, why: "nothing_said" };
    },
  };
}

/**
 * The form's values with what the page says put only where the form had nothing; `replaceable`
 * names what was only a guess (the shortcut's host name as the outlet), which the page may replace.
 * Undefined when the page adds nothing (the form is then left as it is).
 */
export function fillEmpty(
  values: ClippingInput,
  facts: LinkPageFacts,
  replaceable: readonly (keyof LinkPageFacts)[] = [],
): ClippingInput | undefined {
  const filled: ClippingInput = { ...values };
  let changed = false;
  for (const key of ["title", "outlet", "publishedOn", "summary"] as const) {
    const fact = facts[key];
    if (!fact) continue;
    const current = values[key];
    if (current && !(replaceable.includes(key) && current !== fact)) continue;
    if (current === fact) continue;
    filled[key] = fact;
    changed = true;
  }
  return changed ? filled : undefined;
}
