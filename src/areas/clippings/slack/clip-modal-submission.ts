import type { App } from "@slack/bolt";
import type { Messages } from "../../../i18n/index.js";
import { type HandlerDeps, replyPrivately, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { type ClippingField, type ValidationError, validateClipping } from "../validation.js";
import { BLOCK, buildClipModal, CLIP_MODAL_CALLBACK, decodeMetadata, readClipModalState } from "./clip-modal-views.js";

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

export function registerClipModalSubmission(app: App, deps: HandlerDeps): void {
  app.view(CLIP_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const meta = decodeMetadata(view.private_metadata);
    let user: Awaited<ReturnType<typeof userView>> | undefined;
    let stored: { id: number; registerNumber: string; title: string; url: string | null } | undefined;
    try {
      user = await userView(deps, userId);
      const { t } = user;
      if (!(await deps.services.roles.hasRole(userId, "staff"))) {
        await ack({
          response_action: "errors",
          errors: { [BLOCK.title]: t.common.noPermission(t.common.roleNames.staff) },
        });
        return;
      }
      const input = readClipModalState(view.state);
      const topics = await deps.services.clippings.listActiveTopics();
      const departments = await deps.services.clippings.listActiveDepartments();
      const result = validateClipping(input, {
        today: deps.services.clippings.today(),
        knownTopicIds: new Set(topics.map((tp) => tp.id)),
        knownDepartmentIds: new Set(departments.map((d) => d.id)),
      });
      if (!result.ok) {
        await ack({ response_action: "errors", errors: slackFieldErrors(t, result.errors) });
        return;
      }
      const outcome = await deps.services.clippings.createClipping({
        draft: result.draft,
        createdBy: userId,
        submissionKey: view.id,
        acceptDuplicateOf: meta.confirmDuplicateOf,
        source: meta.source,
      });
      if (outcome.status === "duplicate_url") {
        const { existing } = outcome;
        await ack({
          response_action: "update",
          view: buildClipModal({
            t,
            departments,
            locale: user.locale,
            topics,
            today: deps.services.clippings.today(),
            values: input,
            metadata: { ...meta, confirmDuplicateOf: existing.id },
            warning: t.clip.duplicateWarning(existing.registerNumber, escapeMrkdwn(truncate(existing.title, 200))),
          }),
        });
        return;
      }
      await ack();
      // A repeated submission stored nothing new, so it says nothing new either.
      if (outcome.status === "created") stored = outcome.clipping;
    } catch (error) {
      deps.logger.error({ err: error, user: userId, listener: CLIP_MODAL_CALLBACK }, "clipping submission failed");
      const t = user?.t;
      // The modal stays open with everything the user typed; they can simply press the button again.
      await ack({
        response_action: "errors",
        errors: { [BLOCK.title]: t ? t.common.unexpectedError : "Error / Σφάλμα" },
      });
      return;
    }
    if (stored && user) {
      deps.logger.info({ user: userId, register: stored.registerNumber }, "clipping registered");
      const title = stored.url ? mrkdwnLink(stored.url, stored.title) : escapeMrkdwn(stored.title);
      try {
        await replyPrivately(deps, client, userId, meta.channel)(user.t.clip.saved(stored.registerNumber, title));
      } catch (error) {
        deps.logger.warn({ err: error, user: userId }, "could not confirm the clipping to its author");
      }
      try {
        await deps.services.clippingAlerts.announceNewClipping({
          clippingId: stored.id,
          sender: deps.sender,
          locale: deps.defaultLocale,
        });
      } catch (error) {
        deps.logger.warn({ err: error, register: stored.registerNumber }, "could not post the watch-list notices");
      }
    }
  });
}
