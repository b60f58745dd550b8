// The contact form: data in, Block Kit out. No Slack calls, no database.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { channelSchema, idField, optionalJsonCodec } from "../../../slack/codec.js";
import { formState } from "../../../slack/form-state.js";
import { truncate } from "../../../slack/mrkdwn.js";
import type { CategoryOption } from "../contact-service.js";
import { CONTACT_LIMITS, type ContactInput } from "../contact-validation.js";

export const CONTACT_MODAL_CALLBACK = "contact_modal";
const ACTION = "value";
const NONE = "none";

/** Block ids are the field names, so validation errors land under the right field. */
export const CONTACT_BLOCK = {
  nameEl: "nameEl",
  nameLatin: "nameLatin",
  title: "title",
  organisation: "organisation",
  categorySlug: "categorySlug",
  country: "country",
  language: "language",
  email: "email",
  phone: "phone",
  address: "address",
  vip: "vip",
  nameDayChoice: "nameDayChoice",
  nameDayKey: "nameDayOther",
  notes: "notes",
  consent: "consent",
  source: "source",
  optOutGreetings: "optOutGreetings",
  notice: "notice",
} as const;

export interface ContactModalMetadata {
  channel?: string;
  /** Editing this contact rather than adding one. */
  contactId?: number;
  /** The edited contact's version when the form was opened (contactVersion). */
  version?: number;
}

export interface NameDayChoice {
  key: string;
  label: string;
}

/** What the form holds, plus the name-day choice it offers. */
export interface ContactFormValues extends ContactInput {
  /** A choice among the offered feasts: a key, "none", or nothing chosen. */
  nameDayChoice?: string;
  /** Text typed as "another date" (15/8, Πάσχα+5). */
  nameDayOther?: string;
}

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 150), emoji: true });
const option = (text: string, value: string): PlainTextOption => ({
  text: { type: "plain_text", text: truncate(text, 75), emoji: true },
  value,
});

export function buildContactModal(options: {
  t: Messages;
  locale: LocaleCode;
  categories: CategoryOption[];
  values: ContactFormValues;
  /** The feasts of the contact's first name, offered as choices (at most 9 fit beside "none"). */
  nameDayChoices: NameDayChoice[];
  metadata: ContactModalMetadata;
  notice?: string;
}): ModalView {
  const { t, locale, categories, values, nameDayChoices, metadata, notice } = options;
  const m = t.contacts;
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push({ type: "section", block_id: CONTACT_BLOCK.notice, text: { type: "mrkdwn", text: notice } });
  const text = (
    field: keyof typeof CONTACT_LIMITS,
    label: string,
    opts: { optional?: boolean; multiline?: boolean; placeholder?: string; hint?: string; block?: string } = {},
  ) =>
    blocks.push({
      type: "input",
      block_id: opts.block ?? field,
      optional: opts.optional ?? true,
      label: plain(label),
      ...(opts.hint ? { hint: plain(opts.hint) } : {}),
      element: {
        type: "plain_text_input",
        action_id: ACTION,
        max_length: CONTACT_LIMITS[field],
        multiline: opts.multiline ?? false,
        ...(values[field] ? { initial_value: String(values[field]).slice(0, CONTACT_LIMITS[field]) } : {}),
        ...(opts.placeholder ? { placeholder: plain(opts.placeholder) } : {}),
      },
    });
  const checkbox = (block: string, label: string, optionText: string, checked: boolean) => {
    const only = option(optionText, "yes");
    blocks.push({
      type: "input",
      block_id: block,
      optional: true,
      label: plain(label),
      element: {
        type: "checkboxes",
        action_id: ACTION,
        options: [only],
        ...(checked ? { initial_options: [only] } : {}),
      },
    });
  };

  text("nameEl", m.nameEl, { optional: false, placeholder: m.nameElPlaceholder });
  text("nameLatin", m.nameLatin);
  text("title", m.title);
  text("organisation", m.organisation);
  if (categories.length > 0) {
    const all = categories.slice(0, 100).map((c) => option(locale === "en" ? c.nameEn : c.nameEl, c.slug));
    const initial = all.find((o) => o.value === values.categorySlug);
    blocks.push({
      type: "input",
      block_id: CONTACT_BLOCK.categorySlug,
      optional: true,
      label: plain(m.category),
      element: {
        type: "static_select",
        action_id: ACTION,
        placeholder: plain(m.categoryPlaceholder),
        options: all,
        ...(initial ? { initial_option: initial } : {}),
      },
    });
  }
  text("country", m.country);
  text("language", m.language);
  text("email", m.email);
  text("phone", m.phone);
  text("address", m.address, { multiline: true });
  checkbox(CONTACT_BLOCK.vip, m.vip, m.vipOption, values.vip ?? false);

  if (nameDayChoices.length > 0) {
    const choices = [...nameDayChoices.slice(0, 9).map((c) => option(c.label, c.key)), option(m.nameDayNone, NONE)];
    const initial = choices.find((o) => o.value === values.nameDayChoice);
    blocks.push({
      type: "input",
      block_id: CONTACT_BLOCK.nameDayChoice,
      optional: true,
      label: plain(m.nameDayChoice),
      element: {
        type: "radio_buttons",
        action_id: ACTION,
        options: choices,
        ...(initial ? { initial_option: initial } : {}),
      },
    });
  }
  blocks.push({
    type: "input",
    block_id: CONTACT_BLOCK.nameDayKey,
    optional: true,
    label: plain(m.nameDayOther),
    hint: plain(m.nameDayOtherHint),
    element: {
      type: "plain_text_input",
      action_id: ACTION,
      max_length: 20,
      ...(values.nameDayOther ? { initial_value: values.nameDayOther.slice(0, 20) } : {}),
    },
  });
  text("notes", m.notes, { multiline: true });
  text("consent", m.consent, { hint: m.consentHint });
  text("source", m.source);
  checkbox(CONTACT_BLOCK.optOutGreetings, m.optOut, m.optOutOption, values.optOutGreetings ?? false);

  return {
    type: "modal",
    callback_id: CONTACT_MODAL_CALLBACK,
    title: plain(truncate(metadata.contactId ? m.editTitle : m.modalTitle, 24)),
    submit: plain(truncate(m.submit, 24)),
    close: plain(truncate(m.close, 24)),
    private_metadata: contactModalMetadata.encode(metadata),
    blocks,
  };
}

/** The contact form's metadata: the contact edited (none for a new one), and the channel. */
export const contactModalMetadata = optionalJsonCodec(
  z.object({
    channel: channelSchema.shape.channel,
    contactId: idField.optional(),
    version: z.number().int().nonnegative().optional(),
  }),
  {},
);

export function readContactModalState(state: unknown): ContactFormValues {
  const f = formState(state, [ACTION]);
  const { text, checked } = f;
  return {
    nameEl: text(CONTACT_BLOCK.nameEl),
    nameLatin: text(CONTACT_BLOCK.nameLatin),
    title: text(CONTACT_BLOCK.title),
    organisation: text(CONTACT_BLOCK.organisation),
    categorySlug: f.choice(CONTACT_BLOCK.categorySlug),
    country: text(CONTACT_BLOCK.country),
    language: text(CONTACT_BLOCK.language),
    email: text(CONTACT_BLOCK.email),
    phone: text(CONTACT_BLOCK.phone),
    address: text(CONTACT_BLOCK.address),
    vip: checked(CONTACT_BLOCK.vip),
    nameDayChoice: f.choice(CONTACT_BLOCK.nameDayChoice),
    nameDayOther: text(CONTACT_BLOCK.nameDayKey),
    notes: text(CONTACT_BLOCK.notes),
    consent: text(CONTACT_BLOCK.consent),
    source: text(CONTACT_BLOCK.source),
    optOutGreetings: checked(CONTACT_BLOCK.optOutGreetings),
  };
}

export const NO_NAME_DAY = NONE;
