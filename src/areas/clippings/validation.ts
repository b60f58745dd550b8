// The rules a clipping must meet before it enters the register. Pure: no database, no Slack.
import { isRealIsoDate } from "../../lib/clock.js";
import { parseWebUrl, urlKey } from "./url.js";

export const MEDIA = ["print", "online", "tv", "radio", "news_agency"] as const;
export const TONES = ["positive", "neutral", "negative"] as const;
export const SCOPES = ["municipality", "local_government"] as const;
export type Medium = (typeof MEDIA)[number];
export type Tone = (typeof TONES)[number];
export type Scope = (typeof SCOPES)[number];

export const LIMITS = { title: 300, outlet: 200, url: 2000, summary: 3000 } as const;

/** What the form holds, as text, before validation. */
export interface ClippingInput {
  title?: string;
  outlet?: string;
  url?: string;
  publishedOn?: string;
  medium?: string;
  tone?: string;
  scope?: string;
  topicIds?: string[];
  departmentIds?: string[];
  summary?: string;
}

export type ClippingField = keyof ClippingInput;

export type ValidationError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "urlInvalid" }
  | { code: "urlRequiredOnline" }
  | { code: "dateInvalid" }
  | { code: "dateFuture" }
  | { code: "dateTooOld" }
  | { code: "unknownTopic" }
  | { code: "unknownDepartment" };

export interface ClippingDraft {
  title: string;
  outlet: string;
  url: string | null;
  urlKey: string | null;
  publishedOn: string;
  medium: Medium;
  tone: Tone;
  scope: Scope;
  topicIds: number[];
  departmentIds: number[];
  summary: string | null;
}

export type ValidationResult =
  | { ok: true; draft: ClippingDraft }
  | { ok: false; errors: Partial<Record<ClippingField, ValidationError>> };

const clean = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/**
 * @param today the office's calendar date (YYYY-MM-DD in Athens): no clipping is published later.
 * @param knownTopicIds the topics that can be chosen now.
 */
export function validateClipping(
  input: ClippingInput,
  {
    today,
    knownTopicIds,
    knownDepartmentIds = new Set<number>(),
  }: { today: string; knownTopicIds: ReadonlySet<number>; knownDepartmentIds?: ReadonlySet<number> },
): ValidationResult {
  const errors: Partial<Record<ClippingField, ValidationError>> = {};
  const title = clean(input.title);
  const outlet = clean(input.outlet);
  const urlText = (input.url ?? "").trim();
  const summary = (input.summary ?? "").trim();
  const publishedOn = (input.publishedOn ?? "").trim();

  if (!title) errors.title = { code: "required" };
  else if (title.length > LIMITS.title) errors.title = { code: "tooLong", max: LIMITS.title };
  if (!outlet) errors.outlet = { code: "required" };
  else if (outlet.length > LIMITS.outlet) errors.outlet = { code: "tooLong", max: LIMITS.outlet };
  if (summary.length > LIMITS.summary) errors.summary = { code: "tooLong", max: LIMITS.summary };

  const medium = MEDIA.find((m) => m === input.medium);
  const tone = TONES.find((t) => t === input.tone);
  const scope = SCOPES.find((s) => s === input.scope);
  if (!medium) errors.medium = { code: "required" };
  if (!tone) errors.tone = { code: "required" };
  if (!scope) errors.scope = { code: "required" };

  let url: URL | null = null;
  if (urlText) {
    if (urlText.length > LIMITS.url) errors.url = { code: "tooLong", max: LIMITS.url };
    else {
      url = parseWebUrl(urlText);
      if (!url) errors.url = { code: "urlInvalid" };
    }
  } else if (medium === "online") {
    errors.url = { code: "urlRequiredOnline" };
  }

  if (!publishedOn) errors.publishedOn = { code: "required" };
  else if (!isRealIsoDate(publishedOn)) errors.publishedOn = { code: "dateInvalid" };
  else if (publishedOn > today) errors.publishedOn = { code: "dateFuture" };
  else if (publishedOn < "1900-01-01") errors.publishedOn = { code: "dateTooOld" };

  const topicIds = [...new Set((input.topicIds ?? []).map(Number))];
  if (topicIds.some((id) => !Number.isInteger(id) || !knownTopicIds.has(id)))
    errors.topicIds = { code: "unknownTopic" };

  const departmentIds = [...new Set((input.departmentIds ?? []).map(Number))];
  if (departmentIds.some((id) => !Number.isInteger(id) || !knownDepartmentIds.has(id))) {
    errors.departmentIds = { code: "unknownDepartment" };
  }

  if (Object.keys(errors).length > 0 || !medium || !tone || !scope) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      title,
      outlet,
      url: url ? url.toString() : null,
      urlKey: url ? urlKey(url) : null,
      publishedOn,
      medium,
      tone,
      scope,
      topicIds,
      departmentIds,
      summary: summary || null,
    },
  };
}
