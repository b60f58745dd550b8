// `/partner` and `/agreement` in Slack: the commands (search, a card, the forms, the year's
// report), the cards' menus, and the forms. Each listener decodes what Slack hands back, asks the
// service, and renders its answer; the service is what refuses.
import type { App, ButtonAction, OverflowAction, StaticSelectAction } from "@slack/bolt";
import type { Clock } from "../../../lib/clock.js";
import { localYear } from "../../../lib/clock.js";
import { idCodec } from "../../../slack/codec.js";
import {
  onAction,
  onCommand,
  onForm,
  type Reply,
  replyPrivately,
  type SlackKit,
  sendFilesPrivately,
  type UserView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { agreementReportCsv, agreementReportXlsxOffLoop, buildAgreementReport } from "../agreement-report.js";
import { type AgreementsService, scheduleOf } from "../agreement-service.js";
import { localeOf, partnerTexts } from "../messages.js";
import { dueDatesBetween } from "../obligation-rules.js";
import type { PartnersService } from "../service.js";
import { PARTNER_STATUSES, type PartnerStatus } from "../validation.js";
import {
  AGREEMENT_MENU,
  AGREEMENT_MODAL,
  AGREEMENT_STEP_MODAL,
  agreementCard,
  agreementModal,
  OBLIGATION_MODAL,
  OBLIGATION_SETTLE_MODAL,
  obligationModal,
  refusalText,
  settleModal,
  stepModal,
} from "./agreement-views.js";
import {
  type AgreementChoice,
  agreementFormMetadata,
  agreementMenuValue,
  dueDateValue,
  obligationFormMetadata,
  partnerFormMetadata,
  partnerMenuValue,
  partnerOpenValue,
  partnerStatusMetadata,
  settleFormMetadata,
  stepFormMetadata,
} from "./codecs.js";
import { errorsOf, readState } from "./form-parts.js";
import {
  PARTNER_MENU,
  PARTNER_MODAL,
  PARTNER_OPEN,
  PARTNER_STATUS_MODAL,
  partnerCard,
  partnerModal,
  searchResults,
  statusModal,
} from "./partner-views.js";

export interface PartnersSlackDeps {
  kit: SlackKit;
  partners: PartnersService;
  agreements: AgreementsService;
  clock: Clock;
  timeZone: string;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

async function showPartner(deps: PartnersSlackDeps, user: UserView, id: number, reply: Reply) {
  const card = await deps.partners.card(id);
  if (!card) return reply(partnerTexts(user.locale).notFound);
  const view = partnerCard(user.locale, card);
  await reply(view.text, view.blocks);
}

async function showAgreement(deps: PartnersSlackDeps, user: UserView, id: number, reply: Reply) {
  const a = await deps.agreements.get(id);
  if (!a) return reply(partnerTexts(user.locale).notFound);
  const view = agreementCard(user.locale, a, deps.agreements.kept(a, deps.agreements.today()), deps.timeZone);
  await reply(view.text, view.blocks);
}

/** `/partner`, `/partner new`, `/partner 12`, `/partner <words>`. */
export function registerPartnerCommand(app: App, deps: PartnersSlackDeps): void {
  onCommand(app, deps.kit, {
    name: "/partner",
    role: "staff",
    help: (t) => partnerTexts(localeOf(t)).help,
    async handle({ user, command, text, client, reply }) {
      const t = partnerTexts(user.locale);
      if (!text) return reply(t.help);
      if (text === "new" || text === "νέος" || text === "νεος") {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: partnerModal(user.locale, { channel: command.channel_id }),
        });
        return;
      }
      const id = idCodec.decode(text.replace(/^#/, ""));
      if (id !== undefined) return showPartner(deps, user, id, reply);
      if (text.length > 200) return reply(t.badCommand(escapeMrkdwn(truncate(text, 60))));
      const found = searchResults(user.locale, text, await deps.partners.search(text));
      await reply(found.text, found.blocks);
    },
  });
}

/** `/agreement`, `/agreement new`, `/agreement 7`, `/agreement report [year]`. */
export function registerAgreementCommand(app: App, deps: PartnersSlackDeps): void {
  onCommand(app, deps.kit, {
    name: "/agreement",
    role: "staff",
    help: (t) => partnerTexts(localeOf(t)).agreementHelp,
    async handle({ user, command, text, client, reply }) {
      const t = partnerTexts(user.locale);
      const [verb = "", arg, ...rest] = text.split(/\s+/);
      if (!text) return reply(t.agreementHelp);
      if ((verb === "new" || verb === "νέα" || verb === "νεα") && !arg) {
        const partners = await deps.partners.choosable();
        if (partners.length === 0) return reply(t.agreements.noPartners);
        await client.views.open({
          trigger_id: command.trigger_id,
          view: agreementModal(user.locale, partners, { channel: command.channel_id }),
        });
        return;
      }
      if (verb === "report" && rest.length === 0) {
        const year = arg ? Number(arg) : localYear(deps.clock.now(), deps.timeZone);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          return reply(t.badCommand(escapeMrkdwn(truncate(text, 60))));
        const report = buildAgreementReport(await deps.agreements.all(), year, deps.agreements.today(), user.locale);
        if (report.rows.length === 0) return reply(t.agreements.reportNothing(year));
        const base = `grafeio-agreements-${year}`;
        await sendFilesPrivately(client, user.userId, t.agreements.reportSent(year, report.agreements), [
          { file: agreementReportCsv(report.rows, user.locale), filename: `${base}.csv` },
          { file: await agreementReportXlsxOffLoop(report.rows, user.locale), filename: `${base}.xlsx` },
        ]);
        return reply(t.agreements.sentInDm);
      }
      const id = idCodec.decode(text.replace(/^#/, ""));
      if (id !== undefined) return showAgreement(deps, user, id, reply);
      await reply(t.badCommand(escapeMrkdwn(truncate(text, 60))));
    },
  });
}

/** A search result's button: the partner's card. */
export function registerPartnerOpen(app: App, deps: PartnersSlackDeps): void {
  onAction<ButtonAction, number>(app, deps.kit, {
    id: PARTNER_OPEN,
    role: "staff",
    value: partnerOpenValue,
    handle: ({ user, value, reply }) => showPartner(deps, user, value, reply),
  });
}

/** The card's menu: edit, change status, new agreement with this partner. */
export function registerPartnerMenu(app: App, deps: PartnersSlackDeps): void {
  onAction<OverflowAction, { choice: "edit" | "status" | "agreement"; id: number }>(app, deps.kit, {
    id: PARTNER_MENU,
    role: "staff",
    value: partnerMenuValue,
    async handle({ user, value: { choice, id }, body, client, reply }) {
      const partner = await deps.partners.get(id);
      if (!partner) return reply(partnerTexts(user.locale).notFound);
      const channel = body.channel?.id;
      let view: ReturnType<typeof partnerModal>;
      if (choice === "edit") {
        const card = await deps.partners.card(id);
        view = partnerModal(user.locale, { channel, partner, people: card?.people.map((p) => p.nameEl) ?? [] });
      } else if (choice === "status") view = statusModal(user.locale, partner, channel);
      else view = agreementModal(user.locale, await deps.partners.choosable(), { channel, partnerId: id });
      await client.views.open({ trigger_id: body.trigger_id, view });
    },
  });
}

/** The partner's form, new or edited. */
export function registerPartnerForm(app: App, deps: PartnersSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: PARTNER_MODAL,
    metadata: partnerFormMetadata,
    errorBlock: "nameEl",
    async handle({ user, view, metadata, client }) {
      const t = partnerTexts(user.locale);
      const s = readState(view.state);
      const input = {
        kind: s.choice("kind"),
        nameEl: s.text("nameEl"),
        nameLatin: s.text("nameLatin"),
        country: s.text("country"),
        languages: s.text("languages"),
        since: s.date("since"),
        notes: s.text("notes"),
      };
      const common = { actor: user.userId, input, people: s.text("people"), submissionKey: view.id };
      const outcome =
        metadata.id === undefined
          ? await deps.partners.create(common)
          : await deps.partners.edit({ ...common, id: metadata.id });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { nameEl: t.refusals[outcome.reason] } };
      if (outcome.status === "not_found") return { errors: { nameEl: t.notFound } };
      if (outcome.status === "already_stored") return {};
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return {
        after: async () => {
          const unknown = outcome.unknownPeople.length
            ? `\n${t.errors.unknownPeople(outcome.unknownPeople.map((n) => `«${escapeMrkdwn(n)}»`).join(", "))}`
            : "";
          await reply(t.saved(escapeMrkdwn(outcome.partner.nameEl)) + unknown);
          await showPartner(deps, user, outcome.partner.id, reply);
        },
      };
    },
  });
}

export function registerPartnerStatusForm(app: App, deps: PartnersSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: PARTNER_STATUS_MODAL,
    metadata: partnerStatusMetadata,
    errorBlock: "status",
    async handle({ user, view, metadata, client }) {
      const t = partnerTexts(user.locale);
      const s = readState(view.state);
      const to = s.choice("status");
      if (!to || !(PARTNER_STATUSES as readonly string[]).includes(to))
        return { errors: { status: t.errors.required } };
      const outcome = await deps.partners.setStatus({
        actor: user.userId,
        id: metadata.id,
        to: to as PartnerStatus,
        reason: s.text("reason"),
        submissionKey: view.id,
      });
      if (outcome.status === "reason_required") return { errors: { reason: t.errors.reasonRequired } };
      if (outcome.status === "not_found") return { errors: { status: t.notFound } };
      if (outcome.status === "refused") return { errors: { status: t.refusals[outcome.reason] } };
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return {
        after: () => reply(t.statusSaved(escapeMrkdwn(outcome.partner.nameEl), t.statuses[outcome.partner.status])),
      };
    },
  });
}

/** A new agreement: a proposal. */
export function registerAgreementForm(app: App, deps: PartnersSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: AGREEMENT_MODAL,
    metadata: agreementFormMetadata,
    errorBlock: "title",
    async handle({ user, view, metadata, client }) {
      const t = partnerTexts(user.locale);
      const s = readState(view.state);
      const partyIds = s.choices("parties").map((v) => idCodec.decode(v));
      if (partyIds.some((id) => id === undefined)) return { errors: { parties: partnerTexts(user.locale).notFound } };
      const input = {
        kind: s.choice("kind"),
        title: s.text("title"),
        partyIds: partyIds as number[],
        fields: s.text("fields"),
        documentUrl: s.text("documentUrl"),
        durationYears: s.text("durationYears"),
        expiresOn: s.date("expiresOn"),
        renewal: s.choice("renewal"),
        notes: s.text("notes"),
      };
      if (metadata.id !== undefined) {
        const edited = await deps.agreements.edit({
          actor: user.userId,
          id: metadata.id,
          input,
          submissionKey: view.id,
        });
        if (edited.status === "invalid") return { errors: errorsOf(t, edited.errors) };
        if (edited.status === "refused") return { errors: { title: refusalText(t, edited.reason) } };
        if (edited.status === "not_found") return { errors: { title: t.notFound } };
        if (edited.status === "already_stored") return {};
        const replyTo = replyPrivately(deps.kit, client, user.userId, metadata.channel);
        return {
          after: async () => {
            await replyTo(t.agreements.edited(edited.agreement.id, escapeMrkdwn(edited.agreement.title)));
            await showAgreement(deps, user, edited.agreement.id, replyTo);
          },
        };
      }
      const outcome = await deps.agreements.propose({
        actor: user.userId,
        input,
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { title: refusalText(t, outcome.reason) } };
      if (outcome.status === "already_stored") return {};
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return {
        after: async () => {
          await reply(t.agreements.created(outcome.agreement.id, escapeMrkdwn(outcome.agreement.title)));
          await showAgreement(deps, user, outcome.agreement.id, reply);
        },
      };
    },
  });
}

/** The agreement card's menu: a step's form, a new obligation, a due date kept or waived. */
export function registerAgreementMenu(app: App, deps: PartnersSlackDeps): void {
  onAction<StaticSelectAction, AgreementChoice>(app, deps.kit, {
    id: AGREEMENT_MENU,
    role: "staff",
    value: agreementMenuValue,
    async handle({ user, value, body, client, reply }) {
      const t = partnerTexts(user.locale);
      const channel = body.channel?.id;
      if (value.choice === "step") {
        // Refused at the click rather than after the form has been filled in.
        const checked = await deps.agreements.checkStep({ actor: user.userId, id: value.id, step: value.step });
        if (checked.status === "not_found") return reply(t.notFound);
        if (checked.status === "refused") return reply(refusalText(t, checked.reason));
        await client.views.open({
          trigger_id: body.trigger_id,
          view: stepModal(user.locale, checked.agreement, value.step, channel),
        });
        return;
      }
      if (value.choice === "edit") {
        // Refused at the click (staff; not an ended or expired agreement), before the form opens.
        const a = await deps.agreements.get(value.id);
        if (!a) return reply(t.notFound);
        if (a.status === "ended" || a.status === "expired") return reply(refusalText(t, "not_allowed_now"));
        await client.views.open({
          trigger_id: body.trigger_id,
          view: agreementModal(user.locale, await deps.partners.choosable(), { channel, agreement: a }),
        });
        return;
      }
      if (value.choice === "obligation") {
        const a = await deps.agreements.get(value.id);
        if (!a) return reply(t.notFound);
        await client.views.open({ trigger_id: body.trigger_id, view: obligationModal(user.locale, a, channel) });
        return;
      }
      const outcome = value.choice === "done" ? "done" : "waived";
      const checked = await deps.agreements.checkSettle({ actor: user.userId, obligationId: value.id, outcome });
      if (checked.status === "not_found") return reply(t.notFound);
      if (checked.status === "refused") return reply(refusalText(t, checked.reason));
      const o = checked.obligation;
      const today = deps.agreements.today();
      const settled = new Set(o.occurrences.map((s) => iso(s.dueOn)));
      // Open due dates of the past year and the next three months, the oldest first.
      const from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      const until = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
      const dueDates = dueDatesBetween(scheduleOf(o, o.agreement), from, until).filter((d) => !settled.has(d));
      if (dueDates.length === 0) return reply(t.agreements.alreadySettled);
      await client.views.open({
        trigger_id: body.trigger_id,
        view: settleModal(user.locale, { obligationId: o.id, description: o.description, outcome, dueDates, channel }),
      });
    },
  });
}

export function registerStepForm(app: App, deps: PartnersSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: AGREEMENT_STEP_MODAL,
    metadata: stepFormMetadata,
    errorBlock: null,
    async handle({ user, view, metadata, client }) {
      const t = partnerTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.agreements.step({
        actor: user.userId,
        id: metadata.id,
        step: metadata.step,
        input: {
          decisionNumber: s.text("decisionNumber"),
          decisionDate: s.date("decisionDate"),
          ada: s.text("ada"),
          signedOn: s.date("signedOn"),
          signedPlace: s.text("signedPlace"),
          documentUrl: s.text("documentUrl"),
          expiresOn: s.date("expiresOn"),
          reason: s.text("reason"),
        },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      if (outcome.status === "already_recorded") return {};
      if (outcome.status === "not_found") return { after: () => reply(t.notFound) };
      if (outcome.status === "refused") return { after: () => reply(refusalText(t, outcome.reason)) };
      deps.kit.logger.info({ user: user.userId, agreement: metadata.id, step: metadata.step }, "agreement step");
      return {
        after: () =>
          reply(
            t.agreements.stepDone(
              metadata.id,
              t.agreements.steps[metadata.step],
              t.agreements.statuses[outcome.agreement.status],
            ),
          ),
      };
    },
  });
}

export function registerObligationForm(app: App, deps: PartnersSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: OBLIGATION_MODAL,
    metadata: obligationFormMetadata,
    errorBlock: "description",
    async handle({ user, view, metadata, client }) {
      const t = partnerTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.agreements.addObligation({
        actor: user.userId,
        agreementId: metadata.agreementId,
        input: {
          description: s.text("description"),
          owner: s.user("owner"),
          recurrence: s.choice("recurrence"),
          firstDueOn: s.date("firstDueOn"),
        },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { description: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { description: t.notFound } };
      if (outcome.status === "already_stored") return {};
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return {
        after: () =>
          reply(t.agreements.obligationAdded(metadata.agreementId, escapeMrkdwn(outcome.obligation.description))),
      };
    },
  });
}

export function registerSettleForm(app: App, deps: PartnersSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: OBLIGATION_SETTLE_MODAL,
    metadata: settleFormMetadata,
    errorBlock: "note",
    async handle({ user, view, metadata, client }) {
      const t = partnerTexts(user.locale);
      const s = readState(view.state);
      const dueOn = dueDateValue.decode(s.choice("dueOn"));
      if (!dueOn) return { errors: { dueOn: t.errors.required } };
      const outcome = await deps.agreements.settle({
        actor: user.userId,
        obligationId: metadata.obligationId,
        dueOn,
        outcome: metadata.outcome,
        note: s.text("note"),
        link: s.text("link"),
      });
      if (outcome.status === "invalid")
        return {
          errors: Object.fromEntries(
            Object.entries(errorsOf(t, outcome.errors)).map(([k, v]) => [k, k === "link" ? t.errors.fulfilment : v]),
          ),
        };
      if (outcome.status === "refused") return { errors: { note: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { note: t.notFound } };
      if (outcome.status === "already_settled") return { errors: { dueOn: t.agreements.alreadySettled } };
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return {
        after: () =>
          reply(
            t.agreements.settled(
              escapeMrkdwn(outcome.obligation.description),
              dueOn,
              t.agreements.standings[metadata.outcome],
            ),
          ),
      };
    },
  });
}
