// Translation requests as Block Kit: the request form, the card in the office's channel with a
// button for each step, and the small forms some steps need. Data in, Block Kit out.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { channelMetadata, enumCodec, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { parseWebUrl } from "../../clippings/url.js";
import { LANGUAGES, languageName } from "../languages.js";
import {
  FORM_STEPS,
  type FormStep,
  type StepRefusal,
  TRANSLATION_ACTIONS,
  type TranslationAction,
  type TranslationStatus,
} from "../translation-flow.js";
import type { TranslationRequest } from "../translation-store.js";
import {
  isoDay,
  type StepInput,
  type StepInputError,
  TRANSLATION_LIMITS,
  type TranslationError,
  type TranslationInput,
} from "../translation-validation.js";

export const TRANSLATION_MODAL_CALLBACK = "translation_modal";
/** Each step's small form has its own callback id, so that a failure shows under one of its fields. */
export const stepFormCallback = (step: FormStep) => `translation_step_modal_${step}`;
/** The field a failure or a refusal of each step's form is shown under. */
export const STEP_FORM_ERROR_BLOCK: Record<FormStep, string> = {
  assign: "assignee",
  deliver: "deliveredUrl",
  return: "note",
};
export const STEP_ACTION_PREFIX = "translation_step_";
/** Every step's button: `translation_step_<action>`, with the request's id as its value. */
export const STEP_ACTION_IDS = new RegExp(`^${STEP_ACTION_PREFIX}`);
export const REQUEST_TRANSLATION_SHORTCUT = "request_translation";
const ACTION = "value";

/** The step a button is for, from its action id's tail. */
export const stepActionCodec = enumCodec(TRANSLATION_ACTIONS);
export const stepActionId = (action: TranslationAction) => `${STEP_ACTION_PREFIX}${stepActionCodec.encode(action)}`;
export const stepOfActionId = (actionId: string): TranslationAction | undefined =>
  actionId.startsWith(STEP_ACTION_PREFIX)
    ? stepActionCodec.decode(actionId.slice(STEP_ACTION_PREFIX.length))
    : undefined;

/** The request form carries the channel it was opened from. */
export const translationFormMetadata = channelMetadata;

/** A step's small form carries the request and the step. */
export const stepFormMetadata = jsonCodec(z.object({ requestId: idField, action: z.enum(FORM_STEPS) }));

const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

/** The order the steps' buttons appear in. */
const STEP_ORDER: TranslationAction[] = ["assign", "start", "deliver", "accept", "return", "cancel"];
const FINAL: TranslationStatus[] = ["accepted", "cancelled"];
const STEPS_BY_STATUS: Record<TranslationStatus, TranslationAction[]> = {
  requested: ["assign", "cancel"],
  assigned: ["start", "deliver", "assign", "cancel"],
  in_progress: ["deliver", "assign", "cancel"],
  returned: ["start", "deliver", "assign", "cancel"],
  delivered: ["accept", "return", "cancel"],
  accepted: [],
  cancelled: [],
};

export function buildTranslationModal(options: {
  t: Messages;
  locale: LocaleCode;
  values: TranslationInput;
  today: string;
  channel?: string;
}): ModalView {
  const { t, locale, values, today } = options;
  const m = t.translations;
  const languages = Object.keys(LANGUAGES).map((code) => option(languageName(code, locale), code));
  const select = (block: string, label: string, initial?: string): KnownBlock => {
    const chosen = languages.find((o) => o.value === initial);
    return {
      type: "input",
      block_id: block,
      label: plain(label),
      element: {
        type: "static_select",
        action_id: ACTION,
        options: languages,
        ...(chosen ? { initial_option: chosen } : {}),
      },
    };
  };
  const text = (
    block: keyof typeof TRANSLATION_LIMITS,
    label: string,
    o: { optional?: boolean; multiline?: boolean; hint?: string; placeholder?: string } = {},
  ): KnownBlock => ({
    type: "input",
    block_id: block,
    optional: o.optional ?? false,
    label: plain(label),
    ...(o.hint ? { hint: plain(o.hint) } : {}),
    element: {
      type: "plain_text_input",
      action_id: ACTION,
      max_length: TRANSLATION_LIMITS[block],
      multiline: o.multiline ?? false,
      ...(values[block] ? { initial_value: String(values[block]).slice(0, TRANSLATION_LIMITS[block]) } : {}),
      ...(o.placeholder ? { placeholder: plain(o.placeholder) } : {}),
    },
  });
  const urgencies = (["normal", "urgent"] as const).map((u) => option(m.urgencies[u], u));
  return {
    type: "modal",
    callback_id: TRANSLATION_MODAL_CALLBACK,
    title: plain(m.modalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: translationFormMetadata.encode(options.channel ? { channel: options.channel } : {}),
    blocks: [
      text("title", m.title, { placeholder: m.titlePlaceholder }),
      text("documentUrl", m.documentUrl, { hint: m.documentHint, placeholder: "https://" }),
      select("sourceLang", m.sourceLang, values.sourceLang),
      select("targetLang", m.targetLang, values.targetLang ?? "el"),
      {
        type: "input",
        block_id: "dueOn",
        label: plain(m.dueOn),
        element: { type: "datepicker", action_id: ACTION, initial_date: values.dueOn ?? today },
      },
      {
        type: "input",
        block_id: "urgency",
        label: plain(m.urgency),
        element: {
          type: "radio_buttons",
          action_id: ACTION,
          options: urgencies,
          initial_option: urgencies.find((u) => u.value === (values.urgency ?? "normal")) ?? urgencies[0],
        },
      },
      {
        type: "input",
        block_id: "requestedFor",
        optional: true,
        label: plain(m.requestedFor),
        hint: plain(m.requestedForHint),
        element: { type: "users_select", action_id: ACTION },
      },
      text("reason", m.reason, { optional: true }),
      text("notes", m.notes, { optional: true, multiline: true }),
    ],
  };
}

/** One field of a submitted form, as Slack hands it back: read through a schema, never cast. */
const stateValue = z.object({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_user: z.string().nullish(),
});
type FormState = { values: Record<string, Record<string, unknown>> } | undefined;
function field(state: FormState, block: string): z.output<typeof stateValue> | undefined {
  const parsed = stateValue.safeParse(state?.values?.[block]?.[ACTION]);
  return parsed.success ? parsed.data : undefined;
}

/** Who the request is for, when someone files it on a colleague's behalf. */
export function readRequestedFor(state: FormState): string | undefined {
  return field(state, "requestedFor")?.selected_user ?? undefined;
}

export function readTranslationState(state: FormState): TranslationInput {
  const f = (block: string) => field(state, block);
  return {
    title: f("title")?.value ?? undefined,
    documentUrl: f("documentUrl")?.value ?? undefined,
    sourceLang: f("sourceLang")?.selected_option?.value,
    targetLang: f("targetLang")?.selected_option?.value,
    dueOn: f("dueOn")?.selected_date ?? undefined,
    urgency: f("urgency")?.selected_option?.value,
    reason: f("reason")?.value ?? undefined,
    notes: f("notes")?.value ?? undefined,
  };
}

export function langs(r: { sourceLang: string; targetLang: string }, locale: LocaleCode): string {
  return `${languageName(r.sourceLang, locale)} → ${languageName(r.targetLang, locale)}`;
}

/** The request's card: what, which languages, by when, its status, and the steps it can take. */
export function buildTranslationCard(
  t: Messages,
  locale: LocaleCode,
  r: TranslationRequest,
): { text: string; blocks: KnownBlock[] } {
  const m = t.translations;
  const title = mrkdwnLink(r.documentUrl, truncate(r.title, 150));
  const head = m.card(
    r.id,
    title,
    langs(r, locale),
    formatDayMonthYear(isoDay(r.dueOn)),
    r.urgency === "urgent",
    `<@${r.requestedBy}>`,
  );
  const who = r.assignee ? `<@${r.assignee}>` : r.vendor ? escapeMrkdwn(truncate(r.vendor, 100)) : "";
  const lines = [m.statusLine(m.statuses[r.status], who)];
  if (r.deliveredUrl) lines.push(mrkdwnLink(r.deliveredUrl, m.deliveredUrl));
  if (r.reason) lines.push(`_${escapeMrkdwn(truncate(r.reason, 300))}_`);
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncate(head, 3000) } },
    { type: "context", elements: [{ type: "mrkdwn", text: truncate(lines.join("\n"), 2000) }] },
  ];
  if (!FINAL.includes(r.status)) {
    const steps = STEP_ORDER.filter((a) => STEPS_BY_STATUS[r.status].includes(a));
    blocks.push({
      type: "actions",
      block_id: `translation:${r.id}`,
      elements: steps.map((a) => ({
        type: "button" as const,
        action_id: stepActionId(a),
        text: plain(m.actions[a], 75),
        value: String(r.id),
        ...(a === "accept" || a === "deliver"
          ? { style: "primary" as const }
          : a === "cancel"
            ? { style: "danger" as const }
            : {}),
      })),
    });
  }
  return { text: `#${r.id} ${escapeMrkdwn(r.title)} (${m.statuses[r.status]})`, blocks };
}

/** The small form for a step that needs something: whom to assign, the delivered link, comments. */
export function buildStepModal(t: Messages, action: FormStep, requestId: number): ModalView {
  const m = t.translations;
  const blocks: KnownBlock[] =
    action === "assign"
      ? [
          {
            type: "input",
            block_id: "assignee",
            optional: true,
            label: plain(m.assignee),
            element: { type: "users_select", action_id: ACTION },
          },
          {
            type: "input",
            block_id: "vendor",
            optional: true,
            label: plain(m.vendor),
            element: { type: "plain_text_input", action_id: ACTION, max_length: 200 },
          },
        ]
      : action === "deliver"
        ? [
            {
              type: "input",
              block_id: "deliveredUrl",
              label: plain(m.deliveredUrl),
              element: {
                type: "plain_text_input",
                action_id: ACTION,
                max_length: 2000,
                placeholder: plain("https://"),
              },
            },
          ]
        : [
            {
              type: "input",
              block_id: "note",
              label: plain(m.comment),
              element: { type: "plain_text_input", action_id: ACTION, multiline: true, max_length: 2000 },
            },
          ];
  return {
    type: "modal",
    callback_id: stepFormCallback(action),
    title: plain(m.actions[action], 24),
    submit: plain(m.actions[action], 24),
    close: plain(m.close, 24),
    private_metadata: stepFormMetadata.encode({ requestId, action }),
    blocks,
  };
}

export function readStepState(state: FormState): StepInput {
  return {
    assignee: field(state, "assignee")?.selected_user ?? undefined,
    vendor: (field(state, "vendor")?.value ?? "").trim() || undefined,
    deliveredUrl: (field(state, "deliveredUrl")?.value ?? "").trim() || undefined,
    note: (field(state, "note")?.value ?? "").trim() || undefined,
  };
}

export function translationErrorText(t: Messages, e: TranslationError): string {
  return e.code === "tooLong" ? t.translations.errors.tooLong(e.max) : t.translations.errors[e.code];
}

export function stepInputErrorText(t: Messages, e: StepInputError): string {
  return e.code === "assignNeedsOne" ? t.translations.assignNeedsOne : t.translations.errors.urlInvalid;
}

/** Why a step was not taken, for the person who tried. */
export function refusalText(
  t: Messages,
  outcome: { reason: StepRefusal; request: { status: TranslationStatus } } | "not_found",
) {
  const m = t.translations;
  if (outcome === "not_found") return m.notFound;
  return outcome.reason === "not_yours"
    ? m.refused.not_yours
    : m.refused.not_allowed_now(m.statuses[outcome.request.status]);
}

/** `/translate list …`: one line a request. */
export function requestListText(
  t: Messages,
  locale: LocaleCode,
  filter: "mine" | "open" | "overdue",
  rows: TranslationRequest[],
  today: string,
): string {
  const m = t.translations;
  const lines = rows.map((r) =>
    m.listLine(
      r.id,
      escapeMrkdwn(truncate(r.title, 100)),
      langs(r, locale),
      formatDayMonthYear(isoDay(r.dueOn)),
      m.statuses[r.status],
      r.status !== "delivered" && isoDay(r.dueOn) < today,
    ),
  );
  return [m.listTitle(m.filters[filter]), ...(lines.length ? lines : [m.listEmpty])].join("\n");
}

/** An overdue request in the coordinators' reminder: with who has it. */
export function overdueLine(t: Messages, r: TranslationRequest): string {
  const m = t.translations;
  const who = r.assignee ? ` · <@${r.assignee}>` : r.vendor ? ` · ${escapeMrkdwn(r.vendor)}` : "";
  return m.listLine(
    r.id,
    escapeMrkdwn(truncate(r.title, 100)),
    `${r.sourceLang}→${r.targetLang}`,
    formatDayMonthYear(isoDay(r.dueOn)),
    `${m.statuses[r.status]}${who}`,
    true,
  );
}

/** What a step's news says, in the card's thread and in the DMs. */
export function stepNewsText(
  t: Messages,
  step: { request: TranslationRequest; action: TranslationAction; by: string; note?: string },
): string {
  const { request: r, action } = step;
  const m = t.translations.news;
  const who = `<@${step.by}>`;
  switch (action) {
    case "assign":
      return m.assign(r.id, r.assignee ? `<@${r.assignee}>` : escapeMrkdwn(r.vendor ?? ""), who);
    case "start":
      return m.start(r.id, who);
    case "deliver":
      // The link as typed by the translator: written as a link, never as raw mrkdwn.
      return m.deliver(r.id, r.deliveredUrl ? mrkdwnLink(r.deliveredUrl, r.deliveredUrl) : "", who);
    case "accept":
      return m.accept(r.id, who);
    case "return":
      return m.return(r.id, who, escapeMrkdwn(truncate(step.note ?? "", 1000)));
    case "cancel":
      return m.cancel(r.id, who);
  }
}

/**
 * A step's news as a DM: the news, then which request it is (its title linked to the document, its
 * languages and due date), since a DM is read away from the card.
 */
export function stepNewsDm(
  t: Messages,
  locale: LocaleCode,
  step: { request: TranslationRequest; action: TranslationAction; by: string; note?: string },
): string {
  const r = step.request;
  const details = t.translations.newsDetails(
    mrkdwnLink(r.documentUrl, truncate(r.title, 150)),
    langs(r, locale),
    formatDayMonthYear(isoDay(r.dueOn)),
  );
  return `${stepNewsText(t, step)}\n${details}`;
}

const sharedMessage = z.object({
  text: z.string().optional(),
  files: z
    .array(z.object({ name: z.string().optional(), title: z.string().optional(), permalink: z.string().optional() }))
    .optional(),
});

/**
 * What the "Request translation" shortcut fills in from the message it was used on: its first
 * file (or else its first web link) and a title.
 */
export function requestFromMessage(message: unknown): TranslationInput {
  const parsed = sharedMessage.safeParse(message);
  if (!parsed.success) return {};
  const { text = "", files } = parsed.data;
  const file = files?.[0];
  const link = /<(https?:\/\/[^|>]+)(?:\|[^>]*)?>/.exec(text)?.[1];
  const documentUrl = file?.permalink ?? (link && parseWebUrl(link) ? link : undefined);
  const title =
    file?.title ??
    file?.name ??
    text
      .split("\n")[0]
      ?.replace(/<[^>]*>/g, "")
      .trim();
  return { documentUrl, title: title ? truncate(title, 200) : undefined };
}
