// Sponsorships as Block Kit and mrkdwn: the form, a search result with its menu, the managers'
// approval message, the small forms for the amount received and the benefits, and the answers to
// the user (refusals, steps, the report). Data in, Block Kit or text out.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonthYear, localDate } from "../../../lib/clock.js";
import { decimalToCents, formatEuros } from "../../../lib/money.js";
import { type FormState, formState } from "../../../slack/form-state.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { SponsorEvent } from "../service.js";
import type { SponsorReport } from "../sponsor-report.js";
import { menuSteps, type SponsorRefusal, type SponsorshipStatus } from "../sponsorship-flow.js";
import { CONTRIBUTION_TYPES, SPONSOR_LIMITS, type SponsorError } from "../sponsorship-validation.js";
import type { SponsorshipWithBenefits } from "../store.js";
import { approvalValue, menuValue, sponsorFormMetadata, sponsorshipFormMetadata } from "./sponsor-codecs.js";

export const SPONSOR_MODAL_CALLBACK = "sponsor_modal";
export const SPONSOR_RECEIVE_CALLBACK = "sponsor_receive_modal";
export const SPONSOR_BENEFITS_CALLBACK = "sponsor_benefits_modal";
export const SPONSOR_MENU_ACTION = "sponsor_menu";
export const SPONSOR_APPROVE_ACTION = "sponsor_approve";
export const SPONSOR_REJECT_ACTION = "sponsor_reject";
const ACTION = "value";

const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

/** The calendar's events as the form offers them: the day, then the title. */
export function eventChoices(events: SponsorEvent[], timeZone: string): { id: number; title: string; day: string }[] {
  return events.map((e) => ({ id: e.id, title: e.title, day: formatDayMonthYear(localDate(e.startsAt, timeZone)) }));
}

export function buildSponsorModal(
  t: Messages,
  channel?: string,
  events: { id: number; title: string; day: string }[] = [],
): ModalView {
  const m = t.sponsors;
  const text = (
    block: keyof typeof SPONSOR_LIMITS | "pledgedAmount" | "benefits",
    label: string,
    o: { optional?: boolean; multiline?: boolean; hint?: string; max?: number } = {},
  ): KnownBlock => ({
    type: "input",
    block_id: block,
    optional: o.optional ?? true,
    label: plain(label),
    ...(o.hint ? { hint: plain(o.hint) } : {}),
    element: {
      type: "plain_text_input",
      action_id: ACTION,
      multiline: o.multiline ?? false,
      max_length: o.max ?? (SPONSOR_LIMITS as Record<string, number>)[block] ?? 3000,
    },
  });
  const types = CONTRIBUTION_TYPES.map((c) => option(m.types[c], c));
  return {
    type: "modal",
    callback_id: SPONSOR_MODAL_CALLBACK,
    title: plain(m.modalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: sponsorFormMetadata.encode(channel ? { channel } : {}),
    blocks: [
      text("organisation", m.organisation, { optional: false }),
      text("contactPerson", m.contactPerson),
      {
        type: "input",
        block_id: "contributionType",
        label: plain(m.contributionType),
        element: { type: "radio_buttons", action_id: ACTION, options: types, initial_option: types[0] },
      },
      text("pledgedAmount", m.pledgedAmount, { hint: m.pledgedAmountHint, max: 30 }),
      text("pledgedDescription", m.pledgedDescription),
      ...(events.length
        ? [
            {
              type: "input" as const,
              block_id: "eventId",
              optional: true,
              label: plain(m.eventFromCalendar),
              hint: plain(m.eventFromCalendarHint),
              element: {
                type: "static_select" as const,
                action_id: ACTION,
                options: events.slice(0, 100).map((e) => option(`${e.day} ${e.title}`, String(e.id))),
              },
            },
          ]
        : []),
      text("eventName", m.eventName, { optional: events.length > 0 }),
      {
        type: "input",
        block_id: "eventDate",
        optional: true,
        label: plain(m.eventDate),
        element: { type: "datepicker", action_id: ACTION },
      },
      text("benefits", m.benefits, { multiline: true, hint: m.benefitsHint, max: 3000 }),
      text("notes", m.notes, { multiline: true }),
      text("documents", m.documents, { multiline: true }),
    ],
  };
}

/** The submitted form, decoded (the kit's reader: src/slack/form-state.ts). */
export function readState(state: unknown): FormState {
  return formState(state, [ACTION]);
}

export function amountsLine(t: Messages, locale: LocaleCode, s: SponsorshipWithBenefits): string {
  const pledged =
    s.pledgedAmount !== null
      ? formatEuros(decimalToCents(s.pledgedAmount), locale)
      : escapeMrkdwn(truncate(s.pledgedDescription ?? "—", 100));
  const received = s.receivedAmount !== null ? formatEuros(decimalToCents(s.receivedAmount), locale) : "—";
  return t.sponsors.amounts(pledged, received);
}

/** A sponsorship in a list; financial details are shown because only staff and managers search. */
export function sponsorshipBlock(t: Messages, locale: LocaleCode, s: SponsorshipWithBenefits): KnownBlock {
  const m = t.sponsors;
  const lines = [
    m.line(
      s.id,
      escapeMrkdwn(truncate(s.organisation, 100)),
      escapeMrkdwn(truncate(s.eventName, 100)),
      m.statuses[s.status],
    ),
    `${m.types[s.contributionType]} · ${amountsLine(t, locale, s)}`,
    ...s.benefits
      .slice(0, 8)
      .map((b) => m.benefitLine(escapeMrkdwn(truncate(b.description, 120)), m.benefitStatuses[b.status])),
  ];
  const options = [
    ...menuSteps(s.status).map((a) => option(m.actions[a], menuValue.encode({ choice: a, id: s.id }))),
    ...(s.status !== "declined" ? [option(m.menuBenefits, menuValue.encode({ choice: "benefits", id: s.id }))] : []),
  ];
  return {
    type: "section",
    text: { type: "mrkdwn", text: truncate(lines.join("\n"), 3000) },
    ...(options.length ? { accessory: { type: "overflow" as const, action_id: SPONSOR_MENU_ACTION, options } } : {}),
  };
}

export function approvalBlocks(
  t: Messages,
  locale: LocaleCode,
  s: SponsorshipWithBenefits,
  askedBy: string,
): KnownBlock[] {
  const m = t.sponsors;
  const amount = amountsLine(t, locale, s);
  return [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: m.approvalAsk(
          s.id,
          escapeMrkdwn(truncate(s.organisation, 100)),
          escapeMrkdwn(truncate(s.eventName, 100)),
          amount,
          `<@${askedBy}>`,
        ),
      },
    },
    {
      type: "actions",
      block_id: `sponsor_approval:${s.id}`,
      elements: [
        {
          type: "button",
          action_id: SPONSOR_APPROVE_ACTION,
          style: "primary",
          text: plain(m.actions.approve, 75),
          value: approvalValue.encode(s.id),
        },
        {
          type: "button",
          action_id: SPONSOR_REJECT_ACTION,
          text: plain(m.actions.reject, 75),
          value: approvalValue.encode(s.id),
        },
      ],
    },
  ];
}

export function receiveModal(t: Messages, s: SponsorshipWithBenefits, channel?: string): ModalView {
  const pledged = s.pledgedAmount !== null ? (Number(decimalToCents(s.pledgedAmount)) / 100).toFixed(2) : undefined;
  return {
    type: "modal",
    callback_id: SPONSOR_RECEIVE_CALLBACK,
    title: plain(t.sponsors.actions.receive, 24),
    submit: plain(t.sponsors.submit, 24),
    close: plain(t.sponsors.close, 24),
    private_metadata: sponsorshipFormMetadata.encode({ id: s.id, ...(channel ? { channel } : {}) }),
    blocks: [
      {
        type: "input",
        block_id: "receivedAmount",
        optional: s.contributionType !== "money",
        label: plain(t.sponsors.receivedAmount),
        element: {
          type: "plain_text_input",
          action_id: ACTION,
          max_length: 30,
          ...(pledged ? { initial_value: pledged } : {}),
        },
      },
    ],
  };
}

export function benefitsModal(t: Messages, s: SponsorshipWithBenefits, channel?: string): ModalView {
  const m = t.sponsors;
  const pending = s.benefits
    .filter((b) => b.status === "pending")
    .slice(0, 100)
    .map((b) => option(b.description, String(b.id)));
  const blocks: KnownBlock[] = [];
  if (pending.length) {
    blocks.push({
      type: "input",
      block_id: "done",
      optional: true,
      label: plain(m.benefitsDone),
      element: { type: "multi_static_select", action_id: ACTION, options: pending },
    });
    blocks.push({
      type: "input",
      block_id: "waived",
      optional: true,
      label: plain(m.benefitsWaived),
      element: { type: "multi_static_select", action_id: ACTION, options: pending },
    });
  }
  blocks.push(
    {
      type: "input",
      block_id: "newBenefit",
      optional: true,
      label: plain(m.newBenefit),
      element: { type: "plain_text_input", action_id: ACTION, max_length: 200 },
    },
    {
      type: "input",
      block_id: "owner",
      optional: true,
      label: plain(m.benefitOwner),
      element: { type: "users_select", action_id: ACTION },
    },
    {
      type: "input",
      block_id: "dueOn",
      optional: true,
      label: plain(m.benefitDue),
      element: { type: "datepicker", action_id: ACTION },
    },
  );
  return {
    type: "modal",
    callback_id: SPONSOR_BENEFITS_CALLBACK,
    title: plain(m.benefitsTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: sponsorshipFormMetadata.encode({ id: s.id, ...(channel ? { channel } : {}) }),
    blocks,
  };
}

/** The approval message once answered: its text kept, the buttons replaced by the outcome. */
export function answeredApprovalBlocks(
  t: Messages,
  blocks: KnownBlock[],
  s: { id: number; status: SponsorshipStatus },
): KnownBlock[] {
  return [
    ...blocks.filter((b) => b.type !== "actions"),
    { type: "context", elements: [{ type: "mrkdwn", text: stepDoneText(t, s) }] },
  ];
}

/** A field's error, under the field. */
export function sponsorErrorText(t: Messages, e: SponsorError): string {
  const m = t.sponsors.errors;
  switch (e.code) {
    case "tooLong":
      return m.tooLong(e.max);
    case "amount":
      return m.amount[e.error];
    case "documentNotLink":
      return m.documentNotLink(e.line);
    case "benefitTooLong":
      return m.benefitTooLong(e.line);
    default:
      return m[e.code];
  }
}

/** Why a step or a form was refused, in the user's words. */
export function refusalText(t: Messages, reason: SponsorRefusal, s?: { status: SponsorshipStatus }): string {
  const m = t.sponsors;
  switch (reason) {
    case "not_allowed_now":
      return m.refused.not_allowed_now(s ? m.statuses[s.status] : "—");
    case "staff_only":
      return t.common.noPermission(t.common.roleNames.staff);
    default:
      return m.refused[reason];
  }
}

export function stepDoneText(t: Messages, s: { id: number; status: SponsorshipStatus }): string {
  return t.sponsors.stepDone(s.id, t.sponsors.statuses[s.status]);
}

/** A new sponsorship, confirmed to whoever entered it. */
export function savedMessage(
  t: Messages,
  locale: LocaleCode,
  s: SponsorshipWithBenefits,
): { text: string; blocks: KnownBlock[] } {
  return {
    text: t.sponsors.saved(s.id, escapeMrkdwn(truncate(s.organisation, 100))),
    blocks: [sponsorshipBlock(t, locale, s)],
  };
}

/** Search results, each with its menu. */
export function searchResults(
  t: Messages,
  locale: LocaleCode,
  query: string,
  found: SponsorshipWithBenefits[],
): { text: string; blocks?: KnownBlock[] } {
  if (found.length === 0) return { text: t.sponsors.noResults(escapeMrkdwn(truncate(query, 100))) };
  return { text: t.sponsors.resultsTitle, blocks: found.map((s) => sponsorshipBlock(t, locale, s)) };
}

/** The comment the report's files come with: the year's totals and a line per event. */
export function reportComment(t: Messages, locale: LocaleCode, report: SponsorReport): string {
  const m = t.sponsors;
  const lines = report.byEvent.map((e) =>
    m.reportEventLine(
      escapeMrkdwn(truncate(e.event, 100)),
      e.sponsors,
      formatEuros(e.pledgedCents, locale),
      formatEuros(e.receivedCents, locale),
      e.benefitsOutstanding,
    ),
  );
  return [
    m.reportReady(
      report.year,
      formatEuros(report.totals.pledgedCents, locale),
      formatEuros(report.totals.receivedCents, locale),
    ),
    ...lines.slice(0, 30),
  ].join("\n");
}

/** The reminder to whoever entered a sponsorship: the event is over, the letter is owed. */
export function thanksReminderText(t: Messages, s: { id: number; organisation: string; eventName: string }): string {
  return t.sponsors.thanksReminder(
    s.id,
    escapeMrkdwn(truncate(s.organisation, 100)),
    escapeMrkdwn(truncate(s.eventName, 100)),
  );
}
