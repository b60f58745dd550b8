// `/sponsor` in Slack: the command (the form, search, the year's report), the sponsorship's menu,
// the managers' approval buttons, and the forms for a new sponsorship, the amount received and the
// benefits. Each listener decodes what Slack hands back, asks the service, and renders its answer;
// the service is what refuses.
import type { App, BlockAction, ButtonAction, OverflowAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { messages } from "../../../i18n/index.js";
import { type Clock, localYear } from "../../../lib/clock.js";
import { parseEuros } from "../../../lib/money.js";
import { actionMessage, idCodec } from "../../../slack/codec.js";
import {
  fieldErrors,
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
import type { Sender } from "../../../slack/sender.js";
import type { SponsorsService } from "../service.js";
import { buildSponsorReport, reportChartPngOffLoop, reportCsv, reportXlsxOffLoop } from "../sponsor-report.js";
import type { SponsorshipAction } from "../sponsorship-flow.js";
import type { SponsorshipWithBenefits } from "../store.js";
import {
  approvalValue,
  type MenuValue,
  menuValue,
  sponsorFormMetadata,
  sponsorshipFormMetadata,
} from "./sponsor-codecs.js";
import {
  answeredApprovalBlocks,
  approvalBlocks,
  benefitsModal,
  buildSponsorModal,
  eventChoices,
  readState,
  receiveModal,
  refusalText,
  reportComment,
  SPONSOR_APPROVE_ACTION,
  SPONSOR_BENEFITS_CALLBACK,
  SPONSOR_MENU_ACTION,
  SPONSOR_MODAL_CALLBACK,
  SPONSOR_RECEIVE_CALLBACK,
  SPONSOR_REJECT_ACTION,
  savedMessage,
  searchResults,
  sponsorErrorText,
  stepDoneText,
} from "./sponsor-views.js";

/** What the sponsors' listeners are given by the area. */
export interface SponsorsSlackDeps {
  kit: SlackKit;
  sponsorships: SponsorsService;
  sender: Sender;
  clock: Clock;
  timeZone: string;
}

/** `/sponsor`, `/sponsor add`, `/sponsor report [year]`, `/sponsor <words>`. */
export function registerSponsorCommand(app: App, deps: SponsorsSlackDeps): void {
  onCommand(app, deps.kit, {
    name: "/sponsor",
    role: "staff",
    help: (t) => t.sponsors.help,
    async handle({ user, command, text, client, reply }) {
      const [verb = "", arg, ...rest] = text.split(/\s+/);
      if (!text) return reply(user.t.sponsors.help);
      if (verb === "add" && !arg) {
        const events = eventChoices(await deps.sponsorships.upcomingEvents(), deps.timeZone);
        await client.views.open({
          trigger_id: command.trigger_id,
          view: buildSponsorModal(user.t, command.channel_id, events),
        });
        return;
      }
      if (verb === "report" && rest.length === 0) {
        const year = arg ? Number(arg) : localYear(deps.clock.now(), deps.timeZone);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          return reply(user.t.sponsors.badCommand(escapeMrkdwn(truncate(text, 60))));
        return sendReport(deps, client, user, year, reply);
      }
      if (text.length > 200) return reply(user.t.sponsors.badCommand(escapeMrkdwn(truncate(text, 60))));
      const results = searchResults(user.t, user.locale, text, await deps.sponsorships.search(text));
      await reply(results.text, results.blocks);
    },
  });
}

async function sendReport(deps: SponsorsSlackDeps, client: WebClient, user: UserView, year: number, reply: Reply) {
  const report = buildSponsorReport(year, await deps.sponsorships.forYear(year), user.locale, deps.timeZone);
  if (report.rows.length === 0)
    return reply(
      report.prospects > 0
        ? user.t.sponsors.reportOnlyProspects(year, report.prospects)
        : user.t.sponsors.reportNothing(year),
    );
  const base = `grafeio-sponsors-${year}`;
  await sendFilesPrivately(client, user.userId, reportComment(user.t, user.locale, report), [
    { file: reportCsv(report, user.locale), filename: `${base}.csv` },
    { file: await reportXlsxOffLoop(report, user.locale), filename: `${base}.xlsx` },
    { file: await reportChartPngOffLoop(report, user.locale), filename: `${base}.png` },
  ]);
  await reply(user.t.contacts.exportSent);
}

/** The new sponsorship's form. */
export function registerNewSponsorshipForm(app: App, deps: SponsorsSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: SPONSOR_MODAL_CALLBACK,
    metadata: sponsorFormMetadata,
    errorBlock: "organisation",
    async handle({ user, view, metadata, client }) {
      const s = readState(view.state);
      const chosenEvent = s.choice("eventId");
      const eventId = chosenEvent === undefined ? undefined : idCodec.decode(chosenEvent);
      if (chosenEvent !== undefined && eventId === undefined) return { errors: { eventId: user.t.common.outOfDate } };
      const outcome = await deps.sponsorships.register({
        actor: user.userId,
        input: {
          organisation: s.text("organisation"),
          contactPerson: s.text("contactPerson"),
          contributionType: s.choice("contributionType"),
          pledgedAmount: s.text("pledgedAmount"),
          pledgedDescription: s.text("pledgedDescription"),
          eventName: s.text("eventName"),
          eventDate: s.date("eventDate"),
          benefits: s.text("benefits"),
          notes: s.text("notes"),
          documents: s.text("documents"),
        },
        eventId,
        submissionKey: view.id,
      });
      if (outcome.status === "invalid")
        return { errors: fieldErrors(outcome.errors, (e) => sponsorErrorText(user.t, e)) };
      if (outcome.status === "refused") return { errors: { organisation: refusalText(user.t, outcome.reason) } };
      // A Slack retry of a form already stored: nothing more to say.
      if (outcome.status !== "created") return {};
      const saved = savedMessage(user.t, user.locale, outcome.sponsorship);
      return {
        after: () => replyPrivately(deps.kit, client, user.userId, metadata.channel)(saved.text, saved.blocks),
      };
    },
  });
}

/** A search result's menu: a step, the amount received's form, or the benefits' form. */
export function registerSponsorshipMenu(app: App, deps: SponsorsSlackDeps): void {
  onAction<OverflowAction, MenuValue>(app, deps.kit, {
    id: SPONSOR_MENU_ACTION,
    role: "staff",
    value: menuValue,
    async handle({ user, value: { choice, id }, body, client, reply }) {
      const channel = body.channel?.id;
      if (choice === "benefits" || choice === "receive") {
        // Refused at once rather than after the form has been filled in.
        const checked =
          choice === "receive"
            ? await deps.sponsorships.checkStep({ actor: user.userId, id, action: "receive" })
            : await deps.sponsorships.checkBenefits({ actor: user.userId, id });
        if (checked.status === "not_found") return reply(user.t.contacts.notFound);
        if (checked.status === "refused") return reply(refusalText(user.t, checked.reason, checked.sponsorship));
        const view =
          choice === "receive"
            ? receiveModal(user.t, checked.sponsorship, channel)
            : benefitsModal(user.t, checked.sponsorship, channel);
        await client.views.open({ trigger_id: body.trigger_id, view });
        return;
      }
      await takeStep(deps, user, { id, action: choice }, reply);
    },
  });
}

/** The managers' approve and reject buttons, in the approval message. */
export function registerApprovalButtons(app: App, deps: SponsorsSlackDeps): void {
  for (const [actionId, action] of [
    [SPONSOR_APPROVE_ACTION, "approve"],
    [SPONSOR_REJECT_ACTION, "reject"],
  ] as const) {
    onAction<ButtonAction, number>(app, deps.kit, {
      id: actionId,
      role: "staff",
      value: approvalValue,
      async handle({ user, value: id, body, client }) {
        // The answer goes to the DM: the button is in one.
        const reply = replyPrivately(deps.kit, client, user.userId);
        await takeStep(deps, user, { id, action }, reply);
        await closeApproval(deps, client, user, id, body);
      },
    });
  }
}

/** The approval message keeps the outcome instead of buttons, whoever answered first. */
async function closeApproval(
  deps: SponsorsSlackDeps,
  client: WebClient,
  user: UserView,
  id: number,
  body: BlockAction<ButtonAction>,
) {
  const s = await deps.sponsorships.get(id);
  const message = actionMessage(body);
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!s || !message?.ts || !channel || s.status === "awaiting_approval") return;
  await client.chat.update({
    channel,
    ts: message.ts,
    text: user.t.sponsors.statuses[s.status],
    blocks: answeredApprovalBlocks(user.t, (message.blocks ?? []) as KnownBlock[], s),
  });
}

/** The amount received: the form, then the `receive` step. */
export function registerReceiveForm(app: App, deps: SponsorsSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: SPONSOR_RECEIVE_CALLBACK,
    metadata: sponsorshipFormMetadata,
    errorBlock: "receivedAmount",
    async handle({ user, view, metadata, client }) {
      const text = readState(view.state).text("receivedAmount")?.trim();
      let receivedCents: bigint | undefined;
      if (text) {
        const parsed = parseEuros(text);
        if ("error" in parsed) return { errors: { receivedAmount: user.t.sponsors.errors.amount[parsed.error] } };
        receivedCents = parsed.cents;
      }
      const reply = replyPrivately(deps.kit, client, user.userId);
      return { after: () => takeStep(deps, user, { id: metadata.id, action: "receive", receivedCents }, reply) };
    },
  });
}

/** The benefits: pending ones done or waived, and a new one. */
export function registerBenefitsForm(app: App, deps: SponsorsSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: SPONSOR_BENEFITS_CALLBACK,
    metadata: sponsorshipFormMetadata,
    errorBlock: "newBenefit",
    async handle({ user, view, metadata, client }) {
      const s = readState(view.state);
      const ids = (block: string) => s.choices(block).flatMap((v) => idCodec.decode(v) ?? []);
      const description = s.text("newBenefit")?.trim();
      const outcome = await deps.sponsorships.updateBenefits({
        actor: user.userId,
        id: metadata.id,
        done: ids("done"),
        waived: ids("waived"),
        added: description ? { description, owner: s.user("owner"), dueOn: s.date("dueOn") } : undefined,
        submissionKey: view.id,
      });
      if (outcome.status === "not_found") return { errors: { newBenefit: user.t.contacts.notFound } };
      if (outcome.status === "refused")
        return { errors: { newBenefit: refusalText(user.t, outcome.reason, outcome.sponsorship) } };
      // A Slack retry of the same form changes nothing, so it says nothing either.
      if (outcome.settled === 0 && !outcome.added) return {};
      return {
        after: () =>
          replyPrivately(deps.kit, client, user.userId, metadata.channel)(user.t.sponsors.benefitsSaved(metadata.id)),
      };
    },
  });
}

async function takeStep(
  deps: SponsorsSlackDeps,
  user: UserView,
  step: { id: number; action: SponsorshipAction; receivedCents?: bigint },
  reply: Reply,
) {
  const outcome = await deps.sponsorships.step({ actor: user.userId, ...step });
  if (outcome.status === "not_found") return reply(user.t.contacts.notFound);
  if (outcome.status === "refused") return reply(refusalText(user.t, outcome.reason, outcome.sponsorship));
  deps.kit.logger.info(
    { user: user.userId, sponsorship: step.id, action: step.action, to: outcome.sponsorship.status },
    "sponsorship step",
  );
  await tellThoseConcerned(deps, outcome.sponsorship, step.action, outcome, user.userId);
  await reply(stepDoneText(user.t, outcome.sponsorship));
}

/** After a step: the people concerned are told, once (keys made from the step's record). */
async function tellThoseConcerned(
  deps: SponsorsSlackDeps,
  s: SponsorshipWithBenefits,
  action: SponsorshipAction,
  done: { changeId: number; approvers: string[] },
  by: string,
) {
  for (const manager of done.approvers) {
    const locale = await deps.kit.locales.resolve(manager);
    const t = messages(locale);
    await deps.sender.post({
      key: `sponsor:${s.id}:${done.changeId}:approval:${manager}`,
      channel: manager,
      text: t.sponsors.statuses.awaiting_approval,
      blocks: approvalBlocks(t, locale, s, by),
    });
  }
  if ((action === "approve" || action === "reject") && s.approvalAskedBy && s.approvalAskedBy !== by) {
    const t = messages(await deps.kit.locales.resolve(s.approvalAskedBy));
    await deps.sender.post({
      key: `sponsor:${s.id}:${done.changeId}:asker`,
      channel: s.approvalAskedBy,
      text: t.sponsors.approvalDone(s.id, t.sponsors.statuses[s.status], `<@${by}>`),
    });
  }
}
