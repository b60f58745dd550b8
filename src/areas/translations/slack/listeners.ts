// `/translate`, the "Request translation" message shortcut, the request form, and the steps taken
// from a request's card.
import type { App, BlockAction, ButtonAction, MessageShortcut } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { acceptForm, fieldErrors } from "../../../slack/form-submission.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  registerOfficeCommand,
  replyPrivately,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { parseWebUrl } from "../../clippings/url.js";
import type { TranslationAction } from "../translation-flow.js";
import { isoDay } from "../translation-service.js";
import { type TranslationError, type TranslationInput, validateTranslation } from "../translation-validation.js";
import { postTranslationCard, tellStep } from "./translation-news.js";
import {
  buildStepModal,
  buildTranslationModal,
  langs,
  REQUEST_TRANSLATION_SHORTCUT,
  readRequestedFor,
  readStepState,
  readTranslationState,
  STEP_ACTION_PREFIX,
  STEP_MODAL_CALLBACK,
  TRANSLATION_MODAL_CALLBACK,
} from "./translation-views.js";

function errorText(t: Messages, e: TranslationError): string {
  return e.code === "tooLong" ? t.translations.errors.tooLong(e.max) : t.translations.errors[e.code];
}

async function openForm(
  deps: HandlerDeps,
  client: WebClient,
  user: UserView,
  triggerId: string,
  values: TranslationInput,
  channel?: string,
) {
  await client.views.open({
    trigger_id: triggerId,
    view: buildTranslationModal({
      t: user.t,
      locale: user.locale,
      values,
      today: deps.services.translations.today(),
      channel,
    }),
  });
}

async function list(deps: HandlerDeps, user: UserView, filter: "mine" | "open" | "overdue", reply: Reply) {
  const m = user.t.translations;
  const today = deps.services.translations.today();
  const rows = await deps.services.translations.list(filter, user.userId, today);
  const lines = rows.map((r) =>
    m.listLine(
      r.id,
      escapeMrkdwn(truncate(r.title, 100)),
      langs(r, user.locale),
      formatDayMonthYear(isoDay(r.dueOn)),
      m.statuses[r.status],
      r.status !== "delivered" && isoDay(r.dueOn) < today,
    ),
  );
  await reply([m.listTitle(m.filters[filter]), ...(lines.length ? lines : [m.listEmpty])].join("\n"));
}

export function register(app: App, deps: HandlerDeps): void {
  registerOfficeCommand(app, deps, "/translate", "staff", async ({ user, command, client, reply }) => {
    const [verb = "", filter = "open", ...rest] = command.text.trim().split(/\s+/);
    if (!verb) return openForm(deps, client, user, command.trigger_id, {}, command.channel_id);
    if (verb === "help") return reply(user.t.translations.help);
    if (verb === "list" && rest.length === 0 && (filter === "mine" || filter === "open" || filter === "overdue"))
      return list(deps, user, filter, reply);
    await reply(user.t.translations.badCommand(escapeMrkdwn(truncate(command.text, 100))));
  });

  app.shortcut<MessageShortcut>(REQUEST_TRANSLATION_SHORTCUT, async ({ ack, shortcut, client }) => {
    await ack();
    const userId = shortcut.user.id;
    const reply = replyPrivately(deps, client, userId, shortcut.channel.id);
    await answerSafely(deps, { userId, reply, what: REQUEST_TRANSLATION_SHORTCUT }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const message = shortcut.message as {
        text?: string;
        files?: { name?: string; title?: string; permalink?: string }[];
      };
      const file = message.files?.[0];
      const link = /<(https?:\/\/[^|>]+)(?:\|[^>]*)?>/.exec(message.text ?? "")?.[1];
      const url = file?.permalink ?? (link && parseWebUrl(link) ? link : undefined);
      const title =
        file?.title ??
        file?.name ??
        (message.text ?? "")
          .split("\n")[0]
          ?.replace(/<[^>]*>/g, "")
          .trim();
      await openForm(
        deps,
        client,
        user,
        shortcut.trigger_id,
        { documentUrl: url, title: title ? truncate(title, 200) : undefined },
        shortcut.channel.id,
      );
    });
  });

  app.view(TRANSLATION_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    await acceptForm(
      deps,
      { ack, view, userId, what: TRANSLATION_MODAL_CALLBACK, errorBlock: "title" },
      async (user, channel) => {
        const result = validateTranslation(readTranslationState(view.state), {
          today: deps.services.translations.today(),
        });
        if (!result.ok) return { errors: fieldErrors(result.errors, (e) => errorText(user.t, e)) };
        const outcome = await deps.services.translations.create({
          draft: result.draft,
          requestedBy: readRequestedFor(view.state) ?? userId,
          filedBy: userId,
          submissionKey: view.id,
        });
        // A repeated delivery stored nothing new, so it says nothing new either.
        if (outcome.status !== "created") return {};
        return {
          after: async () => {
            await postTranslationCard(deps, outcome.request);
            await replyPrivately(deps, client, userId, channel)(user.t.translations.saved(outcome.request.id));
          },
        };
      },
    );
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${STEP_ACTION_PREFIX}`), async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const reply = replyPrivately(deps, client, userId, body.channel?.id);
    await answerSafely(deps, { userId, reply, what: action.action_id }, async () => {
      const user = await userView(deps, userId);
      const step = action.action_id.slice(STEP_ACTION_PREFIX.length) as TranslationAction;
      const id = Number(action.value);
      if (step === "assign" || step === "deliver" || step === "return") {
        await client.views.open({ trigger_id: body.trigger_id, view: buildStepModal(user.t, step, id) });
        return;
      }
      await takeStep(deps, client, user, id, step, {}, reply);
    });
  });

  app.view(STEP_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const meta = JSON.parse(view.private_metadata || "{}") as { requestId?: number; action?: TranslationAction };
    const input = readStepState(view.state);
    const user = await userView(deps, userId);
    const t = user.t.translations;
    if (meta.action === "assign" && Boolean(input.assignee) === Boolean(input.vendor)) {
      await ack({ response_action: "errors", errors: { assignee: t.assignNeedsOne } });
      return;
    }
    if (meta.action === "deliver" && !parseWebUrl(input.deliveredUrl ?? "")) {
      await ack({ response_action: "errors", errors: { deliveredUrl: t.errors.urlInvalid } });
      return;
    }
    await ack();
    const reply = replyPrivately(deps, client, userId);
    await answerSafely(deps, { userId, reply, what: STEP_MODAL_CALLBACK }, async () => {
      if (typeof meta.requestId !== "number" || !meta.action) return;
      await takeStep(deps, client, user, meta.requestId, meta.action, input, reply);
    });
  });
}

async function takeStep(
  deps: HandlerDeps,
  client: WebClient,
  user: UserView,
  id: number,
  action: TranslationAction,
  payload: { assignee?: string; vendor?: string; deliveredUrl?: string; note?: string },
  reply: Reply,
) {
  const coordinator = await deps.services.roles.hasRole(user.userId, "manager");
  const outcome = await deps.services.translations.step(id, action, { userId: user.userId, coordinator }, payload);
  const t = user.t.translations;
  if (outcome.status === "not_found") return reply(t.notFound);
  if (outcome.status === "refused") {
    return reply(
      outcome.reason === "not_yours"
        ? t.refused.not_yours
        : t.refused.not_allowed_now(t.statuses[outcome.request.status]),
    );
  }
  deps.logger.info({ user: user.userId, translation: id, action, to: outcome.request.status }, "translation step");
  await tellStep(deps, {
    request: outcome.request,
    action,
    eventId: outcome.eventId,
    by: user.userId,
    note: payload.note,
    updateCard: (channel, ts, card) => client.chat.update({ channel, ts, ...card }),
  });
}
