// The rules an entry of the correspondence register meets. Pure: no database, no Slack.
import { isRealIsoDate } from "../../lib/clock.js";
import { parseWebUrl } from "../clippings/url.js";
import { isLanguage } from "../translations/languages.js";

export const LETTER_LIMITS = {
  counterpart: 200,
  country: 80,
  subject: 300,
  documentUrl: 2000,
  briefing: 2000,
} as const;
export const DIRECTIONS = ["incoming", "outgoing"] as const;
export const LETTER_KINDS = ["letter", "call_for_interest", "invitation"] as const;

export interface LetterInput {
  direction?: string;
  kind?: string;
  letterDate?: string;
  counterpart?: string;
  country?: string;
  subject?: string;
  language?: string;
  documentUrl?: string;
  translationRequestId?: string;
  dueOn?: string;
  briefing?: string;
}

export type LetterField = keyof LetterInput;

export type LetterError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "urlInvalid" }
  | { code: "unknownLanguage" }
  | { code: "dateInvalid" }
  | { code: "dateFuture" }
  | { code: "dueBeforeLetter" }
  | { code: "deadlineNeeded" }
  | { code: "notANumber" };

export interface LetterDraft {
  direction: (typeof DIRECTIONS)[number];
  kind: (typeof LETTER_KINDS)[number];
  letterDate: string;
  counterpart: string;
  country: string | null;
  subject: string;
  language: string | null;
  documentUrl: string | null;
  translationRequestId: number | null;
  dueOn: string | null;
  briefing: string | null;
}

const clean = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

export function validateLetter(
  input: LetterInput,
  { today }: { today: string },
): { ok: true; draft: LetterDraft } | { ok: false; errors: Partial<Record<LetterField, LetterError>> } {
  const errors: Partial<Record<LetterField, LetterError>> = {};
  const text = (field: keyof typeof LETTER_LIMITS, required: boolean, multiline = false) => {
    const value = multiline ? (input[field] ?? "").trim() : clean(input[field]);
    if (!value && required) errors[field] = { code: "required" };
    else if (value.length > LETTER_LIMITS[field]) errors[field] = { code: "tooLong", max: LETTER_LIMITS[field] };
    return value || null;
  };
  const direction = DIRECTIONS.find((d) => d === input.direction);
  if (!direction) errors.direction = { code: "required" };
  const kind = LETTER_KINDS.find((k) => k === (input.kind ?? "letter"));
  if (!kind) errors.kind = { code: "required" };
  const letterDate = clean(input.letterDate);
  if (!letterDate) errors.letterDate = { code: "required" };
  else if (!isRealIsoDate(letterDate)) errors.letterDate = { code: "dateInvalid" };
  else if (letterDate > today) errors.letterDate = { code: "dateFuture" };
  const counterpart = text("counterpart", true);
  const country = text("country", false);
  const subject = text("subject", true);
  const language = clean(input.language) || null;
  if (language && !isLanguage(language)) errors.language = { code: "unknownLanguage" };
  const documentUrl = text("documentUrl", false);
  if (documentUrl && !errors.documentUrl && !parseWebUrl(documentUrl)) errors.documentUrl = { code: "urlInvalid" };
  const translationText = clean(input.translationRequestId).replace(/^#/, "");
  if (translationText && !/^\d{1,9}$/.test(translationText)) errors.translationRequestId = { code: "notANumber" };
  const dueOn = clean(input.dueOn) || null;
  if (dueOn && !isRealIsoDate(dueOn)) errors.dueOn = { code: "dateInvalid" };
  else if (dueOn && letterDate && dueOn < letterDate) errors.dueOn = { code: "dueBeforeLetter" };
  // A call for interest or an invitation is worth registering for its deadline.
  if (!dueOn && (kind === "call_for_interest" || kind === "invitation")) errors.dueOn = { code: "deadlineNeeded" };
  const briefing = text("briefing", false, true);
  if (Object.keys(errors).length > 0 || !direction || !kind || !counterpart || !subject) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      direction,
      kind,
      letterDate,
      counterpart,
      country,
      subject,
      language,
      documentUrl,
      translationRequestId: translationText ? Number(translationText) : null,
      dueOn,
      briefing,
    },
  };
}
