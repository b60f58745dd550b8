// Block Kit pieces the partners' forms share (the kit's inputs, src/slack/form-inputs.ts), and
// reading a submitted form's state.
import { FORM_VALUE as ACTION } from "../../../slack/form-inputs.js";
import { type FormState, formState } from "../../../slack/form-state.js";
import type { PartnerTexts } from "../messages.js";
import type { FormError } from "../validation.js";

export {
  dateInput,
  FORM_VALUE as ACTION,
  option,
  plain,
  selectInput,
  textInput,
} from "../../../slack/form-inputs.js";

/** The submitted form, decoded (the kit's reader: src/slack/form-state.ts). */
export function readState(state: unknown): FormState {
  return formState(state, [ACTION]);
}

/** A field's error, in the reader's language. */
export function errorText(t: PartnerTexts, e: FormError): string {
  switch (e.code) {
    case "tooLong":
      return t.errors.tooLong(e.max);
    case "language":
      return t.errors.language(e.word);
    default:
      return t.errors[e.code];
  }
}

/** Every field's error, by block id. */
export function errorsOf(t: PartnerTexts, errors: Partial<Record<string, FormError>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) if (e) out[field] = errorText(t, e);
  return out;
}
