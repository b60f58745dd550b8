// The rules a translation request meets before it is stored. Pure: no database, no Slack.
import { isRealIsoDate } from "../../lib/clock.js";
import { parseWebUrl } from "../clippings/url.js";
import { isLanguage } from "./languages.js";

export const TRANSLATION_LIMITS = { title: 200, reason: 500, notes: 2000, documentUrl: 2000 } as const;

export interface TranslationInput {
  title?: string;
  documentUrl?: string;
  sourceLang?: string;
  targetLang?: string;
  dueOn?: string;
  urgency?: string;
  reason?: string;
  notes?: string;
}

export type TranslationField = keyof TranslationInput;

export type TranslationError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "urlInvalid" }
  | { code: "unknownLanguage" }
  | { code: "sameLanguage" }
  | { code: "dateInvalid" }
  | { code: "datePast" };

export interface TranslationDraft {
  title: string;
  documentUrl: string;
  sourceLang: string;
  targetLang: string;
  dueOn: string;
  urgency: "normal" | "urgent";
  reason: string | null;
  notes: string | null;
}

export function validateTranslation(
  input: TranslationInput,
  { today }: { today: string },
): { ok: true; draft: TranslationDraft } | { ok: false; errors: Partial<Record<TranslationField, TranslationError>> } {
  const errors: Partial<Record<TranslationField, TranslationError>> = {};
  const title = (input.title ?? "").replace(/\s+/g, " ").trim();
  if (!title) errors.title = { code: "required" };
  else if (title.length > TRANSLATION_LIMITS.title) errors.title = { code: "tooLong", max: TRANSLATION_LIMITS.title };
  const urlText = (input.documentUrl ?? "").trim();
  const url = urlText ? parseWebUrl(urlText) : undefined;
  if (!urlText) errors.documentUrl = { code: "required" };
  else if (urlText.length > TRANSLATION_LIMITS.documentUrl)
    errors.documentUrl = { code: "tooLong", max: TRANSLATION_LIMITS.documentUrl };
  else if (!url) errors.documentUrl = { code: "urlInvalid" };
  if (!input.sourceLang) errors.sourceLang = { code: "required" };
  else if (!isLanguage(input.sourceLang)) errors.sourceLang = { code: "unknownLanguage" };
  if (!input.targetLang) errors.targetLang = { code: "required" };
  else if (!isLanguage(input.targetLang)) errors.targetLang = { code: "unknownLanguage" };
  else if (input.targetLang === input.sourceLang) errors.targetLang = { code: "sameLanguage" };
  const dueOn = (input.dueOn ?? "").trim();
  if (!dueOn) errors.dueOn = { code: "required" };
  else if (!isRealIsoDate(dueOn)) errors.dueOn = { code: "dateInvalid" };
  else if (dueOn < today) errors.dueOn = { code: "datePast" };
  const reason = (input.reason ?? "").trim();
  if (reason.length > TRANSLATION_LIMITS.reason) errors.reason = { code: "tooLong", max: TRANSLATION_LIMITS.reason };
  const notes = (input.notes ?? "").trim();
  if (notes.length > TRANSLATION_LIMITS.notes) errors.notes = { code: "tooLong", max: TRANSLATION_LIMITS.notes };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      title,
      documentUrl: url?.toString() ?? urlText,
      sourceLang: input.sourceLang as string,
      targetLang: input.targetLang as string,
      dueOn,
      urgency: input.urgency === "urgent" ? "urgent" : "normal",
      reason: reason || null,
      notes: notes || null,
    },
  };
}

/** What the small form of a step carries (assign: whom; deliver: the link; return: comments). */
export interface StepInput {
  assignee?: string;
  vendor?: string;
  deliveredUrl?: string;
  note?: string;
}

export type StepInputError =
  | { field: "assignee"; code: "assignNeedsOne" }
  | { field: "deliveredUrl"; code: "urlInvalid" };

/** An assignment names one translator or one vendor, never both; a delivery is a link. */
export function validateStepInput(action: string, input: StepInput): StepInputError | undefined {
  if (action === "assign" && Boolean(input.assignee) === Boolean(input.vendor))
    return { field: "assignee", code: "assignNeedsOne" };
  if (action === "deliver" && !parseWebUrl(input.deliveredUrl ?? ""))
    return { field: "deliveredUrl", code: "urlInvalid" };
  return undefined;
}

/** A stored date-only value (midnight UTC) as YYYY-MM-DD. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
