// Q-Cities as Block Kit and mrkdwn: the forms (a member, a meeting, its minutes, a good practice, a
// member's dues), the search's cards with a menu per practice, the members' and the meetings'
// lists, and the digest's overdue dues. Data in, Block Kit out; everything typed is escaped.
import type { KnownBlock, ModalView } from "@slack/types";
import type { LocaleCode } from "../../../i18n/index.js";
import { daysBetween, formatDayMonthYear } from "../../../lib/clock.js";
import { centsToDecimal, decimalToCents, formatEuros } from "../../../lib/money.js";
import { nameWithLatin } from "../../../lib/text.js";
import { dateInput, FORM_VALUE, option, plain, selectInput, textInput } from "../../../slack/form-inputs.js";
import { type FormState, formState } from "../../../slack/form-state.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { type QCitiesTexts, qcitiesTexts } from "../messages.js";
import {
  BODIES,
  type DuesStanding,
  duesStanding,
  type FormError,
  isSlackFileLink,
  LIMITS,
  MEMBER_STATUSES,
  type MemberStatus,
} from "../rules.js";
import type { Dues, DuesRow, Meeting, MemberView, PartnerForQCities, PracticeView } from "../service.js";
import {
  duesFormMetadata,
  meetingFormMetadata,
  meetingMenuValue,
  memberFormMetadata,
  memberMenuValue,
  minutesFormMetadata,
  practiceFormMetadata,
  practiceMenuValue,
} from "./codecs.js";

export const MEMBER_MODAL = "qcities_member_modal";
export const MEETING_MODAL = "qcities_meeting_modal";
export const MINUTES_MODAL = "qcities_minutes_modal";
export const PRACTICE_MODAL = "qcities_practice_modal";
export const DUES_MODAL = "qcities_dues_modal";
export const PRACTICE_MENU = "qcities_practice_menu";
export const MEMBER_MENU = "qcities_member_menu";
export const MEETING_MENU = "qcities_meeting_menu";

const ACTION = FORM_VALUE;
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const esc = (s: string, max = 150) => escapeMrkdwn(truncate(s, max));
const day = (d: Date) => formatDayMonthYear(d.toISOString().slice(0, 10));

/** A city's name as the lists show it: «Φαέντσα (Faenza)», escaped. */
export function cityName(t: QCitiesTexts, city: PartnerForQCities | null): string {
  if (!city) return t.unknownCity;
  return `${esc(city.nameEl, 100)}${city.nameLatin ? ` (${esc(city.nameLatin, 100)})` : ""}`;
}

// Form parts -------------------------------------------------------------------------------------

function checkbox(block: string, label: string, checked: boolean): KnownBlock {
  const only = option(label, "yes");
  return {
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
  };
}

function modal(callbackId: string, title: string, t: QCitiesTexts, metadata: string, blocks: KnownBlock[]): ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    title: plain(title, 24),
    submit: plain(t.form.submit, 24),
    close: plain(t.form.close, 24),
    private_metadata: metadata,
    blocks,
  };
}

/** The submitted form, decoded (the kit's reader: src/slack/form-state.ts). */
export function readState(state: unknown): FormState {
  return formState(state, [ACTION]);
}

/** A field's error, in the reader's language. */
export function errorText(t: QCitiesTexts, e: FormError): string {
  switch (e.code) {
    case "tooLong":
      return t.errors.tooLong(e.max);
    case "money":
      return t.errors.money[e.error];
    default:
      return t.errors[e.code];
  }
}

/** Every field's error, by block id. */
export function errorsOf(t: QCitiesTexts, errors: Partial<Record<string, FormError>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) if (e) out[field] = errorText(t, e);
  return out;
}

export function refusalText(t: QCitiesTexts, reason: "staff_only" | "managers_only"): string {
  return t.refusals[reason];
}

// The forms ------------------------------------------------------------------------------------

export function memberModal(
  locale: LocaleCode,
  partners: PartnerForQCities[],
  today: string,
  channel?: string,
): ModalView {
  const t = qcitiesTexts(locale);
  return modal(MEMBER_MODAL, t.form.memberTitle, t, memberFormMetadata.encode(channel ? { channel } : {}), [
    selectInput(
      "partner",
      t.form.partner,
      partners.map((p) => option(nameWithLatin(p.nameEl, p.nameLatin), String(p.id))),
    ),
    dateInput("joinedOn", t.form.joinedOn, { optional: false, initial: today }),
    selectInput(
      "status",
      t.form.status,
      MEMBER_STATUSES.map((s) => option(t.memberStatuses[s], s)),
      { initial: "active" },
    ),
  ]);
}

export function meetingModal(locale: LocaleCode, channel?: string): ModalView {
  const t = qcitiesTexts(locale);
  return modal(MEETING_MODAL, t.form.meetingTitle, t, meetingFormMetadata.encode(channel ? { channel } : {}), [
    selectInput(
      "body",
      t.form.body,
      BODIES.map((b) => option(t.bodies[b], b)),
    ),
    dateInput("heldOn", t.form.heldOn, { optional: false }),
    textInput("place", t.form.place, { max: LIMITS.place }),
    checkbox("online", t.form.online, false),
    textInput("agenda", t.form.agenda, { optional: false, multiline: true, max: LIMITS.agenda }),
  ]);
}

export function minutesModal(locale: LocaleCode, meeting: Meeting, channel?: string): ModalView {
  const t = qcitiesTexts(locale);
  return modal(
    MINUTES_MODAL,
    t.form.minutesTitle,
    t,
    minutesFormMetadata.encode({ meetingId: meeting.id, ...(channel ? { channel } : {}) }),
    [
      {
        type: "context",
        elements: [{ type: "mrkdwn", text: `*${t.bodies[meeting.body]}* · ${day(meeting.heldOn)}` }],
      },
      textInput("minutesText", t.form.minutesText, {
        multiline: true,
        max: LIMITS.minutes,
        initial: meeting.minutesText,
      }),
      textInput("minutesLink", t.form.minutesLink, {
        hint: t.form.minutesLinkHint,
        max: 2000,
        initial: meeting.minutesLink,
      }),
    ],
  );
}

export function practiceModal(
  locale: LocaleCode,
  members: MemberView[],
  o: { practice?: PracticeView["practice"]; memberId?: number; channel?: string } = {},
): ModalView {
  const t = qcitiesTexts(locale);
  const p = o.practice;
  return modal(
    PRACTICE_MODAL,
    p ? t.form.practiceEdit : t.form.practiceNew,
    t,
    practiceFormMetadata.encode({ ...(p ? { id: p.id } : {}), ...(o.channel ? { channel: o.channel } : {}) }),
    [
      selectInput(
        "member",
        t.form.member,
        members.map((m) =>
          option(m.partner ? nameWithLatin(m.partner.nameEl, m.partner.nameLatin) : t.unknownCity, String(m.member.id)),
        ),
        { initial: String(p?.memberId ?? o.memberId ?? "") },
      ),
      textInput("title", t.form.title, { optional: false, max: LIMITS.title, initial: p?.title }),
      textInput("field", t.form.field, {
        optional: false,
        hint: t.form.fieldHint,
        max: LIMITS.field,
        initial: p?.field,
      }),
      textInput("description", t.form.description, {
        optional: false,
        multiline: true,
        max: LIMITS.description,
        initial: p?.description,
      }),
      textInput("link", t.form.link, { max: 2000, initial: p?.link }),
    ],
  );
}

export function duesModal(
  locale: LocaleCode,
  o: { memberId: number; city: PartnerForQCities | null; year: number; dues: Dues | null; channel?: string },
): ModalView {
  const t = qcitiesTexts(locale);
  const d = o.dues;
  return modal(
    DUES_MODAL,
    t.form.duesTitle,
    t,
    duesFormMetadata.encode({ memberId: o.memberId, ...(o.channel ? { channel: o.channel } : {}) }),
    [
      { type: "context", elements: [{ type: "mrkdwn", text: `*${cityName(t, o.city)}*` }] },
      textInput("year", t.form.year, { optional: false, max: 4, initial: String(o.year) }),
      textInput("amount", t.form.amount, {
        optional: false,
        hint: t.form.amountHint,
        max: 30,
        initial: d ? formatEuros(decimalToCents(d.amount), locale).replace(/\s*€|€/g, "") : null,
      }),
      dateInput("dueOn", t.form.dueOn, { optional: false, initial: iso(d?.dueOn ?? null) }),
      dateInput("paidOn", t.form.paidOn, { initial: iso(d?.paidOn ?? null) }),
    ],
  );
}

// The answers ----------------------------------------------------------------------------------

type Answer = { text: string; blocks: KnownBlock[] };

/** The search's cards: each practice with its city, field, description and link, and its menu. */
export function practiceResults(
  locale: LocaleCode,
  words: string,
  practices: PracticeView[],
  hasMore: boolean,
): Answer {
  const t = qcitiesTexts(locale);
  const shown = esc(words, 60);
  if (practices.length === 0) return { text: t.search.noResults(shown), blocks: [] };
  const title = t.search.found(practices.length, shown);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${title}*` } }];
  for (const view of practices.slice(0, 10)) blocks.push(...practiceCard(t, view), { type: "divider" });
  if (hasMore) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.search.more }] });
  return { text: title, blocks };
}

/** One practice as a card: its title and city, the field and description, the link; a menu. */
export function practiceCard(t: QCitiesTexts, { practice: p, city }: PracticeView): KnownBlock[] {
  const lines = [
    `*${esc(p.title, 200)}* · ${cityName(t, city)}`,
    `${t.practice.field}: ${esc(p.field, 100)}`,
    esc(p.description, 1200),
    ...(p.link ? [`<${p.link}|${t.practice.link}>`] : []),
  ];
  return [
    {
      type: "section",
      block_id: `qcities_practice_${p.id}`,
      text: { type: "mrkdwn", text: lines.join("\n") },
      accessory: {
        type: "overflow",
        action_id: PRACTICE_MENU,
        options: [
          option(t.practice.menu.edit, practiceMenuValue.encode({ choice: "edit", id: p.id })),
          option(t.practice.menu.dues, practiceMenuValue.encode({ choice: "dues", id: p.memberId })),
        ],
      },
    },
  ];
}

/** The member cities: since when, status, this year's dues and where they stand; a menu each. */
export function membersList(
  locale: LocaleCode,
  members: MemberView[],
  dues: Map<number, Dues>,
  year: number,
  today: string,
): Answer {
  const t = qcitiesTexts(locale);
  if (members.length === 0) return { text: t.members.none, blocks: [] };
  const title = t.members.title(members.length);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${title}*` } }];
  for (const { member, partner } of members.slice(0, 45)) {
    const d = dues.get(member.id);
    const duesLine = d
      ? t.members.dues(
          year,
          formatEuros(decimalToCents(d.amount), locale),
          t.standings[duesStanding({ dueOn: iso(d.dueOn) ?? "", paidOn: iso(d.paidOn) }, today)],
        )
      : t.members.noDues(year);
    const statusChoices: { to: MemberStatus; label: string }[] = [
      { to: "active" as const, label: t.members.menu.activate },
      { to: "suspended" as const, label: t.members.menu.suspend },
      { to: "left" as const, label: t.members.menu.leave },
    ].filter((c) => c.to !== member.status);
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: [
          `*${cityName(t, partner)}* · ${t.memberStatuses[member.status]}`,
          `${t.members.since(day(member.joinedOn))} · ${duesLine}`,
        ].join("\n"),
      },
      accessory: {
        type: "overflow",
        action_id: MEMBER_MENU,
        options: [
          option(t.members.menu.dues, memberMenuValue.encode({ choice: "dues", id: member.id })),
          option(t.members.menu.practice, memberMenuValue.encode({ choice: "practice", id: member.id })),
          ...statusChoices.map((c) =>
            option(c.label, memberMenuValue.encode({ choice: "status", to: c.to, id: member.id })),
          ),
        ],
      },
    });
  }
  return { text: title, blocks };
}

/** A meeting's minutes as a line: who recorded them, the link, whether approved. */
function minutesLine(t: QCitiesTexts, m: Meeting): string {
  if (!m.minutesAt || !m.minutesBy) return t.meetings.noMinutes;
  const parts = [t.meetings.minutesBy(`<@${m.minutesBy}>`, day(m.minutesAt))];
  if (m.minutesLink)
    parts.push(`<${m.minutesLink}|${isSlackFileLink(m.minutesLink) ? t.meetings.slackFile : t.meetings.document}>`);
  parts.push(
    m.approvedAt && m.approvedBy ? t.meetings.approvedBy(`<@${m.approvedBy}>`, day(m.approvedAt)) : t.meetings.awaiting,
  );
  return parts.join(" · ");
}

/** The governing bodies' meetings, the latest first: date, place or online, agenda, minutes; a menu each. */
export function meetingsList(locale: LocaleCode, meetings: Meeting[]): Answer {
  const t = qcitiesTexts(locale);
  if (meetings.length === 0) return { text: t.meetings.none, blocks: [] };
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `*${t.meetings.title}*` } }];
  for (const m of meetings.slice(0, 20)) {
    const where = [m.place ? esc(m.place, 200) : null, m.online ? t.meetings.online : null].filter(Boolean).join(" · ");
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: [
          `*${t.bodies[m.body]}* · ${day(m.heldOn)} · ${where}`,
          esc(m.agenda, 800),
          ...(m.minutesText ? [`> ${esc(m.minutesText, 600).replace(/\n/g, "\n> ")}`] : []),
          minutesLine(t, m),
        ].join("\n"),
      },
      accessory: {
        type: "overflow",
        action_id: MEETING_MENU,
        options: [
          option(t.meetings.menu.minutes, meetingMenuValue.encode({ choice: "minutes", id: m.id })),
          option(t.meetings.menu.approve, meetingMenuValue.encode({ choice: "approve", id: m.id })),
        ],
      },
    });
  }
  return { text: t.meetings.title, blocks };
}

/** A dues row as the confirmation says it: the amount and where it stands. */
export function duesSavedText(
  locale: LocaleCode,
  city: PartnerForQCities | null,
  d: Dues,
  standing: DuesStanding,
): string {
  const t = qcitiesTexts(locale);
  return t.dues.saved(cityName(t, city), d.year, formatEuros(decimalToCents(d.amount), locale), t.standings[standing]);
}

/** The digest's lines: each member's dues unpaid past their day, how long. */
export function overdueDigestContent(locale: LocaleCode, rows: DuesRow[], date: string) {
  const t = qcitiesTexts(locale);
  return {
    title: t.digest.overdueTitle,
    summary: t.digest.overdueSummary(rows.length),
    items: rows.map((r) => {
      const due = iso(r.dues.dueOn) ?? date;
      return t.digest.line(
        cityName(t, r.city),
        r.dues.year,
        formatEuros(r.cents, locale),
        formatDayMonthYear(due),
        daysBetween(due, date),
      );
    }),
  };
}

/** A decimal amount as the export's cell: "2500.00". */
export const amountCell = (cents: bigint) => centsToDecimal(cents);
