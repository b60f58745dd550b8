// Fills in any form the bot opened the way a person would, from the view itself: every text field
// gets the text the test chooses, every select its first (or initial) option, every date and
// person a sensible one. Submitted through the signed driver; when the bot puts an error under a
// field, that field gets its next candidate text (a shorter one, then plain valid values), so that a
// form is submitted with the hostile text in every field that accepts it.
import type { Json, RecordedCall } from "./fake-slack.js";
import type { TestBot } from "./test-bot.js";

type State = Record<string, Record<string, Json>>;

interface Input {
  block: string;
  action: string;
  element: Json;
}

function inputsOf(view: Json): Input[] {
  const blocks = (view.blocks ?? []) as Json[];
  return blocks
    .filter((b) => b.type === "input" && b.element && typeof b.block_id === "string")
    .map((b) => {
      const element = b.element as Json;
      return { block: b.block_id as string, action: String(element.action_id), element };
    });
}

const firstOption = (element: Json): Json | null => {
  if (element.initial_option) return element.initial_option as Json;
  const options = (element.options as Json[] | undefined) ?? [];
  const groups = (element.option_groups as { options: Json[] }[] | undefined) ?? [];
  return options[0] ?? groups[0]?.options[0] ?? null;
};

export interface FillDefaults {
  date: string;
  user: string;
}

/** What Slack would report for an element filled in with `text` (for text inputs). */
function stateOf(element: Json, text: string | undefined, defaults: FillDefaults): Json {
  const type = String(element.type);
  switch (type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input":
      return { type, value: text ?? null };
    case "datepicker":
      return { type, selected_date: (element.initial_date as string | undefined) ?? defaults.date };
    case "timepicker":
      return { type, selected_time: (element.initial_time as string | undefined) ?? "10:00" };
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: firstOption(element) };
    case "external_select":
      return { type, selected_option: (element.initial_option as Json | undefined) ?? null };
    case "multi_static_select": {
      const first = firstOption(element);
      return {
        type,
        selected_options: (element.initial_options as Json[] | undefined) ?? (first ? [first] : []),
      };
    }
    case "multi_external_select":
    case "checkboxes":
      return { type, selected_options: (element.initial_options as Json[] | undefined) ?? [] };
    case "users_select":
      return { type, selected_user: (element.initial_user as string | undefined) ?? defaults.user };
    case "multi_users_select":
      return { type, selected_users: (element.initial_users as string[] | undefined) ?? [defaults.user] };
    case "conversations_select":
    case "channels_select":
      return { type, selected_channel: "C0CHAN001", selected_conversation: "C0CHAN001" };
    case "file_input":
      return { type, files: [] };
    default:
      throw new Error(`the form filler does not know the element type ${type}`);
  }
}

const isText = (element: Json) =>
  ["plain_text_input", "email_text_input", "url_text_input", "number_input"].includes(String(element.type));

export interface FormResult {
  callbackId: string;
  /** For each text field, the text it was accepted with. */
  accepted: Record<string, string>;
  /** The bot's answer to the last submission (empty when it simply closed the form). */
  answer: Json;
}

export interface FillOptions {
  /** The texts to try in each text field, in order (the first is the hostile one). */
  candidates: string[];
  /** Other candidates for some fields, by block id (tried before `candidates`). */
  texts?: Record<string, string[]>;
  /** What some fields report, by block id, instead of the filler's choice. */
  fixed?: Record<string, Json>;
  defaults: FillDefaults;
  /** A changed form is the bot's own (a "reading the file…" view it then updates): not resubmitted. */
  stopOnUpdate?: boolean;
  /**
   * The texts a form's fields refused before, by `callback_id.block_id`, shared by the fills of one
   * test file: a form filled again does not try them in those fields again (each try is a whole
   * submission; the refusals were seen the first time, and an answer of errors is shown as plain
   * text, so it holds nothing a search for leaks reads). Filled in as fields refuse texts.
   */
  refused?: Map<string, Set<string>>;
}

/**
 * Submits `view` as `userId` until the bot accepts it (or gives up after a field runs out of
 * candidates). A changed form (`response_action: update`, a warning to confirm) is submitted
 * again as it now is. Every submission's answer is handed to `onAnswer` (the answers are what
 * Slack shows too).
 */
export async function submitFilled(
  bot: TestBot,
  view: Json,
  userId: string,
  options: FillOptions,
  onAnswer: (answer: Json) => void,
): Promise<FormResult> {
  let current = view;
  const tried = new Map<string, number>();
  const refusedIn = (block: string) => {
    const key = `${String(current.callback_id)}.${block}`;
    let texts = options.refused?.get(key);
    if (!texts) {
      texts = new Set();
      options.refused?.set(key, texts);
    }
    return texts;
  };
  // The candidates of a field, less those it refused before (in an earlier fill of the same form).
  const candidateLists = new Map<string, string[]>();
  const candidatesOf = (block: string) => {
    let list = candidateLists.get(block);
    if (!list) {
      const before = refusedIn(block);
      list = [...(options.texts?.[block] ?? []), ...options.candidates].filter((text) => !before.has(text));
      candidateLists.set(block, list);
    }
    return list;
  };
  for (let attempt = 0; attempt < 25; attempt++) {
    const fields = inputsOf(current);
    const values: State = {};
    const accepted: Record<string, string> = {};
    for (const f of fields) {
      const fixed = options.fixed?.[f.block];
      if (fixed) {
        values[f.block] = { [f.action]: fixed };
        continue;
      }
      const text = isText(f.element) ? candidatesOf(f.block)[tried.get(f.block) ?? 0] : undefined;
      if (text !== undefined) accepted[f.block] = text;
      values[f.block] = { [f.action]: stateOf(f.element, text, options.defaults) };
    }
    const response = await bot.slack.viewSubmission({ view: current, userId, values });
    if (response.status !== 200) throw new Error(`the form ${String(current.callback_id)} got HTTP ${response.status}`);
    const answer = response.text ? (response.json() as Json) : {};
    onAnswer(answer);
    await bot.bot.inFlight.drain(20_000);
    if (answer.response_action === "errors") {
      const errors = answer.errors as Record<string, string>;
      for (const [block, message] of Object.entries(errors)) {
        const field = fields.find((f) => f.block === block);
        const at = tried.get(block) ?? 0;
        const next = at + 1;
        if (!field || !isText(field.element) || options.fixed?.[block] || next >= candidatesOf(block).length)
          throw new Error(`the form ${String(current.callback_id)} refused ${block}: ${message}`);
        const text = candidatesOf(block)[at];
        if (text !== undefined) refusedIn(block).add(text);
        tried.set(block, next);
      }
      continue;
    }
    if (answer.response_action === "update" && !options.stopOnUpdate) {
      // Slack keeps the view's id through an update; the state of fields still there is kept too.
      current = { ...(answer.view as Json), id: current.id, hash: `${String(current.hash)}-u${attempt}` };
      continue;
    }
    return { callbackId: String(current.callback_id), accepted, answer };
  }
  throw new Error(`the form ${String(view.callback_id)} was never accepted`);
}

/** The newest view the bot opened (or pushed, or updated) since call index `after`. */
export function openedView(calls: RecordedCall[], after = 0): Json {
  const found = calls
    .slice(after)
    .filter((c) => (c.method === "views.open" || c.method === "views.push") && c.response.ok)
    .pop();
  if (!found) throw new Error(`no view was opened; calls: ${calls.slice(after).map((c) => c.method)}`);
  return found.response.view as Json;
}

/** Every interactive element in some blocks (buttons, menus, their options), with its block. */
export function elementsIn(blocks: unknown): Json[] {
  const out: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object") {
      const o = node as Json;
      if (typeof o.action_id === "string") out.push(o);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(blocks);
  return out;
}
