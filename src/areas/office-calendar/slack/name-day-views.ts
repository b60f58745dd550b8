// The morning's name-day message: per day, each contact with "wishes sent" and "skip" buttons;
// once someone answers, the buttons give way to who answered and when.
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { weekdayAndDate } from "../../../calendar/namedays/describe.js";
import type { Feast } from "../../../calendar/namedays/nameday-calendar.js";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonth, formatLocalTime, localDate } from "../../../lib/clock.js";
import { type Codec, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { contactLine } from "../../contacts/index.js";
import { MAX_VOCATIVE } from "../greeting-service.js";
import type { NameDayOfContact } from "../name-day-reminder.js";

export const WISHES_SENT_ACTION = "name_day_wishes_sent";
export const WISHES_SKIP_ACTION = "name_day_skip";
/** Opens the form that corrects how a contact is addressed (the name in the vocative). */
export const VOCATIVE_ACTION = "name_day_vocative";
export const VOCATIVE_CALLBACK = "name_day_vocative_modal";
export const VOCATIVE_BLOCK = "vocative";

/** The vocative form's metadata: which contact, and the channel to answer in. */
export const vocativeMetadata = jsonCodec(z.object({ contactId: idField, channel: z.string().max(40).optional() }));
/** Slack allows 50 blocks a message: each contact takes two, plus the heading and a line per day (a long holiday: up to 7). */
export const CONTACTS_PER_MESSAGE = 20;

/** How many everyday forms follow a feast's principal names in `/giortes`. */
const VARIANTS_SHOWN = 6;

/**
 * One feast of a day in `/giortes`: its principal names in bold, in the office's order, then a
 * few of its everyday forms: «• *Μαρία*, *Μάριος*, *Μαίρη* (Μάρω, Μαριώ, …)».
 */
export function feastNamesLine(feast: Pick<Feast, "names" | "principal" | "label">, locale: LocaleCode): string {
  const principal = feast.principal.length > 0 ? feast.principal : feast.names.slice(0, 1);
  const others = feast.names.filter((n) => !principal.includes(n));
  const label = feast.label
    ? ` _${escapeMrkdwn(locale === "en" && feast.label.en ? feast.label.en : feast.label.el)}_`
    : "";
  const variants = others.slice(0, VARIANTS_SHOWN).map(escapeMrkdwn).join(", ");
  const more = others.length > VARIANTS_SHOWN ? ", …" : "";
  return `• ${principal.map((n) => `*${escapeMrkdwn(n)}*`).join(", ")}${variants ? ` (${variants}${more})` : ""}${label}`;
}

/** The block id of a contact's buttons: which contact, which day. */
export function greetingBlockId(contactId: number, date: string): string {
  return `greet:${contactId}:${date}`;
}

/** Which contact and day a block's id or a button's value is about: `<contact id>:<date>`. */
export const greetingValue: Codec<{ contactId: number; date: string }> = {
  decode(raw) {
    const m = /^([1-9]\d{0,9}):(\d{4}-\d{2}-\d{2})$/.exec(raw ?? "");
    return m && Number(m[1]) <= 2_147_483_647 ? { contactId: Number(m[1]), date: m[2] as string } : undefined;
  },
  encode: ({ contactId, date }) => `${contactId}:${date}`,
};

/** The contact and day of a block of the name-day message, when it is a contact's answer block. */
export function greetingOfBlock(blockId: string | undefined): { contactId: number; date: string } | undefined {
  return blockId?.startsWith("greet:") ? greetingValue.decode(blockId.slice("greet:".length)) : undefined;
}

/**
 * The name-day message redrawn: each contact's buttons, or who answered and when once someone has.
 * `stateOf` is what is recorded for a block's contact and day.
 */
export function redrawNameDayBlocks(
  t: Messages,
  blocks: readonly KnownBlock[],
  stateOf: (contactId: number, date: string) => RecordedState | undefined,
  timeZone: string,
): KnownBlock[] {
  return blocks.map((block) => {
    const target = greetingOfBlock(block.block_id);
    if (!target) return block;
    const state = stateOf(target.contactId, target.date);
    return state && state.status !== "pending"
      ? {
          type: "context",
          block_id: block.block_id,
          elements: [{ type: "mrkdwn", text: recordedLine(t, state.status, state.doneBy, state.doneAt, timeZone) }],
        }
      : answerBlocks(t, target);
  });
}

export interface RecordedState {
  status: "pending" | "sent" | "skipped";
  doneBy: string | null;
  doneAt: Date | null;
}

export function recordedLine(
  t: Messages,
  status: "sent" | "skipped",
  by: string | null,
  at: Date | null,
  timeZone: string,
): string {
  const who = by ? `<@${by}>` : "?";
  const time = at ? `${formatDayMonth(localDate(at, timeZone))}, ${formatLocalTime(at, timeZone)}` : "";
  return status === "sent" ? t.nameDays.recordedSent(who, time) : t.nameDays.recordedSkipped(who, time);
}

export function answerBlocks(t: Messages, entry: { contactId: number; date: string }): KnownBlock {
  const value = greetingValue.encode(entry);
  return {
    type: "actions",
    block_id: greetingBlockId(entry.contactId, entry.date),
    elements: [
      {
        type: "button",
        action_id: WISHES_SENT_ACTION,
        style: "primary",
        text: { type: "plain_text", text: t.nameDays.wishesSent },
        value,
      },
      { type: "button", action_id: WISHES_SKIP_ACTION, text: { type: "plain_text", text: t.nameDays.skip }, value },
      {
        type: "button",
        action_id: VOCATIVE_ACTION,
        text: { type: "plain_text", text: t.nameDays.vocativeButton },
        value,
      },
    ],
  };
}

/** The wish offered for a contact, as a quote staff can copy: «> Χρόνια πολλά, Γιώργο!». */
export function greetingQuote(greeting: string | undefined): string {
  return greeting
    ? `\n${greeting
        .split("\n")
        .map((line) => `> ${escapeMrkdwn(line)}`)
        .join("\n")}`
    : "";
}

/** The form that corrects how a contact is addressed, prefilled with what the wishes use now. */
export function vocativeModal(
  t: Messages,
  contact: { id: number; nameEl: string },
  current: string,
  channel?: string,
): ModalView {
  return {
    type: "modal",
    callback_id: VOCATIVE_CALLBACK,
    title: { type: "plain_text", text: truncate(t.nameDays.vocativeTitle, 24) },
    submit: { type: "plain_text", text: truncate(t.nameDays.vocativeSubmit, 24) },
    close: { type: "plain_text", text: truncate(t.contacts.close, 24) },
    private_metadata: vocativeMetadata.encode({ contactId: contact.id, ...(channel ? { channel } : {}) }),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: truncate(`*${escapeMrkdwn(contact.nameEl)}*`, 3000) } },
      {
        type: "input",
        block_id: VOCATIVE_BLOCK,
        optional: true,
        label: { type: "plain_text", text: truncate(t.nameDays.vocativeLabel, 2000) },
        hint: { type: "plain_text", text: truncate(t.nameDays.vocativeHint, 2000) },
        element: {
          type: "plain_text_input",
          action_id: "value",
          max_length: MAX_VOCATIVE,
          ...(current ? { initial_value: current.slice(0, MAX_VOCATIVE) } : {}),
        },
      },
    ],
  };
}

export function buildNameDayMessages(options: {
  t: Messages;
  locale: LocaleCode;
  today: string;
  days: string[];
  entries: NameDayOfContact[];
  timeZone: string;
  nameDayOf: (key: string) => string;
  /** The wish to offer for a contact (see `suggestedGreeting`). */
  greetingOf?: (contact: NameDayOfContact["contact"]) => string | undefined;
}): { text: string; blocks: KnownBlock[] }[] {
  const { t, locale, today, days, entries, timeZone } = options;
  const dayLabel = (d: string) =>
    d === today ? t.nameDays.reminderToday : d === days[1] && days.length === 2 ? t.nameDays.reminderTomorrow : "";
  const headingDays = days
    .filter((d) => entries.some((e) => e.date === d))
    .map((d) => `${dayLabel(d) ? `${dayLabel(d)} ` : ""}${weekdayAndDate(t, d)}`)
    .join(", ");
  const heading = t.nameDays.reminderHeading(headingDays);
  const messages: { text: string; blocks: KnownBlock[] }[] = [];
  for (let i = 0; i < entries.length; i += CONTACTS_PER_MESSAGE) {
    const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: truncate(heading, 3000) } }];
    let lastDay = "";
    for (const entry of entries.slice(i, i + CONTACTS_PER_MESSAGE)) {
      if (entry.date !== lastDay && days.length > 1) {
        blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `*${weekdayAndDate(t, entry.date)}*` }] });
        lastDay = entry.date;
      }
      const c = entry.contact;
      blocks.push({
        type: "section",
        text: {
          type: "mrkdwn",
          text: truncate(
            contactLine(t, locale, c, c.nameDayKey ? options.nameDayOf(c.nameDayKey) : undefined) +
              greetingQuote(options.greetingOf?.(c)),
            3000,
          ),
        },
      });
      const recorded = entry.recorded;
      blocks.push(
        recorded && recorded.status !== "pending"
          ? {
              type: "context",
              block_id: greetingBlockId(c.id, entry.date),
              elements: [
                { type: "mrkdwn", text: recordedLine(t, recorded.status, recorded.doneBy, recorded.doneAt, timeZone) },
              ],
            }
          : answerBlocks(t, { contactId: c.id, date: entry.date }),
      );
    }
    messages.push({ text: heading.replace(/\*/g, ""), blocks });
  }
  return messages;
}
