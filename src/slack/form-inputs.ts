// The input blocks the forms are made of: a text, a day, a choice, each under its field's block id
// with the one action id (FORM_VALUE) that form-state.ts reads back.
import type { KnownBlock, PlainTextOption } from "@slack/types";
import { truncate } from "./mrkdwn.js";

/** The action id of every input of these forms: the block id says which field it is. */
export const FORM_VALUE = "value";

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
      action_id: FORM_VALUE,
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
    element: { type: "datepicker", action_id: FORM_VALUE, ...(o.initial ? { initial_date: o.initial } : {}) },
  };
}

/** A static select of at most Slack's 100 options; the initial one only when it is among them. */
export function selectInput(
  block: string,
  label: string,
  options: PlainTextOption[],
  o: { optional?: boolean; initial?: string | null } = {},
): KnownBlock {
  const shown = options.slice(0, 100);
  const initial = shown.find((x) => x.value === o.initial);
  return {
    type: "input",
    block_id: block,
    optional: o.optional ?? false,
    label: plain(label),
    element: {
      type: "static_select",
      action_id: FORM_VALUE,
      options: shown,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}
