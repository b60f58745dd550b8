// `/translate`, the "Request translation" message shortcut, the request form, and the steps taken
// from a request's card. Each listener decodes what Slack hands back, asks the service, and
// renders its answer; the service decides who may do what.
import type { App, ButtonAction, MessageShortcut } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { idCodec } from "../../../slack/codec.js";
import {
  fieldErrors,
  onAction,
  onCommand,
  onForm,
  onShortcut,
  type Reply,
  replyPrivately,
  type SlackKit,
  type UserView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { FORM_STEPS, needsForm, type TranslationAction } from "../translation-flow.js";
import type { StepOutcome, StepPayload, TranslationService } from "../translation-service.js";
import { type TranslationInput, validateStepInput, validateTranslation } from "../translation-validation.js";
import { postTranslationCard, type TranslationNewsDeps, tellStep } from "./translation-news.js";
import {
  buildStepModal,
  buildTranslationModal,
  REQUEST_TRANSLATION_SHORTCUT,
  readRequestedFor,
  readStepState,
  readTranslationState,
  refusalText,
  requestFromMessage,
  requestListText,
  STEP_ACTION_IDS,
  STEP_FORM_ERROR_BLOCK,
  stepFormCallback,
  stepFormMetadata,
  stepInputErrorText,
  stepOfActionId,
  TRANSLATION_MODAL_CALLBACK,
  translationErrorText,
  translationFormMetadata,
} from "./translation-views.js";

export interface TranslationListenerDeps {
  kit: SlackKit;
  service: TranslationService;
  news: TranslationNewsDeps;
}

async function openRequestForm(
  deps: TranslationListenerDeps,
  client: WebClient,
  user: UserView,
  triggerId: string,
  values: TranslationInput,
  channel?: string,
) {
  await client.views.open({
    trigger_id: triggerId,
    view: buildTranslationModal({ t: user.t, locale: user.locale, values, today: deps.service.today(), channel }),
  });
}

const LIST_FILTERS = ["mine", "open", "overdue"] as const;
const isListFilter = (word: string): word is (typeof LIST_FILTERS)[number] =>
  (LIST_FILTERS as readonly string[]).includes(word);

/** `/translate`: the form; `/translate list [mine|open|overdue]`: the open requests. */
export function registerTranslateCommand(app: App, deps: TranslationListenerDeps): void {
  onCommand(app, deps.kit, {
    name: "/translate",
    role: "staff",
    help: (t) => t.translations.help,
    async handle({ user, command, text, client, reply }) {
      const [verb = "", filter = "open", ...rest] = text.split(/\s+/);
      if (!verb) return openRequestForm(deps, client, user, command.trigger_id, {}, command.channel_id);
      if (verb === "list" && rest.length === 0 && isListFilter(filter)) {
        const today = deps.service.today();
        const found = await deps.service.list({ actor: user.userId, filter, today });
        if (found.status === "refused") return reply(user.t.common.noPermission(user.t.common.roleNames.staff));
        return reply(requestListText(user.t, user.locale, filter, found.requests, today));
      }
      await reply(user.t.translations.badCommand(escapeMrkdwn(truncate(text, 100))));
    },
  });
}

/** "Request translation" on a message: the form, with the message's file or link and a title. */
export function registerRequestShortcut(app: App, deps: TranslationListenerDeps): void {
  onShortcut<MessageShortcut>(app, deps.kit, {
    callbackId: REQUEST_TRANSLATION_SHORTCUT,
    role: "staff",
    handle: ({ user, shortcut, client }) =>
      openRequestForm(
        deps,
        client,
        user,
        shortcut.trigger_id,
        requestFromMessage(shortcut.message),
        shortcut.channel.id,
      ),
  });
}

/** The request form: stored once per submission, then its card posted in the office's channel. */
export function registerRequestForm(app: App, deps: TranslationListenerDeps): void {
  onForm(app, deps.kit, {
    callbackId: TRANSLATION_MODAL_CALLBACK,
    role: "staff",
    metadata: translationFormMetadata,
    errorBlock: "title",
    async handle({ user, view, metadata, client }) {
      const result = validateTranslation(readTranslationState(view.state), { today: deps.service.today() });
      if (!result.ok) return { errors: fieldErrors(result.errors, (e) => translationErrorText(user.t, e)) };
      const outcome = await deps.service.create({
        draft: result.draft,
        requestedBy: readRequestedFor(view.state) ?? user.userId,
        filedBy: user.userId,
        submissionKey: view.id,
      });
      if (outcome.status === "refused") {
        const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
        return { after: () => reply(user.t.common.noPermission(user.t.common.roleNames.staff)) };
      }
      // A repeated delivery stored nothing new, so it says nothing new either.
      if (outcome.status !== "created") return {};
      return {
        after: async () => {
          await postTranslationCard(deps.news, outcome.request);
          const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
          await reply(user.t.translations.saved(outcome.request.id));
        },
      };
    },
  });
}

/** A step's button on the card: the step at once, or its small form first. */
export function registerStepButtons(app: App, deps: TranslationListenerDeps): void {
  onAction<ButtonAction, number>(app, deps.kit, {
    id: STEP_ACTION_IDS,
    role: "staff",
    value: idCodec,
    async handle({ user, action, body, value: requestId, client, reply }) {
      const step = stepOfActionId(action.action_id);
      if (!step) return reply(user.t.common.outOfDate);
      if (needsForm(step)) {
        // Refused at the click (an assignment is the coordinator's, a delivery the translator's…),
        // not after the form has been filled in.
        const checked = await deps.service.mayTake({ actor: user.userId, requestId, action: step });
        if (checked.status === "not_found") return reply(refusalText(user.t, "not_found"));
        if (checked.status === "refused") return reply(refusalText(user.t, checked));
        await client.views.open({ trigger_id: body.trigger_id, view: buildStepModal(user.t, step, requestId) });
        return;
      }
      const outcome = await deps.service.step({ actor: user.userId, requestId, action: step });
      await answerStep(deps, client, user, { action: step, payload: {}, outcome }, reply);
    },
  });
}

/** Each step's small form (whom to assign, the delivered link, the comments). */
export function registerStepForms(app: App, deps: TranslationListenerDeps): void {
  for (const step of FORM_STEPS) {
    const errorBlock = STEP_FORM_ERROR_BLOCK[step];
    onForm(app, deps.kit, {
      callbackId: stepFormCallback(step),
      role: "staff",
      metadata: stepFormMetadata,
      errorBlock,
      async handle({ user, view, metadata, client }) {
        if (metadata.action !== step) return { errors: { [errorBlock]: user.t.common.outOfDate } };
        const payload = readStepState(view.state);
        const error = validateStepInput(step, payload);
        if (error) return { errors: { [error.field]: stepInputErrorText(user.t, error) } };
        const outcome = await deps.service.step({
          actor: user.userId,
          requestId: metadata.requestId,
          action: step,
          payload,
        });
        return {
          after: () =>
            answerStep(
              deps,
              client,
              user,
              { action: step, payload, outcome },
              replyPrivately(deps.kit, client, user.userId),
            ),
        };
      },
    });
  }
}

/** Tells the person why a step was not taken, or everyone concerned that it was. */
async function answerStep(
  deps: TranslationListenerDeps,
  client: WebClient,
  user: UserView,
  step: { action: TranslationAction; payload: StepPayload; outcome: StepOutcome },
  reply: Reply,
) {
  const { outcome } = step;
  if (outcome.status === "not_found") return reply(refusalText(user.t, "not_found"));
  if (outcome.status === "refused") return reply(refusalText(user.t, outcome));
  // The same step taken a moment ago was told then.
  if (outcome.status === "unchanged") return;
  deps.kit.logger.info(
    { user: user.userId, translation: outcome.request.id, action: step.action, to: outcome.request.status },
    "translation step",
  );
  await tellStep(deps.news, {
    request: outcome.request,
    action: step.action,
    eventId: outcome.eventId,
    by: user.userId,
    note: step.payload.note,
    updateCard: (channel, ts, card) => client.chat.update({ channel, ts, ...card }),
  });
}
