// Translation requests as Block Kit: the request form, the card in the office's channel with a
// button for each step, and the small forms some steps need. Data in, Block Kit out.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { LANGUAGES, languageName } from "../languages.js";
import type { TranslationAction, TranslationStatus } from "../translation-flow.js";
import type { TranslationRequest } from "../translation-service.js";
import { isoDay } from "../translation-service.js";
import { TRANSLATION_LIMITS, type TranslationInput } from "../translation-validation.js";

export const TRANSLATION_MODAL_CALLBACK = "translation_modal";
export const STEP_MODAL_CALLBACK = "translation_step_modal";
export const STEP_ACTION_PREFIX = "translation_step_";
export const REQUEST_TRANSLATION_SHORTCUT = "request_translation";
const ACTION = "value";

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
    private_metadata: JSON.stringify({ channel: options.channel }),
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

type StateValue = {
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
  selected_user?: string | null;
};

/** Who the request is for, when someone files it on a colleague's behalf. */
export function readRequestedFor(
  state: { values: Record<string, Record<string, unknown>> } | undefined,
): string | undefined {
  const values = (state?.values ?? {}) as Record<string, Record<string, StateValue>>;
  return values.requestedFor?.[ACTION]?.selected_user ?? undefined;
}

export function readTranslationState(
  state: { values: Record<string, Record<string, unknown>> } | undefined,
): TranslationInput {
  const values = (state?.values ?? {}) as Record<string, Record<string, StateValue>>;
  const f = (block: string) => values[block]?.[ACTION];
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
        action_id: `${STEP_ACTION_PREFIX}${a}`,
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
  return { text: `#${r.id} ${r.title} (${m.statuses[r.status]})`, blocks };
}

/** The small form for a step that needs something: whom to assign, the delivered link, comments. */
export function buildStepModal(
  t: Messages,
  action: "assign" | "deliver" | "return",
  requestId: number,
  card?: { channel: string; ts: string },
): ModalView {
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
    callback_id: STEP_MODAL_CALLBACK,
    title: plain(m.actions[action], 24),
    submit: plain(m.actions[action], 24),
    close: plain(m.close, 24),
    private_metadata: JSON.stringify({ requestId, action, card }),
    blocks,
  };
}

export function readStepState(state: { values: Record<string, Record<string, unknown>> } | undefined) {
  const values = (state?.values ?? {}) as Record<string, Record<string, StateValue>>;
  return {
    assignee: values.assignee?.[ACTION]?.selected_user ?? undefined,
    vendor: (values.vendor?.[ACTION]?.value ?? "").trim() || undefined,
    deliveredUrl: (values.deliveredUrl?.[ACTION]?.value ?? "").trim() || undefined,
    note: (values.note?.[ACTION]?.value ?? "").trim() || undefined,
  };
}
