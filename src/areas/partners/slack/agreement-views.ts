// Agreements as Block Kit: the proposal form, a step's form (asking only what the step needs), the
// obligation's form, the form that settles a due date, and the agreement's card with its steps,
// obligations, how its terms were kept each year, and its menu.
import type { ActionsBlock, KnownBlock, ModalView } from "@slack/types";
import type { LocaleCode } from "../../../i18n/index.js";
import { formatDayMonthYear, localDate } from "../../../lib/clock.js";
import { nameWithLatin } from "../../../lib/text.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import {
  AGREEMENT_KINDS,
  type AgreementRefusal,
  type AgreementStep,
  diavgeiaUrl,
  nextSteps,
  RENEWALS,
  STEP_RULES,
} from "../agreement-flow.js";
import type { AgreementRecord, SettleRefusal } from "../agreement-service.js";
import { type PartnerTexts, partnerTexts } from "../messages.js";
import { RECURRENCES, type YearRecord } from "../obligation-rules.js";
import type { Partner } from "../service.js";
import { LIMITS } from "../validation.js";
import {
  agreementFormMetadata,
  agreementMenuValue,
  dueDateValue,
  obligationFormMetadata,
  settleFormMetadata,
  stepFormMetadata,
} from "./codecs.js";
import { ACTION, dateInput, option, plain, selectInput, textInput } from "./form-parts.js";

export const AGREEMENT_MODAL = "agreement_modal";
export const AGREEMENT_STEP_MODAL = "agreement_step_modal";
export const OBLIGATION_MODAL = "obligation_modal";
export const OBLIGATION_SETTLE_MODAL = "obligation_settle_modal";
export const AGREEMENT_MENU = "agreement_menu";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const esc = (s: string, max = 150) => escapeMrkdwn(truncate(s, max));
const day = (d: Date | null) => (d ? formatDayMonthYear(iso(d) ?? "") : "—");

export function refusalText(t: PartnerTexts, reason: AgreementRefusal | SettleRefusal): string {
  return t.refusals[reason];
}

export function agreementModal(
  locale: LocaleCode,
  partners: Partner[],
  o: { channel?: string; partnerId?: number; agreement?: AgreementRecord } = {},
): ModalView {
  const t = partnerTexts(locale);
  const f = t.agreements.form;
  const a = o.agreement;
  // An edit offers the agreement's own parties too (an ended partner stays one of them).
  const offered = [...(a?.parties.map((p) => p.partner) ?? []), ...partners].filter(
    (p, i, all) => all.findIndex((q) => q.id === p.id) === i,
  );
  const partyOptions = offered.slice(0, 100).map((p) => option(nameWithLatin(p.nameEl, p.nameLatin), String(p.id)));
  const chosen = new Set(a ? a.parties.map((p) => String(p.partnerId)) : [String(o.partnerId)]);
  const initial = partyOptions.filter((x) => chosen.has(x.value ?? ""));
  return {
    type: "modal",
    callback_id: AGREEMENT_MODAL,
    title: plain(f.title, 24),
    submit: plain(t.form.submit, 24),
    close: plain(t.form.close, 24),
    private_metadata: agreementFormMetadata.encode({
      ...(o.partnerId ? { partnerId: o.partnerId } : {}),
      ...(a ? { id: a.id } : {}),
      ...(o.channel ? { channel: o.channel } : {}),
    }),
    blocks: [
      selectInput(
        "kind",
        f.kind,
        AGREEMENT_KINDS.map((k) => option(t.agreements.kinds[k], k)),
        { initial: a?.kind },
      ),
      textInput("title", f.name, { optional: false, max: LIMITS.title, initial: a?.title }),
      {
        type: "input",
        block_id: "parties",
        label: plain(f.parties),
        element: {
          type: "multi_static_select",
          action_id: ACTION,
          options: partyOptions,
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        },
      },
      textInput("fields", f.fields, { multiline: true, max: 2000, initial: a?.fields.join("\n") }),
      textInput("documentUrl", f.documentUrl, { max: 2000, initial: a?.documentUrl }),
      textInput("durationYears", f.durationYears, { max: 2, initial: a?.durationYears?.toString() }),
      dateInput("expiresOn", f.expiresOn, { initial: a?.expiresOn?.toISOString().slice(0, 10) }),
      selectInput(
        "renewal",
        f.renewal,
        RENEWALS.map((r) => option(t.agreements.renewals[r], r)),
        { initial: a?.renewal ?? "by_decision" },
      ),
      textInput("notes", f.notes, { multiline: true, max: LIMITS.notes, initial: a?.notes }),
    ],
  };
}

export function stepModal(locale: LocaleCode, a: AgreementRecord, step: AgreementStep, channel?: string): ModalView {
  const t = partnerTexts(locale);
  const f = t.agreements.form;
  const needs = STEP_RULES[step].needs;
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: `*#${a.id} ${esc(a.title)}*\n${t.agreements.steps[step]}` },
    },
  ];
  if (needs.includes("decision"))
    blocks.push(
      textInput("decisionNumber", f.decisionNumber, { optional: false, max: LIMITS.decision }),
      dateInput("decisionDate", f.decisionDate, { optional: false }),
      textInput("ada", f.ada, { optional: false, max: 20, hint: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" }),
    );
  if (needs.includes("signing"))
    blocks.push(
      dateInput("signedOn", f.signedOn, { optional: false }),
      textInput("signedPlace", f.signedPlace, { optional: false, max: LIMITS.place }),
      textInput("documentUrl", f.documentUrl, { max: 2000, initial: a.documentUrl }),
    );
  if (needs.includes("expiry")) blocks.push(dateInput("expiresOn", f.expiresOn, { optional: false }));
  if (needs.includes("reason"))
    blocks.push(textInput("reason", f.reason, { optional: false, multiline: true, max: 1000 }));
  return {
    type: "modal",
    callback_id: AGREEMENT_STEP_MODAL,
    title: plain(f.stepTitle, 24),
    submit: plain(f.confirm, 24),
    close: plain(t.form.close, 24),
    private_metadata: stepFormMetadata.encode({ id: a.id, step, ...(channel ? { channel } : {}) }),
    blocks,
  };
}

export function obligationModal(locale: LocaleCode, a: AgreementRecord, channel?: string): ModalView {
  const t = partnerTexts(locale);
  const f = t.agreements.form;
  return {
    type: "modal",
    callback_id: OBLIGATION_MODAL,
    title: plain(f.obligationTitle, 24),
    submit: plain(t.form.submit, 24),
    close: plain(t.form.close, 24),
    private_metadata: obligationFormMetadata.encode({ agreementId: a.id, ...(channel ? { channel } : {}) }),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*#${a.id} ${esc(a.title)}*` } },
      textInput("description", f.description, { optional: false, max: LIMITS.title }),
      {
        type: "input",
        block_id: "owner",
        label: plain(f.owner),
        element: { type: "users_select", action_id: ACTION },
      },
      selectInput(
        "recurrence",
        f.recurrence,
        RECURRENCES.map((r) => option(t.agreements.recurrences[r], r)),
        { initial: "yearly" },
      ),
      dateInput("firstDueOn", f.firstDueOn, { optional: false }),
    ],
  };
}

export function settleModal(
  locale: LocaleCode,
  o: { obligationId: number; description: string; outcome: "done" | "waived"; dueDates: string[]; channel?: string },
): ModalView {
  const t = partnerTexts(locale);
  const f = t.agreements.form;
  return {
    type: "modal",
    callback_id: OBLIGATION_SETTLE_MODAL,
    title: plain(f.settleTitle, 24),
    submit: plain(f.confirm, 24),
    close: plain(t.form.close, 24),
    private_metadata: settleFormMetadata.encode({
      obligationId: o.obligationId,
      outcome: o.outcome,
      ...(o.channel ? { channel: o.channel } : {}),
    }),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${esc(o.description)}*\n${t.agreements.outcomes[o.outcome]}` },
      },
      selectInput(
        "dueOn",
        f.dueOn,
        o.dueDates.slice(0, 100).map((d) => option(formatDayMonthYear(d), dueDateValue.encode(d))),
        { initial: o.dueDates[0] },
      ),
      textInput("note", f.note, { optional: false, multiline: true, max: 1000 }),
      ...(o.outcome === "done" ? [textInput("link", f.link, { hint: f.linkHint, max: 40 })] : []),
    ],
  };
}

/** The agreement's card: what it is, its steps, obligations, the years' record, and its menu. */
export function agreementCard(
  locale: LocaleCode,
  a: AgreementRecord,
  kept: Map<number, YearRecord>,
  timeZone: string,
): { text: string; blocks: KnownBlock[] } {
  const t = partnerTexts(locale);
  const m = t.agreements;
  const facts = [
    m.line(a.id, esc(a.title), m.kinds[a.kind], m.statuses[a.status]),
    // Each line kept short, so that the decision and the signature always fit the section.
    m.parties(truncate(a.parties.map((p) => esc(p.partner.nameEl, 80)).join(", "), 600)),
    a.fields.length > 0 ? esc(a.fields.join(", "), 400) : "",
    a.decisionNumber && a.ada
      ? m.decision(esc(a.decisionNumber, 50), day(a.decisionDate), mrkdwnLink(diavgeiaUrl(a.ada), a.ada))
      : "",
    a.signedOn ? m.signed(day(a.signedOn), esc(a.signedPlace ?? "", 100)) : "",
    a.documentUrl ? mrkdwnLink(a.documentUrl, t.agreements.form.documentUrl) : "",
    a.expiresOn ? `${m.expires(day(a.expiresOn))} · ${m.renewals[a.renewal]}` : "",
    a.renewalStage ? m.renewalStages[a.renewalStage] : "",
  ].filter(Boolean);
  const steps = a.steps
    .slice(-12)
    .map(
      (s) =>
        `• ${m.stepLine((m.steps as Record<string, string>)[s.step] ?? s.step, `<@${s.by}>`, formatDayMonthYear(localDate(s.at, timeZone)))}${s.note ? ` · ${esc(s.note, 120)}` : ""}`,
    );
  const obligations = a.obligations
    .slice(0, 15)
    .map(
      (o) =>
        `• ${m.obligationLine(esc(o.description, 150), `<@${o.owner}>`, m.recurrences[o.recurrence])} · ${formatDayMonthYear(iso(o.firstDueOn) ?? "")}`,
    );
  const years = [...kept.entries()]
    .filter(([, r]) => Object.values(r).some((n) => n > 0))
    .slice(-10)
    .map(([year, r]) => `• ${m.keptLine(year, r.done, r.waived, r.late, r.missed, r.upcoming + r.due_today)}`);
  const options = [
    ...nextSteps(a).map((step) => option(m.steps[step], agreementMenuValue.encode({ choice: "step", step, id: a.id }))),
    ...(a.status !== "ended" && a.status !== "expired"
      ? [
          option(m.menu.obligation, agreementMenuValue.encode({ choice: "obligation", id: a.id })),
          option(m.menu.edit, agreementMenuValue.encode({ choice: "edit", id: a.id })),
        ]
      : []),
    ...a.obligations
      .slice(0, 20)
      .flatMap((o) => [
        option(`${m.menu.done}: ${o.description}`, agreementMenuValue.encode({ choice: "done", id: o.id })),
        option(`${m.menu.waive}: ${o.description}`, agreementMenuValue.encode({ choice: "waive", id: o.id })),
      ]),
  ];
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: truncate(facts.join("\n"), 2900) } },
    ...(steps.length > 0
      ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: truncate(steps.join("\n"), 2900) } }]
      : []),
    ...(obligations.length > 0
      ? [{ type: "section" as const, text: { type: "mrkdwn" as const, text: truncate(obligations.join("\n"), 2900) } }]
      : []),
    ...(years.length > 0
      ? [
          {
            type: "section" as const,
            text: { type: "mrkdwn" as const, text: truncate(`*${m.keptTitle}*\n${years.join("\n")}`, 2900) },
          },
        ]
      : []),
  ];
  if (options.length > 0) {
    const actions: ActionsBlock = {
      type: "actions",
      elements: [
        {
          type: "static_select",
          action_id: AGREEMENT_MENU,
          placeholder: plain("…", 150),
          options: options.slice(0, 100),
        },
      ],
    };
    blocks.push(actions);
  }
  return { text: `#${a.id} ${esc(a.title)}`, blocks };
}
