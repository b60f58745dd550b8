// Events as Block Kit: the form, the card with its buttons, the cancel form. Data in, Block Kit out.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonthYear, formatLocalTime, localDate } from "../../../lib/clock.js";
import { channelSchema, idField, jsonCodec } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { LANGUAGES, languageName } from "../../translations/languages.js";
import { EVENT_LIMITS, type EventInput } from "../event-validation.js";
import type { EventWithType } from "../store.js";

export const EVENT_MODAL_CALLBACK = "event_modal";
export const EVENT_CANCEL_CALLBACK = "event_cancel_modal";
export const EVENT_ICS_ACTION = "event_ics";
export const EVENT_CANCEL_ACTION = "event_cancel";
export const EVENT_CREATE_ACTION = "event_create";
export const EVENT_EDIT_ACTION = "event_edit";
export const EVENT_CHECKLIST_ACTION = "event_checklist";
/** The form's partner select: its options come from the partners' search (onOptions). */
export const EVENT_PARTNER_OPTIONS = "event_partner";
const ACTION = "value";

/** The event form's private_metadata. */
export const eventModalMetadata = jsonCodec(
  channelSchema.extend({
    /** Set after an overlap warning: the next submission is stored anyway. */
    acceptOverlap: z.boolean().optional(),
    /** Correcting this event rather than registering a new one. */
    eventId: idField.optional(),
  }),
);
export type EventModalMetadata = NonNullable<ReturnType<typeof eventModalMetadata.decode>>;

/** The cancel form's private_metadata: the event, and the channel it was opened from. */
export const cancelMetadata = jsonCodec(channelSchema.extend({ id: idField }));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/**
 * A national-day reminder's button (office-calendar's calendar-notes job writes it): the form
 * prefilled with the day, its name and the kind.
 */
export const newEventValue = jsonCodec(
  z.object({
    title: z.string().max(EVENT_LIMITS.title).optional(),
    date: isoDate.optional(),
    type: z.string().max(60).optional(),
  }),
);

const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

export function buildEventModal(options: {
  t: Messages;
  locale: LocaleCode;
  types: { slug: string; nameEl: string; nameEn: string }[];
  values: EventInput;
  today: string;
  metadata: EventModalMetadata;
  notice?: string;
  /** The partner chosen (values.partnerId), shown as the select's initial option. */
  partner?: { id: number; name: string };
}): ModalView {
  const { t, locale, types, values, today, metadata, notice, partner } = options;
  const m = t.events;
  const text = (block: keyof typeof EVENT_LIMITS, label: string, optional: boolean, multiline = false): KnownBlock => ({
    type: "input",
    block_id: block,
    optional,
    label: plain(label),
    element: {
      type: "plain_text_input",
      action_id: ACTION,
      max_length: EVENT_LIMITS[block],
      multiline,
      ...(values[block] ? { initial_value: String(values[block]).slice(0, EVENT_LIMITS[block]) } : {}),
    },
  });
  const check = (block: string, label: string, optionText: string, on: boolean): KnownBlock => {
    const only = option(optionText, "yes");
    return {
      type: "input",
      block_id: block,
      optional: true,
      label: plain(label),
      element: { type: "checkboxes", action_id: ACTION, options: [only], ...(on ? { initial_options: [only] } : {}) },
    };
  };
  const typeOptions = types.slice(0, 100).map((ty) => option(locale === "en" ? ty.nameEn : ty.nameEl, ty.slug));
  const chosenType = typeOptions.find((o) => o.value === values.typeSlug);
  const languages = Object.keys(LANGUAGES).map((c) => option(languageName(c, locale), c));
  const chosenLanguages = languages.filter((o) => values.languages?.includes(o.value ?? ""));
  const blocks: KnownBlock[] = [];
  if (notice)
    blocks.push({ type: "section", block_id: "notice", text: { type: "mrkdwn", text: truncate(notice, 3000) } });
  blocks.push(
    text("title", m.title, false),
    {
      type: "input",
      block_id: "typeSlug",
      label: plain(m.type),
      element: {
        type: "static_select",
        action_id: ACTION,
        options: typeOptions,
        ...(chosenType ? { initial_option: chosenType } : {}),
      },
    },
    {
      type: "input",
      block_id: "startDate",
      label: plain(m.startDate),
      element: { type: "datepicker", action_id: ACTION, initial_date: values.startDate ?? today },
    },
    {
      type: "input",
      block_id: "startTime",
      optional: true,
      label: plain(m.startTime),
      element: {
        type: "timepicker",
        action_id: ACTION,
        ...(values.startTime ? { initial_time: values.startTime } : {}),
      },
    },
    {
      type: "input",
      block_id: "endDate",
      optional: true,
      label: plain(m.endDate),
      element: { type: "datepicker", action_id: ACTION, ...(values.endDate ? { initial_date: values.endDate } : {}) },
    },
    {
      type: "input",
      block_id: "endTime",
      optional: true,
      label: plain(m.endTime),
      element: { type: "timepicker", action_id: ACTION, ...(values.endTime ? { initial_time: values.endTime } : {}) },
    },
    check("allDay", m.allDay, m.allDayOption, values.allDay ?? false),
    text("venue", m.venue, true),
    text("organiser", m.organiser, true),
    {
      type: "input",
      block_id: "responsible",
      optional: true,
      label: plain(m.responsible),
      element: {
        type: "multi_users_select",
        action_id: ACTION,
        ...(values.responsible?.length ? { initial_users: values.responsible } : {}),
      },
    },
    {
      type: "input",
      block_id: "expectedAttendance",
      optional: true,
      label: plain(m.expectedAttendance),
      element: {
        type: "plain_text_input",
        action_id: ACTION,
        max_length: 6,
        ...(values.expectedAttendance ? { initial_value: values.expectedAttendance } : {}),
      },
    },
    {
      type: "input",
      block_id: "languages",
      optional: true,
      label: plain(m.languages),
      element: {
        type: "multi_static_select",
        action_id: ACTION,
        options: languages,
        ...(chosenLanguages.length ? { initial_options: chosenLanguages } : {}),
      },
    },
    {
      type: "input",
      block_id: "partnerId",
      optional: true,
      label: plain(m.partner),
      element: {
        type: "external_select",
        action_id: EVENT_PARTNER_OPTIONS,
        min_query_length: 1,
        placeholder: plain(m.partnerPlaceholder),
        ...(partner ? { initial_option: option(partner.name, String(partner.id)) } : {}),
      },
    },
    text("relatedOrganisation", m.relatedOrganisation, true),
    text("notes", m.notes, true, true),
    check("pastRecord", m.pastRecord, m.pastRecordOption, values.pastRecord ?? false),
  );
  return {
    type: "modal",
    callback_id: EVENT_MODAL_CALLBACK,
    title: plain(metadata.eventId ? m.editTitle : m.modalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: eventModalMetadata.encode(metadata),
    blocks,
  };
}

export function readEventState(state: unknown): EventInput {
  const f = formState(state, [ACTION, EVENT_PARTNER_OPTIONS]);
  return {
    title: f.text("title"),
    typeSlug: f.choice("typeSlug"),
    startDate: f.date("startDate"),
    startTime: f.time("startTime"),
    endDate: f.date("endDate"),
    endTime: f.time("endTime"),
    allDay: f.checked("allDay"),
    venue: f.text("venue"),
    organiser: f.text("organiser"),
    responsible: f.users("responsible"),
    expectedAttendance: f.text("expectedAttendance"),
    languages: f.choices("languages"),
    relatedOrganisation: f.text("relatedOrganisation"),
    partnerId: f.choice("partnerId"),
    notes: f.text("notes"),
    pastRecord: f.checked("pastRecord"),
  };
}

/** «Πέμπτη 25/3/2027 10:00 – 12:00», or the dates alone for an all-day event. */
export function eventWhen(t: Messages, e: { startsAt: Date; endsAt: Date; allDay: boolean }, timeZone: string): string {
  const time = (d: Date) => formatLocalTime(d, timeZone);
  const [startDay, endDay] = [localDate(e.startsAt, timeZone), localDate(e.endsAt, timeZone)];
  if (e.allDay)
    return startDay === endDay
      ? formatDayMonthYear(startDay)
      : t.events.when(formatDayMonthYear(startDay), formatDayMonthYear(endDay));
  const start = `${formatDayMonthYear(startDay)} ${time(e.startsAt)}`;
  return t.events.when(start, startDay === endDay ? time(e.endsAt) : `${formatDayMonthYear(endDay)} ${time(e.endsAt)}`);
}

export function eventCard(
  t: Messages,
  locale: LocaleCode,
  e: EventWithType,
  timeZone: string,
  /** The partner it was with (the partners area's name and its card's button), if one was chosen. */
  partner?: { name: string; actionId: string; value: string },
): { text: string; blocks: KnownBlock[] } {
  const m = t.events;
  const head = m.card(
    e.id,
    escapeMrkdwn(truncate(e.title, 150)),
    escapeMrkdwn(locale === "en" ? e.type.nameEn : e.type.nameEl),
    eventWhen(t, e, timeZone),
    escapeMrkdwn(truncate(e.venue ?? "", 100)),
  );
  const lines = [
    partner ? m.partnerLine(escapeMrkdwn(truncate(partner.name, 150))) : "",
    e.responsible.length ? m.responsibleLine(e.responsible.map((u) => `<@${u}>`).join(", ")) : "",
    e.status === "cancelled" ? m.cancelledMark(escapeMrkdwn(truncate(e.cancelReason ?? "", 300))) : "",
  ].filter(Boolean);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: truncate(head, 3000) } }];
  if (lines.length)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(lines.join("\n"), 2000) }] });
  blocks.push({
    type: "actions",
    block_id: `event:${e.id}`,
    elements: [
      { type: "button", action_id: EVENT_ICS_ACTION, text: plain(m.ics, 75), value: String(e.id) },
      ...(partner
        ? [
            {
              type: "button" as const,
              action_id: partner.actionId,
              text: plain(m.partnerButton, 75),
              value: partner.value,
            },
          ]
        : []),
      ...(e.status === "scheduled"
        ? [
            { type: "button" as const, action_id: EVENT_EDIT_ACTION, text: plain(m.edit, 75), value: String(e.id) },
            {
              type: "button" as const,
              action_id: EVENT_CHECKLIST_ACTION,
              text: plain(m.checklist, 75),
              value: String(e.id),
            },
            {
              type: "button" as const,
              action_id: EVENT_CANCEL_ACTION,
              style: "danger" as const,
              text: plain(m.cancel, 75),
              value: String(e.id),
            },
          ]
        : []),
    ],
  });
  return { text: head.replace(/\*/g, ""), blocks };
}

export function cancelModal(t: Messages, e: EventWithType, channel?: string): ModalView {
  return {
    type: "modal",
    callback_id: EVENT_CANCEL_CALLBACK,
    title: plain(t.events.cancelTitle, 24),
    submit: plain(t.events.cancel, 24),
    close: plain(t.events.close, 24),
    private_metadata: cancelMetadata.encode({ id: e.id, ...(channel ? { channel } : {}) }),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*#${e.id} ${escapeMrkdwn(truncate(e.title, 150))}*` } },
      {
        type: "input",
        block_id: "reason",
        optional: true,
        label: plain(t.events.cancelReason),
        element: { type: "plain_text_input", action_id: ACTION, multiline: true, max_length: 500 },
      },
    ],
  };
}

/** The form's values for an event being corrected, on the office's wall clock. */
export function eventValues(e: EventWithType, timeZone: string): EventInput {
  const time = (d: Date) => formatLocalTime(d, timeZone);
  return {
    title: e.title,
    typeSlug: e.typeSlug,
    startDate: localDate(e.startsAt, timeZone),
    startTime: e.allDay ? undefined : time(e.startsAt),
    endDate: localDate(e.endsAt, timeZone),
    endTime: e.allDay ? undefined : time(e.endsAt),
    allDay: e.allDay,
    venue: e.venue ?? undefined,
    organiser: e.organiser ?? undefined,
    responsible: e.responsible,
    expectedAttendance: e.expectedAttendance ? String(e.expectedAttendance) : undefined,
    languages: e.languages,
    relatedOrganisation: e.relatedOrganisation ?? undefined,
    partnerId: e.partnerId ? String(e.partnerId) : undefined,
    notes: e.notes ?? undefined,
    pastRecord: e.pastRecord,
  };
}
