// The checks every form's plain fields share: a text (required or not, at most so long), a day
// (YYYY-MM-DD, a real one), an http(s) link. Each writes its error under the field, in the area's
// own error record (whose codes include these), and returns the value to keep, or undefined.
import { isRealIsoDate } from "./clock.js";

export type FieldError = { code: "required" } | { code: "tooLong"; max: number } | { code: "date" } | { code: "link" };
type FieldErrors<F extends string, E> = Partial<Record<F, E | FieldError>>;

const REQUIRED: FieldError = { code: "required" };
const BAD_DATE: FieldError = { code: "date" };
const BAD_LINK: FieldError = { code: "link" };
const tooLong = (max: number): FieldError => ({ code: "tooLong", max });

/** Trimmed; empty as undefined. */
export const cleanText = (s: string | undefined): string | undefined => s?.trim() || undefined;

export function textField<F extends string, E>(
  errors: FieldErrors<F, E>,
  field: F,
  v: string | undefined,
  max: number,
  required = false,
): string | undefined {
  const value = cleanText(v);
  if (!value) {
    if (required) errors[field] = REQUIRED;
    return undefined;
  }
  if (value.length > max) errors[field] = tooLong(max);
  return value;
}

export function dateField<F extends string, E>(
  errors: FieldErrors<F, E>,
  field: F,
  v: string | undefined,
  required = false,
): string | undefined {
  if (!v) {
    if (required) errors[field] = REQUIRED;
    return undefined;
  }
  if (!isRealIsoDate(v)) {
    errors[field] = BAD_DATE;
    return undefined;
  }
  return v;
}

/** An http(s) link of at most 2,000 characters: a page, a document, a Slack file's permalink. */
export function linkField<F extends string, E>(errors: FieldErrors<F, E>, field: F, v: string | undefined) {
  const value = cleanText(v);
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if ((url.protocol === "https:" || url.protocol === "http:") && value.length <= 2000) return value;
  } catch {}
  errors[field] = BAD_LINK;
  return undefined;
}
