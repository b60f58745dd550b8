// `/sponsor`: the sponsors registry: the form, search with a menu of steps, the managers' approval,
// the amount received, the benefits, and the year's report with its chart.
import type { App, BlockAction, ButtonAction, OverflowAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { type Messages, messages } from "../../../i18n/index.js";
import { formatDayMonthYear, localDate, localYear } from "../../../lib/clock.js";
import { formatEuros, parseEuros } from "../../../lib/money.js";
import { acceptForm, fieldErrors } from "../../../slack/form-submission.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  registerOfficeCommand,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { buildSponsorReport, reportChartPng, reportCsv, reportXlsx } from "../sponsor-report.js";
import type { SponsorshipAction } from "../sponsorship-flow.js";
import type { SponsorshipWithBenefits } from "../sponsorship-service.js";
import { type SponsorError, validateSponsorship } from "../sponsorship-validation.js";
import {
  approvalBlocks,
  benefitsModal,
  buildSponsorModal,
  readState,
  receiveModal,
  SPONSOR_APPROVE_ACTION,
  SPONSOR_BENEFITS_CALLBACK,
  SPONSOR_MENU_ACTION,
  SPONSOR_MODAL_CALLBACK,
  SPONSOR_RECEIVE_CALLBACK,
  SPONSOR_REJECT_ACTION,
  sponsorshipBlock,
} from "./sponsor-views.js";

function errorText(t: Messages, e: SponsorError): string {
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

async function report(deps: HandlerDeps, client: WebClient, user: UserView, year: number, reply: Reply) {
  const t = user.t.sponsors;
  const data = buildSponsorReport(year, await deps.services.sponsorships.forYear(year), user.locale);
  if (data.rows.length === 0) return reply(t.reportNothing(year));
  const lines = data.byEvent.map((e) =>
    t.reportEventLine(
      escapeMrkdwn(truncate(e.event, 100)),
      e.sponsors,
      formatEuros(e.pledgedCents, user.locale),
      formatEuros(e.receivedCents, user.locale),
      e.benefitsOutstanding,
    ),
  );
  const base = `grafeio-sponsors-${year}`;
  const comment = [
    t.reportReady(
      year,
      formatEuros(data.totals.pledgedCents, user.locale),
      formatEuros(data.totals.receivedCents, user.locale),
    ),
    ...lines.slice(0, 30),
  ].join("\n");
  await sendFilesPrivately(client, user.userId, comment, [
    { file: reportCsv(data, user.locale), filename: `${base}.csv` },
    { file: await reportXlsx(data, user.locale), filename: `${base}.xlsx` },
    { file: reportChartPng(data, user.locale), filename: `${base}.png` },
  ]);
  await reply(user.t.contacts.exportSent);
}

/** After a step: the people concerned are told, once (keys made from the step's record). */
async function afterStep(
  deps: HandlerDeps,
  s: SponsorshipWithBenefits,
  action: SponsorshipAction,
  changeId: number,
  by: string,
) {
  if (action === "ask_approval") {
    for (const manager of await deps.services.roles.holdersOf("manager")) {
      if (manager === by) continue;
      const locale = await deps.services.locales.resolve(manager);
      const t = messages(locale);
      const blocks = approvalBlocks(t, locale, s, by);
      await deps.sender.post({
        key: `sponsor:${s.id}:${changeId}:approval:${manager}`,
        channel: manager,
        text: t.sponsors.statuses.awaiting_approval,
        blocks,
      });
    }
  }
  if ((action === "approve" || action === "reject") && s.approvalAskedBy && s.approvalAskedBy !== by) {
    const t = messages(await deps.services.locales.resolve(s.approvalAskedBy));
    await deps.sender.post({
      key: `sponsor:${s.id}:${changeId}:asker`,
      channel: s.approvalAskedBy,
      text: t.sponsors.approvalDone(s.id, t.sponsors.statuses[s.status], `<@${by}>`),
    });
  }
  // The thank-you letter is tracked with the contact's greetings too (`/contact thanks`).
  if (s.contactId && (action === "approve" || action === "receive")) {
    await deps.services.greetings.requestThankYou({
      contactId: s.contactId,
      occasion: `sponsorship:${s.id}`,
      reason: `${s.organisation}: ${s.eventName}`,
    });
  }
  if (s.contactId && action === "thank") {
    await deps.services.greetings.record({
      contactId: s.contactId,
      kind: "thank_you",
      occasion: `sponsorship:${s.id}`,
      outcome: "sent",
      by,
    });
  }
}

async function takeStep(
  deps: HandlerDeps,
  user: UserView,
  id: number,
  action: SponsorshipAction,
  reply: Reply,
  payload: { receivedCents?: bigint } = {},
) {
  const manager = await deps.services.roles.hasRole(user.userId, "manager");
  const outcome = await deps.services.sponsorships.step(id, action, { userId: user.userId, manager }, payload);
  const t = user.t.sponsors;
  if (outcome.status === "not_found") return reply(user.t.contacts.notFound);
  if (outcome.status === "refused") {
    return reply(
      outcome.reason === "not_allowed_now"
        ? t.refused.not_allowed_now(t.statuses[outcome.sponsorship.status])
        : t.refused[outcome.reason],
    );
  }
  deps.logger.info({ user: user.userId, sponsorship: id, action, to: outcome.sponsorship.status }, "sponsorship step");
  await afterStep(deps, outcome.sponsorship, action, outcome.changeId, user.userId);
  await reply(t.stepDone(id, t.statuses[outcome.sponsorship.status]));
}

/** The calendar's coming events, for a sponsorship to be tied to. */
async function upcomingEvents(deps: HandlerDeps) {
  const now = deps.clock.now();
  const events = await deps.services.events.between(now, new Date(now.getTime() + 400 * 86_400_000));
  return events.map((e) => ({
    id: e.id,
    title: e.title,
    day: formatDayMonthYear(localDate(e.startsAt, deps.timeZone)),
  }));
}

export function register(app: App, deps: HandlerDeps): void {
  registerOfficeCommand(app, deps, "/sponsor", "staff", async ({ user, command, client, reply }) => {
    const text = command.text.trim();
    const [verb = "", arg, ...rest] = text.split(/\s+/);
    if (!text || verb === "help") return reply(user.t.sponsors.help);
    if (verb === "add" && !arg) {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: buildSponsorModal(user.t, command.channel_id, await upcomingEvents(deps)),
      });
      return;
    }
    if (verb === "report" && rest.length === 0) {
      const year = arg ? Number(arg) : localYear(deps.clock.now(), deps.timeZone);
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        return reply(user.t.sponsors.badCommand(escapeMrkdwn(truncate(text, 60))));
      return report(deps, client, user, year, reply);
    }
    if (text.length > 200) return reply(user.t.sponsors.badCommand(escapeMrkdwn(truncate(text, 60))));
    const found = await deps.services.sponsorships.search(text);
    if (found.length === 0) return reply(user.t.sponsors.noResults(escapeMrkdwn(truncate(text, 100))));
    const blocks: KnownBlock[] = found.map((s) => sponsorshipBlock(user.t, user.locale, s));
    await reply(user.t.sponsors.help.split("\n")[0] ?? "", blocks);
  });

  app.view(SPONSOR_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    await acceptForm(
      deps,
      { ack, view, userId, what: SPONSOR_MODAL_CALLBACK, errorBlock: "organisation" },
      async (user, channel) => {
        const s = readState(view.state);
        // An event from the calendar lends its title and day, unless others were typed.
        const event = s.choice("eventId") ? await deps.services.events.get(Number(s.choice("eventId"))) : null;
        const result = validateSponsorship({
          organisation: s.text("organisation"),
          contactPerson: s.text("contactPerson"),
          contributionType: s.choice("contributionType"),
          pledgedAmount: s.text("pledgedAmount"),
          pledgedDescription: s.text("pledgedDescription"),
          eventName: s.text("eventName") || event?.title,
          eventDate: s.date("eventDate") ?? (event ? localDate(event.startsAt, deps.timeZone) : undefined),
          benefits: s.text("benefits"),
          notes: s.text("notes"),
          documents: s.text("documents"),
        });
        if (!result.ok) return { errors: fieldErrors(result.errors, (e) => errorText(user.t, e)) };
        const outcome = await deps.services.sponsorships.create({
          draft: { ...result.draft, eventId: event?.id ?? null },
          createdBy: userId,
          submissionKey: view.id,
        });
        if (outcome.status !== "created") return {};
        const sp = outcome.sponsorship;
        return {
          after: () =>
            replyPrivately(
              deps,
              client,
              userId,
              channel,
            )(user.t.sponsors.saved(sp.id, escapeMrkdwn(truncate(sp.organisation, 100))), [
              sponsorshipBlock(user.t, user.locale, sp),
            ]),
        };
      },
    );
  });

  app.action<BlockAction<OverflowAction>>(SPONSOR_MENU_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const channel = body.channel?.id;
    const reply = replyPrivately(deps, client, userId, channel);
    await answerSafely(deps, { userId, reply, what: SPONSOR_MENU_ACTION }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const [verb = "", idText] = (action.selected_option.value ?? "").split(":");
      const s = await deps.services.sponsorships.get(Number(idText));
      if (!s) return reply(user.t.contacts.notFound);
      if (verb === "benefits") {
        await client.views.open({ trigger_id: body.trigger_id, view: benefitsModal(user.t, s, channel) });
        return;
      }
      if (verb === "receive") {
        // Refused at once rather than after the form has been filled in.
        if (s.status !== "committed")
          return reply(user.t.sponsors.refused.not_allowed_now(user.t.sponsors.statuses[s.status]));
        await client.views.open({ trigger_id: body.trigger_id, view: receiveModal(user.t, s, channel) });
        return;
      }
      await takeStep(deps, user, s.id, verb as SponsorshipAction, reply);
    });
  });

  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^(${SPONSOR_APPROVE_ACTION}|${SPONSOR_REJECT_ACTION})$`),
    async ({ ack, action, body, client }) => {
      await ack();
      const userId = body.user.id;
      const reply = replyPrivately(deps, client, userId);
      await answerSafely(deps, { userId, reply, what: action.action_id }, async () => {
        const user = await userView(deps, userId);
        const step = action.action_id === SPONSOR_APPROVE_ACTION ? "approve" : "reject";
        await takeStep(deps, user, Number(action.value), step, reply);
        // The approval message keeps the outcome instead of buttons, whoever answered first.
        const s = await deps.services.sponsorships.get(Number(action.value));
        const message = body.message as { ts?: string; blocks?: KnownBlock[] } | undefined;
        const channelId = body.channel?.id ?? body.container?.channel_id;
        if (s && message?.ts && channelId && s.status !== "awaiting_approval") {
          const blocks = (message.blocks ?? []).filter((b) => b.type !== "actions");
          blocks.push({
            type: "context",
            elements: [{ type: "mrkdwn", text: user.t.sponsors.stepDone(s.id, user.t.sponsors.statuses[s.status]) }],
          });
          await client.chat.update({
            channel: channelId,
            ts: message.ts,
            text: user.t.sponsors.statuses[s.status],
            blocks,
          });
        }
      });
    },
  );

  app.view(SPONSOR_RECEIVE_CALLBACK, async ({ ack, view, body }) => {
    const userId = body.user.id;
    const id = Number((JSON.parse(view.private_metadata || "{}") as { id?: number }).id);
    await acceptForm(
      deps,
      { ack, view, userId, what: SPONSOR_RECEIVE_CALLBACK, errorBlock: "receivedAmount" },
      async (user) => {
        const text = readState(view.state).text("receivedAmount")?.trim();
        let receivedCents: bigint | undefined;
        if (text) {
          const parsed = parseEuros(text);
          if ("error" in parsed) return { errors: { receivedAmount: user.t.sponsors.errors.amount[parsed.error] } };
          receivedCents = parsed.cents;
        }
        const reply = replyPrivately(deps, app.client, userId);
        return { after: () => takeStep(deps, user, id, "receive", reply, { receivedCents }) };
      },
    );
  });

  app.view(SPONSOR_BENEFITS_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as { id?: number; channel?: string };
    await acceptForm(
      deps,
      { ack, view, userId, what: SPONSOR_BENEFITS_CALLBACK, errorBlock: "newBenefit" },
      async (user) => {
        const s = readState(view.state);
        const id = Number(meta.id);
        const ids = (b: string) => s.choices(b).map(Number).filter(Number.isInteger);
        const settled =
          (await deps.services.sponsorships.settleBenefits(ids("done"), "done", userId)) +
          (await deps.services.sponsorships.settleBenefits(ids("waived"), "waived", userId));
        const description = s.text("newBenefit")?.trim();
        const added = description
          ? await deps.services.sponsorships.addBenefit(id, {
              description,
              owner: s.user("owner"),
              dueOn: s.date("dueOn"),
              submissionKey: view.id,
            })
          : false;
        // A Slack retry of the same form changes nothing, so it says nothing either.
        if (settled === 0 && !added) return {};
        return { after: () => replyPrivately(deps, client, userId, meta.channel)(user.t.sponsors.benefitsSaved(id)) };
      },
    );
  });
}
