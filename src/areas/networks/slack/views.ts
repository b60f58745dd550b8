// The networks as Block Kit and mrkdwn: the forms (a network, a year's dues, delegates, a meeting,
// the decision, the report), the search's results, a network's card and a meeting's card with
// their menus, and the report prompt. Data in, Block Kit out; everything typed escaped.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { LocaleCode } from "../../../i18n/index.js";
import { diavgeiaUrl } from "../../../lib/ada.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { decimalToCents, formatEuros } from "../../../lib/money.js";
import { dateInput, FORM_VALUE, option, plain, textInput } from "../../../slack/form-inputs.js";
import { type FormState, formState } from "../../../slack/form-state.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { type NetworkTexts, networkTexts } from "../messages.js";
import { FOLLOW_UP_ROWS, type FormError, LIMITS, type NetworkRefusal } from "../rules.js";
import type { MeetingPrefill, MeetingView, NetworkRecord } from "../service.js";
import {
  hostValue,
  meetingFormMetadata,
  meetingIdMetadata,
  meetingMenuValue,
  meetingOpenValue,
  networkFormMetadata,
  networkIdMetadata,
  networkMenuValue,
  networkOpenValue,
} from "./codecs.js";

export const NETWORK_MODAL = "network_modal";
export const DUES_MODAL = "network_dues_modal";
export const DELEGATES_MODAL = "network_delegates_modal";
export const MEETING_MODAL = "network_meeting_modal";
export const DECISION_MODAL = "network_decision_modal";
export const REPORT_MODAL = "network_report_modal";
export const NETWORK_MENU = "network_menu";
export const NETWORK_OPEN = "network_open";
export const MEETING_MENU = "network_meeting_menu";
/** A meeting's card, from a button elsewhere (a letter's menu links to it through this area). */
export const MEETING_OPEN = "network_meeting_open";
/** The Home's and the prompt's buttons: the forms they open. */
export const NEW_NETWORK_ACTION = "network_new";
export const NEW_MEETING_ACTION = "network_meeting_new";

const ACTION = FORM_VALUE;
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const esc = (s: string, max = 150) => escapeMrkdwn(truncate(s, max));
const day = (d: Date | null) => (d ? formatDayMonthYear(iso(d) ?? "") : "—");

function modal(callbackId: string, title: string, metadata: string, t: NetworkTexts, blocks: KnownBlock[]): ModalView {
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

/** The submitted form, decoded. */
export const readState = (state: unknown): FormState => formState(state, [ACTION]);

/** A field's error, in the reader's language. */
export function errorText(t: NetworkTexts, e: FormError): string {
  switch (e.code) {
    case "tooLong":
      return t.errors.tooLong(e.max);
    case "money":
      return t.errors.money[e.reason];
    default:
      return t.errors[e.code];
  }
}

export function errorsOf(t: NetworkTexts, errors: Partial<Record<string, FormError>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, e] of Object.entries(errors)) if (e) out[field] = errorText(t, e);
  return out;
}

export const refusalText = (t: NetworkTexts, r: NetworkRefusal) => t.refusals[r];

// --- forms ---------------------------------------------------------------------------------

export function networkModal(locale: LocaleCode, o: { channel?: string; network?: NetworkRecord } = {}): ModalView {
  const t = networkTexts(locale);
  const f = t.form;
  const n = o.network;
  return modal(
    NETWORK_MODAL,
    n ? f.editTitle : f.networkTitle,
    networkFormMetadata.encode({ ...(n ? { id: n.id } : {}), ...(o.channel ? { channel: o.channel } : {}) }),
    t,
    [
      textInput("name", f.name, { optional: false, max: LIMITS.name, initial: n?.name }),
      textInput("nameLatin", f.nameLatin, { max: LIMITS.name, initial: n?.nameLatin }),
      textInput("website", f.website, { max: 2000, initial: n?.website }),
      dateInput("memberSince", f.memberSince, { initial: iso(n?.memberSince ?? null) }),
      textInput("decisionNumber", f.decisionNumber, { max: 50, initial: n?.decisionNumber }),
      dateInput("decisionDate", f.decisionDate, { initial: iso(n?.decisionDate ?? null) }),
      textInput("ada", f.ada, { max: 20, hint: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4", initial: n?.ada }),
      textInput("notes", f.notes, { multiline: true, max: LIMITS.notes, initial: n?.notes }),
    ],
  );
}

export function duesModal(locale: LocaleCode, network: NetworkRecord, year: number, channel?: string): ModalView {
  const t = networkTexts(locale);
  return modal(
    DUES_MODAL,
    t.form.duesTitle,
    networkIdMetadata.encode({ networkId: network.id, ...(channel ? { channel } : {}) }),
    t,
    [
      { type: "section", text: { type: "mrkdwn", text: `*${esc(network.name)}*` } },
      textInput("year", t.form.year, { optional: false, max: 4, initial: String(year) }),
      textInput("amount", t.form.amount, { optional: false, max: 20 }),
      dateInput("dueOn", t.form.dueOn, { optional: false }),
    ],
  );
}

export function delegatesModal(locale: LocaleCode, network: NetworkRecord, channel?: string): ModalView {
  const t = networkTexts(locale);
  return modal(
    DELEGATES_MODAL,
    t.form.delegatesTitle,
    networkIdMetadata.encode({ networkId: network.id, ...(channel ? { channel } : {}) }),
    t,
    [
      { type: "section", text: { type: "mrkdwn", text: `*${esc(network.name)}*` } },
      textInput("forum", t.form.forum, { optional: false, max: LIMITS.forum }),
      {
        type: "input",
        block_id: "users",
        label: plain(t.form.users),
        element: { type: "multi_users_select", action_id: ACTION, max_selected_items: 20 },
      },
    ],
  );
}

export function meetingModal(
  locale: LocaleCode,
  hosts: { networks: { id: number; name: string }[]; partners: { id: number; nameEl: string }[] },
  o: { channel?: string; networkId?: number; prefill?: MeetingPrefill } = {},
): ModalView {
  const t = networkTexts(locale);
  const f = t.form;
  const p = o.prefill;
  const options = [
    ...hosts.networks.map((n) => option(n.name, hostValue.encode({ kind: "network", id: n.id }))),
    ...hosts.partners.map((p) => option(p.nameEl, hostValue.encode({ kind: "partner", id: p.id }))),
  ].slice(0, 100);
  const chosen = p?.host ?? (o.networkId ? { kind: "network" as const, id: o.networkId } : undefined);
  const initial = chosen && options.find((x) => x.value === hostValue.encode(chosen));
  const fromLetter: KnownBlock[] = p
    ? [{ type: "context", elements: [{ type: "mrkdwn", text: t.form.fromLetter(p.letter.protocol) }] }]
    : [];
  return modal(
    MEETING_MODAL,
    f.meetingTitle,
    meetingFormMetadata.encode({
      ...(o.networkId ? { networkId: o.networkId } : {}),
      ...(p ? { letterId: p.letter.id } : {}),
      ...(o.channel ? { channel: o.channel } : {}),
    }),
    t,
    [
      ...fromLetter,
      {
        type: "input",
        block_id: "host",
        label: plain(f.host),
        element: { type: "static_select", action_id: ACTION, options, ...(initial ? { initial_option: initial } : {}) },
      },
      textInput("title", f.title, { optional: false, max: LIMITS.name, initial: p?.title }),
      dateInput("startsOn", f.startsOn, { optional: false }),
      dateInput("endsOn", f.endsOn),
      textInput("place", f.place, { max: LIMITS.place }),
      {
        type: "input",
        block_id: "online",
        optional: true,
        label: plain(f.online),
        element: { type: "checkboxes", action_id: ACTION, options: [option(f.online, "online")] },
      },
      textInput("agenda", f.agenda, { multiline: true, max: LIMITS.agenda }),
      dateInput("registrationDeadline", f.registrationDeadline, { initial: p?.registrationDeadline }),
    ],
  );
}

export function decisionModal(locale: LocaleCode, v: MeetingView, channel?: string): ModalView {
  const t = networkTexts(locale);
  const f = t.form;
  return modal(
    DECISION_MODAL,
    f.decisionTitle,
    meetingIdMetadata.encode({ meetingId: v.meeting.id, ...(channel ? { channel } : {}) }),
    t,
    [
      { type: "section", text: { type: "mrkdwn", text: meetingHeadline(t, v) } },
      {
        type: "input",
        block_id: "decision",
        label: plain(f.decision),
        element: {
          type: "radio_buttons",
          action_id: ACTION,
          options: [option(f.attend, "attend"), option(f.decline, "decline")],
        },
      },
      {
        type: "input",
        block_id: "attendees",
        optional: true,
        label: plain(f.attendees),
        element: { type: "multi_users_select", action_id: ACTION, max_selected_items: 20 },
      },
      textInput("reason", f.reason, { multiline: true, max: LIMITS.reason }),
    ],
  );
}

export function reportModal(locale: LocaleCode, v: MeetingView, channel?: string): ModalView {
  const t = networkTexts(locale);
  const f = t.form;
  const rows: KnownBlock[] = [];
  for (let i = 0; i < FOLLOW_UP_ROWS; i++)
    rows.push(
      textInput(`followUp${i}`, f.followUp(i + 1), { max: 500 }),
      {
        type: "input",
        block_id: `owner${i}`,
        optional: true,
        label: plain(f.owner(i + 1)),
        element: { type: "users_select", action_id: ACTION },
      },
      dateInput(`due${i}`, f.due(i + 1)),
    );
  return modal(
    REPORT_MODAL,
    f.reportTitle,
    meetingIdMetadata.encode({ meetingId: v.meeting.id, ...(channel ? { channel } : {}) }),
    t,
    [
      { type: "section", text: { type: "mrkdwn", text: meetingHeadline(t, v) } },
      textInput("outcomes", f.outcomes, { optional: false, multiline: true, max: LIMITS.outcomes }),
      textInput("contacts", f.contacts, { multiline: true, max: 2000 }),
      ...rows,
    ],
  );
}

// --- messages ------------------------------------------------------------------------------

export function searchResults(
  locale: LocaleCode,
  text: string,
  found: NetworkRecord[],
): { text: string; blocks: KnownBlock[] } {
  const t = networkTexts(locale);
  if (found.length === 0) return { text: t.noResults(esc(text, 60)), blocks: [] };
  const title = t.resultsTitle(found.length);
  return {
    text: title,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${title}*` } },
      ...found.slice(0, 10).map(
        (n): KnownBlock => ({
          type: "section",
          text: { type: "mrkdwn", text: `*#${n.id} ${esc(n.name)}*${n.nameLatin ? ` (${esc(n.nameLatin)})` : ""}` },
          accessory: {
            type: "button",
            action_id: NETWORK_OPEN,
            text: plain(t.card.open, 75),
            value: networkOpenValue.encode(n.id),
          },
        }),
      ),
    ],
  };
}

function membershipLine(t: NetworkTexts, n: NetworkRecord): string {
  const parts = [n.memberSince ? t.card.since(day(n.memberSince)) : null];
  if (n.decisionNumber && n.decisionDate) parts.push(t.card.decision(esc(n.decisionNumber, 50), day(n.decisionDate)));
  else parts.push(t.card.noDecision);
  if (n.ada) parts.push(mrkdwnLink(diavgeiaUrl(n.ada), n.ada));
  if (n.website) parts.push(mrkdwnLink(n.website, esc(n.website, 60)));
  return parts.filter(Boolean).join(" · ");
}

function duesLine(t: NetworkTexts, locale: LocaleCode, d: NetworkRecord["dues"][number]): string {
  const amount = formatEuros(decimalToCents(d.amount), locale);
  return `• ${d.year}: ${amount} · ${d.paidOn ? t.card.paid(day(d.paidOn)) : t.card.unpaid(day(d.dueOn))}`;
}

/** «#12 Eurocities: Culture Forum · 12/3/2027 · Λιόν». */
export function meetingHeadline(t: NetworkTexts, v: MeetingView): string {
  const m = v.meeting;
  const when = m.endsOn && iso(m.endsOn) !== iso(m.startsOn) ? `${day(m.startsOn)}–${day(m.endsOn)}` : day(m.startsOn);
  const where = [m.place ? esc(m.place, 80) : null, m.online ? t.card.online : null].filter(Boolean).join(", ");
  return `*#${m.id} ${esc(v.host, 80)}: ${esc(m.title, 120)}* · ${when}${where ? ` · ${where}` : ""}`;
}

/** What an attendee is told privately when a manager decides the office attends a meeting. */
export function decisionNotice(t: NetworkTexts, m: { id: number; title: string; startsOn: Date }): string {
  return t.saved.decisionNotice(m.id, esc(m.title), day(m.startsOn));
}

export function decisionLine(t: NetworkTexts, v: MeetingView): string {
  const m = v.meeting;
  if (m.decision === "attend") {
    const who = t.card.attend(m.attendees.map((u) => `<@${u}>`).join(", "));
    const report = m.reportedAt
      ? t.card.reported(day(m.reportedAt))
      : v.reportDue
        ? t.card.reportDue(formatDayMonthYear(v.reportDue))
        : "";
    return [who, report].filter(Boolean).join(" · ");
  }
  if (m.decision === "decline") return t.card.decline(esc(m.decisionReason ?? "", 200));
  return t.card.undecided;
}

export function networkCard(
  locale: LocaleCode,
  card: { network: NetworkRecord; meetings: MeetingView[] },
): { text: string; blocks: KnownBlock[] } {
  const t = networkTexts(locale);
  const n = card.network;
  const forums = new Map<string, string[]>();
  for (const d of n.delegates) forums.set(d.forum, [...(forums.get(d.forum) ?? []), `<@${d.userId}>`]);
  const menu: PlainTextOption[] = [
    option(t.card.menuMeeting, networkMenuValue.encode({ choice: "meeting", id: n.id })),
    option(t.card.menuDues, networkMenuValue.encode({ choice: "dues", id: n.id })),
    ...n.dues
      .filter((d) => !d.paidOn)
      // An overflow holds five choices: the oldest unpaid year's (the next one after it is paid).
      .slice(-1)
      .map((d) => option(t.card.menuPaid(d.year), networkMenuValue.encode({ choice: "paid", id: d.id }))),
    option(t.card.menuDelegates, networkMenuValue.encode({ choice: "delegates", id: n.id })),
    option(t.card.menuEdit, networkMenuValue.encode({ choice: "edit", id: n.id })),
  ];
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `*#${n.id} ${esc(n.name)}*${n.nameLatin ? ` (${esc(n.nameLatin)})` : ""}\n${membershipLine(t, n)}`,
          3000,
        ),
      },
      accessory: { type: "overflow", action_id: NETWORK_MENU, options: menu },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `*${t.card.dues}*\n${
            n.dues.length
              ? n.dues
                  .slice(0, 10)
                  .map((d) => duesLine(t, locale, d))
                  .join("\n")
              : t.card.noDues
          }`,
          3000,
        ),
      },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `*${t.card.delegates}*\n${forums.size ? [...forums].map(([f, users]) => `• ${esc(f, 100)}: ${users.join(", ")}`).join("\n") : t.card.noDelegates}`,
          3000,
        ),
      },
    },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `*${t.card.meetings}*\n${card.meetings.length ? card.meetings.map((v) => `• ${meetingHeadline(t, v)} · ${decisionLine(t, v)}`).join("\n") : t.card.noMeetings}`,
          3000,
        ),
      },
    },
  ];
  return { text: esc(n.name), blocks };
}

/** The button that shows a letter of the register (the correspondence's own action, handed in). */
export type LetterButton = (letterId: number) => { actionId: string; value: string };

export function meetingCard(
  locale: LocaleCode,
  v: MeetingView,
  letterButton?: LetterButton,
): { text: string; blocks: KnownBlock[] } {
  const t = networkTexts(locale);
  const m = v.meeting;
  const menu: PlainTextOption[] = [];
  if (!m.decision) menu.push(option(t.card.menuDecide, meetingMenuValue.encode({ choice: "decide", id: m.id })));
  if (m.decision === "attend" && !m.reportedAt)
    menu.push(option(t.card.menuReport, meetingMenuValue.encode({ choice: "report", id: m.id })));
  m.followUps.forEach((f, i) => {
    if (!f.doneAt && menu.length < 5)
      menu.push(option(t.card.menuFollowUpDone(i + 1), meetingMenuValue.encode({ choice: "done", id: f.id })));
  });
  const lines = [meetingHeadline(t, v)];
  if (m.registrationDeadline) lines.push(t.card.registerBy(day(m.registrationDeadline)));
  if (v.letter) lines.push(t.card.fromLetter(v.letter.protocol));
  if (m.agenda) lines.push(esc(m.agenda, 1500));
  lines.push(decisionLine(t, v));
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: truncate(lines.join("\n"), 3000) },
      ...(menu.length ? { accessory: { type: "overflow" as const, action_id: MEETING_MENU, options: menu } } : {}),
    },
  ];
  if (v.letter && letterButton) {
    const button = letterButton(v.letter.id);
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: button.actionId,
          text: plain(t.card.openLetter(v.letter.protocol), 75),
          value: button.value,
        },
      ],
    });
  }
  if (m.outcomes)
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `*${t.card.outcomes}*\n${esc(m.outcomes, 2500)}\n${m.contactIds.length ? t.card.contacts(m.contactIds.length) : ""}`,
          3000,
        ),
      },
    });
  if (m.followUps.length)
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `*${t.card.followUps}*\n${m.followUps
            .map(
              (f, i) =>
                `${i + 1}. ${esc(f.description, 200)} · <@${f.owner}> · ${day(f.dueOn)}${f.doneAt ? ` · ${t.card.done}` : ""}`,
            )
            .join("\n")}`,
          3000,
        ),
      },
    });
  return { text: `#${m.id} ${esc(m.title)}`, blocks };
}

/** The report prompt's DM: the meeting and a button that opens the report's form. */
export function reportPrompt(locale: LocaleCode, v: MeetingView): { text: string; blocks: KnownBlock[] } {
  const t = networkTexts(locale);
  const text = t.reminders.reportPrompt(v.meeting.id, esc(v.meeting.title, 150), esc(v.host, 80));
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: MEETING_MENU,
            style: "primary",
            text: plain(t.reminders.writeReport, 75),
            value: meetingMenuValue.encode({ choice: "report", id: v.meeting.id }),
          },
        ],
      },
    ],
  };
}

/** The button a letter's card shows for the meeting it became. */
export function meetingButton(id: number): { actionId: string; value: string } {
  return { actionId: MEETING_OPEN, value: meetingOpenValue.encode(id) };
}
