// The register of correspondence as Block Kit and mrkdwn: the entry form, the entries with their
// menu, the answers to `/letter`, the reminders' lines and the digest's section. Data in, Block Kit
// or text out.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { type Codec, channelMetadata, enumCodec, idCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent } from "../../digest/digest-section.js";
import { LANGUAGES, languageName } from "../../translations/languages.js";
import { type Letter, type LetterOutcome, protocolNumber } from "../letter-service.js";
import { DIRECTIONS, LETTER_KINDS, LETTER_LIMITS, type LetterError, type LetterInput } from "../letter-validation.js";

export const LETTER_MODAL_CALLBACK = "letter_modal";
export const LETTER_MENU_ACTION = "letter_menu";
/** A letter's entry, from a button elsewhere (the meeting it became links back to it). */
export const LETTER_OPEN_ACTION = "letter_open";
const ACTION = "value";
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

export function buildLetterModal(t: Messages, locale: LocaleCode, today: string, channel?: string): ModalView {
  const m = t.letters;
  const text = (
    block: keyof typeof LETTER_LIMITS,
    label: string,
    optional: boolean,
    multiline = false,
    placeholder?: string,
  ): KnownBlock => ({
    type: "input",
    block_id: block,
    optional,
    label: plain(label),
    element: {
      type: "plain_text_input",
      action_id: ACTION,
      max_length: LETTER_LIMITS[block],
      multiline,
      ...(placeholder ? { placeholder: plain(placeholder) } : {}),
    },
  });
  const directions = DIRECTIONS.map((d) => option(m.directions[d], d));
  const kinds = LETTER_KINDS.map((k) => option(m.kinds[k], k));
  return {
    type: "modal",
    callback_id: LETTER_MODAL_CALLBACK,
    title: plain(m.modalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: letterFormMetadata.encode(channel ? { channel } : {}),
    blocks: [
      {
        type: "input",
        block_id: "direction",
        label: plain(m.direction),
        element: { type: "radio_buttons", action_id: ACTION, options: directions, initial_option: directions[0] },
      },
      {
        type: "input",
        block_id: "kind",
        label: plain(m.kind),
        element: { type: "radio_buttons", action_id: ACTION, options: kinds, initial_option: kinds[0] },
      },
      {
        type: "input",
        block_id: "letterDate",
        label: plain(m.letterDate),
        element: { type: "datepicker", action_id: ACTION, initial_date: today },
      },
      text("counterpart", m.counterpart, false, false, m.counterpartPlaceholder),
      text("country", m.country, true),
      text("subject", m.subject, false),
      {
        type: "input",
        block_id: "language",
        optional: true,
        label: plain(m.language),
        element: {
          type: "static_select",
          action_id: ACTION,
          options: Object.keys(LANGUAGES).map((c) => option(languageName(c, locale), c)),
        },
      },
      text("documentUrl", m.documentUrl, true, false, "https://"),
      {
        type: "input",
        block_id: "translationRequestId",
        optional: true,
        label: plain(m.translationRequestId),
        element: { type: "plain_text_input", action_id: ACTION, max_length: 10 },
      },
      {
        type: "input",
        block_id: "dueOn",
        optional: true,
        label: plain(m.dueOn),
        element: { type: "datepicker", action_id: ACTION },
      },
      text("briefing", m.briefing, true, true),
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

export function readLetterState(state: FormState): LetterInput {
  const f = (block: string) => field(state, block);
  return {
    direction: f("direction")?.selected_option?.value,
    kind: f("kind")?.selected_option?.value,
    letterDate: f("letterDate")?.selected_date ?? undefined,
    counterpart: f("counterpart")?.value ?? undefined,
    country: f("country")?.value ?? undefined,
    subject: f("subject")?.value ?? undefined,
    language: f("language")?.selected_option?.value,
    documentUrl: f("documentUrl")?.value ?? undefined,
    translationRequestId: f("translationRequestId")?.value ?? undefined,
    dueOn: f("dueOn")?.selected_date ?? undefined,
    briefing: f("briefing")?.value ?? undefined,
  };
}

export function letterErrorText(t: Messages, e: LetterError): string {
  return e.code === "tooLong" ? t.letters.errors.tooLong(e.max) : t.letters.errors[e.code];
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/**
 * The entries with their menu. With `meetings` (what the networks say of these letters: letter id
 * → the meeting it became), an incoming entry's menu also makes it a meeting, or, once it is one,
 * says so and shows that meeting instead; a closed entry keeps that one choice.
 */
export function letterBlocks(
  t: Messages,
  letters: Letter[],
  today: string,
  meetings?: ReadonlyMap<number, number>,
): KnownBlock[] {
  const m = t.letters;
  return letters.map((l) => {
    const meeting = meetings?.get(l.id);
    const subject = l.documentUrl
      ? mrkdwnLink(l.documentUrl, truncate(l.subject, 150))
      : escapeMrkdwn(truncate(l.subject, 150));
    const marks = [
      `${m.kinds[l.kind]} · ${m.statuses[l.status]}`,
      l.dueOn && l.status === "open" ? m.due(formatDayMonthYear(day(l.dueOn)), day(l.dueOn) < today) : "",
      l.translationRequestId ? `#${l.translationRequestId}` : "",
      meeting ? m.madeMeeting(meeting) : "",
    ].filter(Boolean);
    const block: KnownBlock = {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `${m.line(protocolNumber(l), formatDayMonthYear(day(l.letterDate)), m.directions[l.direction], escapeMrkdwn(truncate(l.counterpart, 100)), subject)}\n${marks.join(" · ")}`,
          3000,
        ),
      },
    };
    const options: PlainTextOption[] =
      l.status === "open"
        ? [
            option(m.menuAnswered, letterMenuValue.encode({ outcome: "answered", id: l.id })),
            option(m.menuDeclined, letterMenuValue.encode({ outcome: "declined", id: l.id })),
            option(m.menuFiled, letterMenuValue.encode({ outcome: "filed", id: l.id })),
          ]
        : [];
    if (meetings && l.direction === "incoming")
      options.push(
        option(
          meeting ? m.menuSeeMeeting(meeting) : m.menuMeeting,
          letterMenuValue.encode({ outcome: "meeting", id: l.id }),
        ),
      );
    if (options.length > 0) block.accessory = { type: "overflow", action_id: LETTER_MENU_ACTION, options };
    return block;
  });
}

/** The form carries the channel it was opened from. */
export const letterFormMetadata = channelMetadata;

/** An entry's menu: closed one way or another, or made a meeting (the networks' form). */
export type LetterChoice = LetterOutcome | "meeting";
const outcomeCodec = enumCodec<LetterChoice>(["answered", "declined", "filed", "meeting"]);

/** An entry's menu choice: `answered:12`, `meeting:12` (what it became, and the entry's id). */
export const letterMenuValue: Codec<{ outcome: LetterChoice; id: number }> = {
  decode(raw) {
    const [word, idText, ...rest] = (raw ?? "").split(":");
    if (rest.length > 0) return undefined;
    const outcome = outcomeCodec.decode(word);
    const id = idCodec.decode(idText);
    return outcome && id ? { outcome, id } : undefined;
  },
  encode: ({ outcome, id }) => `${outcomeCodec.encode(outcome)}:${idCodec.encode(id)}`,
};

/** A list of entries under its title, as an answer to `/letter`. */
export function letterListAnswer(
  t: Messages,
  title: string,
  letters: Letter[],
  today: string,
  meetings?: ReadonlyMap<number, number>,
): { text: string; blocks: KnownBlock[] } {
  return {
    text: title,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: title } }, ...letterBlocks(t, letters, today, meetings)],
  };
}

/** A button elsewhere that shows a letter's entry: the letter's id. */
export const letterOpenValue = idCodec;

/** An overdue entry in the coordinators' reminder. */
export function overdueLetterLine(t: Messages, l: Letter): string {
  return `• \`${protocolNumber(l)}\` *${escapeMrkdwn(truncate(l.counterpart, 80))}*: ${escapeMrkdwn(truncate(l.subject, 120))} · ${t.letters.due(formatDayMonthYear(day(l.dueOn)), true)}`;
}

/** The digest's section: the open calls and invitations, with their deadline and briefing note. */
export function invitationsDigestContent(t: Messages, open: Letter[], date: string): DigestSectionContent {
  const m = t.letters;
  const overdue = open.filter((l) => day(l.dueOn) < date).length;
  return {
    title: m.digestTitle,
    summary: m.digestSummary(open.length, overdue),
    items: open.map((l) => {
      const due = day(l.dueOn);
      const brief = l.briefing ? `\n    _${escapeMrkdwn(truncate(l.briefing, 300))}_` : "";
      return `• \`${protocolNumber(l)}\` *${escapeMrkdwn(truncate(l.counterpart, 80))}*: ${escapeMrkdwn(truncate(l.subject, 150))} · ${m.due(formatDayMonthYear(due), due < date)}${brief}`;
    }),
  };
}
