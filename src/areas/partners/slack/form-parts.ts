// Block Kit pieces the partners' forms share, and reading a submitted form's state.
import type { KnownBlock, PlainTextOption } from "@slack/types";
import { type FormState, formState } from "../../../slack/form-state.js";
import { truncate } from "../../../slack/mrkdwn.js";
import type { PartnerTexts } from "../messages.js";
import type { FormError } from "../validation.js";

export const ACTION = "value";

export const plain = (text: string, max = 150) => ({
  type: "plain_text" as const,
  text: truncate(text, max),
  emoji: true,
});
export const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

export function textInput(
  block: string,
  label: string,
  o: { optional?: boolean; multiline?: boolean; hint?: string; max?: number; initial?: string | null } = {},
): KnownBlock {
  return {
    type: "input",
    block_id: block,
    optional: o.optional ?? true,
    label: plain(label),
    ...(o.hint ? { hint: plain(o.hint) } : {}),
    element: {
      type: "plain_text_input",
      action_id: ACTION,
      multiline: o.multiline ?? false,
      max_length: o.max ?? 3000,
      ...(o.initial ? { initial_value: o.initial.slice(0, o.max ?? 3000) } : {}),
    },
  };
}

export function dateInput(
  block: string,
  label: string,
  o: { optional?: boolean; initial?: string | null } = {},
): KnownBlock {
  return {
    type: "input",
    block_id: block,
    optional: o.optional ?? true,
    label: plain(label),
    element: { type: "datepicker", action_id: ACTION, ...(o.initial ? { initial_date: o.initial } : {}) },
  };
}

export function selectInput(
  block: string,
  label: string,
  options: PlainTextOption[],
  o: { optional?: boolean; initial?: string | null } = {},
): KnownBlock {
  const initial = options.find((x) => x.value === o.initial);
  return {
    type: "input",
    block_id: block,
    optional: o.optional ?? false,
    label: plain(label),
    element: {
      type: "static_select",
      action_id: ACTION,
      options: options.slice(0, 100),
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

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
