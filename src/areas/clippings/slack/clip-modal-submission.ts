// The "log a press clipping" form's submission: validated under each field, a duplicate link
// warned about before a second entry, one clipping however often Slack delivers the submission,
// and the confirmation and the channels' notices once Slack has its answer.
import type { App } from "@slack/bolt";
import type { Messages } from "../../../i18n/index.js";
import { type FormAnswer, onForm, replyPrivately } from "../../../slack/listener.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { RegisteredClipping } from "../store.js";
import { type ClippingField, type ValidationError, validateClipping } from "../validation.js";
import { newClippingPosts } from "./alert-views.js";
import {
  BLOCK,
  buildClipModal,
  CLIP_MODAL_CALLBACK,
  clipModalMetadata,
  readClipModalState,
} from "./clip-modal-views.js";
import type { ClippingsContext } from "./context.js";

function errorText(t: Messages, error: ValidationError): string {
  return error.code === "tooLong" ? t.clip.errors.tooLong(error.max) : t.clip.errors[error.code];
}

/** Validation errors as Slack shows them: under each field of the modal. */
export function slackFieldErrors(
  t: Messages,
  errors: Partial<Record<ClippingField, ValidationError>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, error] of Object.entries(errors)) {
    if (error) out[BLOCK[field as ClippingField]] = errorText(t, error);
  }
  return out;
}

/** The topics and departments a form may choose, and the form's input checked against them. */
export async function validateClipForm(
  { clippings }: Pick<ClippingsContext, "clippings">,
  state: Parameters<typeof readClipModalState>[0],
) {
  const input = readClipModalState(state);
  const topics = await clippings.listActiveTopics();
  const departments = await clippings.listActiveDepartments();
  const result = validateClipping(input, {
    today: clippings.today(),
    knownTopicIds: new Set(topics.map((tp) => tp.id)),
    knownDepartmentIds: new Set(departments.map((d) => d.id)),
  });
  return { input, topics, departments, result };
}

/** Posts a new clipping's notices to its departments' and watched terms' channels. */
export async function announceNewClipping(context: ClippingsContext, clippingId: number): Promise<void> {
  const notices = await context.alerts.noticesForNewClipping(clippingId);
  if (!notices) return;
  for (const post of newClippingPosts(notices, context.defaultLocale)) await context.sender.post(post);
}

export function registerClipModalSubmission(app: App, context: ClippingsContext): void {
  const { kit, clippings } = context;
  onForm(app, kit, {
    callbackId: CLIP_MODAL_CALLBACK,
    role: "staff",
    metadata: clipModalMetadata,
    // The modal stays open with everything the user typed; they can simply press the button again.
    errorBlock: BLOCK.title,
    handle: async ({ user, view, metadata, client }): Promise<FormAnswer> => {
      const { t } = user;
      const { input, topics, departments, result } = await validateClipForm(context, view.state);
      if (!result.ok) return { errors: slackFieldErrors(t, result.errors) };
      const outcome = await clippings.createClipping({
        draft: result.draft,
        createdBy: user.userId,
        submissionKey: view.id,
        acceptDuplicateOf: metadata.confirmDuplicateOf,
        source: metadata.source,
      });
      if (outcome.status === "duplicate_url") {
        const { existing } = outcome;
        return {
          update: buildClipModal({
            t,
            departments,
            locale: user.locale,
            topics,
            today: clippings.today(),
            values: input,
            metadata: { ...metadata, confirmDuplicateOf: existing.id },
            warning: t.clip.duplicateWarning(existing.registerNumber, escapeMrkdwn(truncate(existing.title, 200))),
          }),
        };
      }
      // A repeated submission stored nothing new, so it says nothing new either.
      if (outcome.status !== "created") return {};
      const stored: RegisteredClipping = outcome.clipping;
      kit.logger.info({ user: user.userId, register: stored.registerNumber }, "clipping registered");
      return {
        after: async () => {
          const title = stored.url ? mrkdwnLink(stored.url, stored.title) : escapeMrkdwn(stored.title);
          try {
            await replyPrivately(
              kit,
              client,
              user.userId,
              metadata.channel,
            )(t.clip.saved(stored.registerNumber, title));
          } catch (error) {
            kit.logger.warn({ err: error, user: user.userId }, "could not confirm the clipping to its author");
          }
          try {
            await announceNewClipping(context, stored.id);
          } catch (error) {
            kit.logger.warn({ err: error, register: stored.registerNumber }, "could not post the watch-list notices");
          }
        },
      };
    },
  });
}
