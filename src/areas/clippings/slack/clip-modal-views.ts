// The "log a press clipping" modal: data in, Block Kit out. No Slack calls, no database.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { idField, jsonCodec, optionalJsonCodec } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import { truncate } from "../../../slack/mrkdwn.js";
import type { TopicOption } from "../store.js";
import type { ClippingInput } from "../validation.js";
import { LIMITS, MEDIA, SCOPES, TONES } from "../validation.js";

export const CLIP_MODAL_CALLBACK = "clip_modal";
export const CLIP_EDIT_CALLBACK = "clip_edit_modal";
export const TOPICS_OPTIONS_ACTION = "topics_options";
export const ACTION = "value";

/** Block ids are the field names, so validation errors land under the right field. */
export const BLOCK = {
  title: "title",
  outlet: "outlet",
  url: "url",
  publishedOn: "publishedOn",
  medium: "medium",
  tone: "tone",
  topicIds: "topicIds",
  departmentIds: "departmentIds",
  summary: "summary",
  scope: "scope",
  duplicate: "duplicate_warning",
} as const;

// Slack's limit for static selects; beyond it the topics are searched as the user types.
export const MAX_STATIC_OPTIONS = 100;

const slackId = z.string().regex(/^[A-Z0-9_]{1,40}$/i);

/** What the modal carries between opening and submission (Slack keeps it for us, ≤ 3000 chars). */
const clipModalMetadataSchema = z.object({
  /** Where to confirm: the channel the command or message came from. */
  channel: slackId.optional(),
  /** The message the clipping was logged from. */
  source: z.object({ channel: slackId, ts: z.string().regex(/^\d{1,12}\.\d{1,8}$/) }).optional(),
  /** Set after a duplicate-link warning: the next submission is stored anyway. */
  confirmDuplicateOf: idField.optional(),
  /** Editing this clipping rather than logging a new one. */
  clippingId: idField.optional(),
  /** The edited clipping's version when the form was opened (ClippingForEdit.version). */
  version: z.number().int().nonnegative().optional(),
});
export type ClipModalMetadata = z.output<typeof clipModalMetadataSchema>;

/** The log form's metadata (it may carry nothing); the correction form's must name its clipping. */
export const clipModalMetadata = optionalJsonCodec(clipModalMetadataSchema, {});
export const clipEditMetadata = jsonCodec(
  clipModalMetadataSchema.extend({ clippingId: idField, version: z.number().int().nonnegative() }),
);

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 150), emoji: true });

function option(text: string, value: string): PlainTextOption {
  return { text: { type: "plain_text", text: truncate(text, 75), emoji: true }, value };
}

export function topicOption(topic: TopicOption, locale: LocaleCode): PlainTextOption {
  return option(locale === "en" ? topic.nameEn : topic.nameEl, String(topic.id));
}

export function buildClipModal(options: {
  t: Messages;
  locale: LocaleCode;
  topics: TopicOption[];
  /** The municipality's services (same shape as topics: id and names). */
  departments?: TopicOption[];
  values: ClippingInput;
  today: string;
  metadata: ClipModalMetadata;
  /** Shown at the top after a duplicate-link warning. */
  warning?: string;
}): ModalView {
  const { t, locale, topics, values, today, metadata, warning, departments = [] } = options;
  const m = t.clip;
  const blocks: KnownBlock[] = [];
  if (warning) {
    blocks.push({
      type: "section",
      block_id: BLOCK.duplicate,
      text: { type: "mrkdwn", text: truncate(warning, 3000) },
    });
  }

  const textInput = (
    block: string,
    label: string,
    opts: {
      initial?: string;
      max: number;
      multiline?: boolean;
      optional?: boolean;
      placeholder?: string;
      hint?: string;
    },
  ) =>
    blocks.push({
      type: "input",
      block_id: block,
      optional: opts.optional ?? false,
      label: plain(label),
      ...(opts.hint ? { hint: plain(opts.hint) } : {}),
      element: {
        type: "plain_text_input",
        action_id: ACTION,
        max_length: opts.max,
        multiline: opts.multiline ?? false,
        ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.max) } : {}),
        ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      },
    });

  textInput(BLOCK.title, m.title, { initial: values.title, max: LIMITS.title, placeholder: m.titlePlaceholder });
  textInput(BLOCK.outlet, m.outlet, { initial: values.outlet, max: LIMITS.outlet, placeholder: m.outletPlaceholder });
  // A plain text input, not url_text_input: our own check gives a clear message in the user's language.
  textInput(BLOCK.url, m.url, {
    initial: values.url,
    max: LIMITS.url,
    optional: true,
    placeholder: "https://",
    hint: m.urlHint,
  });

  blocks.push({
    type: "input",
    block_id: BLOCK.publishedOn,
    label: plain(m.publishedOn),
    element: { type: "datepicker", action_id: ACTION, initial_date: values.publishedOn ?? today },
  });

  const mediumOptions = MEDIA.map((v) => option(m.media[v], v));
  const selectedMedium = mediumOptions.find((o) => o.value === values.medium);
  blocks.push({
    type: "input",
    block_id: BLOCK.medium,
    label: plain(m.medium),
    element: {
      type: "static_select",
      action_id: ACTION,
      options: mediumOptions,
      ...(selectedMedium ? { initial_option: selectedMedium } : {}),
    },
  });

  const toneOptions = TONES.map((v) => option(m.tones[v], v));
  const selectedTone = toneOptions.find((o) => o.value === values.tone);
  blocks.push({
    type: "input",
    block_id: BLOCK.tone,
    label: plain(m.tone),
    element: {
      type: "radio_buttons",
      action_id: ACTION,
      options: toneOptions,
      ...(selectedTone ? { initial_option: selectedTone } : {}),
    },
  });

  if (topics.length > 0) {
    const chosen = new Set(values.topicIds ?? []);
    const initial = topics.filter((tp) => chosen.has(String(tp.id))).map((tp) => topicOption(tp, locale));
    const element =
      topics.length <= MAX_STATIC_OPTIONS
        ? {
            type: "multi_static_select" as const,
            action_id: ACTION,
            placeholder: plain(m.topicsPlaceholder),
            options: topics.map((tp) => topicOption(tp, locale)),
            ...(initial.length ? { initial_options: initial } : {}),
          }
        : {
            type: "multi_external_select" as const,
            action_id: TOPICS_OPTIONS_ACTION,
            placeholder: plain(m.topicsPlaceholder),
            min_query_length: 0,
            ...(initial.length ? { initial_options: initial } : {}),
          };
    blocks.push({ type: "input", block_id: BLOCK.topicIds, optional: true, label: plain(m.topics), element });
  }

  if (departments.length > 0) {
    const chosen = new Set(values.departmentIds ?? []);
    const all = departments.slice(0, MAX_STATIC_OPTIONS).map((d) => topicOption(d, locale));
    const initial = all.filter((o) => chosen.has(o.value ?? ""));
    blocks.push({
      type: "input",
      block_id: BLOCK.departmentIds,
      optional: true,
      label: plain(m.departments),
      element: {
        type: "multi_static_select",
        action_id: ACTION,
        placeholder: plain(m.departmentsPlaceholder),
        options: all,
        ...(initial.length ? { initial_options: initial } : {}),
      },
    });
  }

  textInput(BLOCK.summary, m.summary, {
    initial: values.summary,
    max: LIMITS.summary,
    multiline: true,
    optional: true,
  });

  const scopeOptions = SCOPES.map((v) => option(m.scopes[v], v));
  const selectedScope = scopeOptions.find((o) => o.value === (values.scope ?? "municipality"));
  blocks.push({
    type: "input",
    block_id: BLOCK.scope,
    label: plain(m.scope),
    element: {
      type: "radio_buttons",
      action_id: ACTION,
      options: scopeOptions,
      ...(selectedScope ? { initial_option: selectedScope } : {}),
    },
  });

  const editing = metadata.clippingId !== undefined;
  return {
    type: "modal",
    callback_id: editing ? CLIP_EDIT_CALLBACK : CLIP_MODAL_CALLBACK,
    title: plain(truncate(editing ? m.editTitle : m.modalTitle, 24)),
    submit: plain(truncate(m.submit, 24)),
    close: plain(truncate(m.close, 24)),
    private_metadata: clipModalMetadata.encode(metadata),
    blocks,
  };
}

/** Reads the submitted form back into the domain's input shape. */
export function readClipModalState(state: unknown): ClippingInput {
  // The topics' multi-select loads its options from the bot, under an action id of its own.
  const f = formState(state, [ACTION, TOPICS_OPTIONS_ACTION]);
  return {
    title: f.text(BLOCK.title),
    outlet: f.text(BLOCK.outlet),
    url: f.text(BLOCK.url),
    summary: f.text(BLOCK.summary),
    publishedOn: f.date(BLOCK.publishedOn),
    medium: f.choice(BLOCK.medium),
    tone: f.choice(BLOCK.tone),
    scope: f.choice(BLOCK.scope),
    topicIds: f.choices(BLOCK.topicIds),
    departmentIds: f.choices(BLOCK.departmentIds),
  };
}
