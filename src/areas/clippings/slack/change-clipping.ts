// Correcting and withdrawing a clipping from the search results' menu. The service decides who may
// (the author or a manager); every change is recorded; a withdrawn clipping keeps its register number.
import type { App, OverflowAction } from "@slack/bolt";
import type { Messages } from "../../../i18n/index.js";
import { formState } from "../../../slack/form-state.js";
import { type FormAnswer, onAction, onForm, replyPrivately } from "../../../slack/listener.js";
import type { OpenForChangeResult } from "../clipping-service.js";
import { slackFieldErrors, validateClipForm } from "./clip-modal-submission.js";
import { BLOCK, buildClipModal, CLIP_EDIT_CALLBACK, clipEditMetadata } from "./clip-modal-views.js";
import type { ClippingsContext } from "./context.js";
import { openReplyModal } from "./reply-clipping.js";
import { RESULT_MENU_ACTION, type ResultMenuVerb, resultMenuChoice } from "./search-results-views.js";
import { buildWithdrawModal, REASON_BLOCK, WITHDRAW_CALLBACK, withdrawMetadata } from "./withdraw-views.js";

/** The sentence for a clipping that cannot be changed, or undefined when it can. */
function refusalText(t: Messages, opened: OpenForChangeResult): string | undefined {
  if (opened.status === "not_found") return t.clip.notFound;
  if (opened.status === "refused") return t.clip.notYours;
  return undefined;
}

export function registerChangeClipping(app: App, context: ClippingsContext): void {
  const { kit, clippings } = context;

  onAction<OverflowAction, { verb: ResultMenuVerb; id: number }>(app, kit, {
    id: RESULT_MENU_ACTION,
    role: "staff",
    value: resultMenuChoice,
    handle: async ({ user, body, value, client, reply }) => {
      const channel = body.channel?.id;
      if (value.verb === "reply" || value.verb === "close") {
        const clipping = await clippings.findForEdit(value.id);
        if (!clipping) return reply(user.t.clip.notFound);
        await openReplyModal(context, client, user, value.verb, clipping, body.trigger_id, channel);
        return;
      }
      const opened = await clippings.openForChange(value.id, user.userId);
      const refused = refusalText(user.t, opened);
      if (refused || opened.status !== "found") return reply(refused ?? user.t.clip.notFound);
      const { clipping } = opened;
      if (value.verb === "withdraw") {
        if (clipping.withdrawn) return reply(user.t.clip.alreadyWithdrawn(clipping.registerNumber));
        await client.views.open({ trigger_id: body.trigger_id, view: buildWithdrawModal(user.t, clipping, channel) });
        return;
      }
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildClipModal({
          t: user.t,
          departments: await clippings.listActiveDepartments(),
          locale: user.locale,
          topics: await clippings.listActiveTopics(),
          today: clippings.today(),
          values: clipping.values,
          metadata: { channel, clippingId: clipping.id, version: clipping.version },
        }),
      });
    },
  });

  onForm(app, kit, {
    callbackId: CLIP_EDIT_CALLBACK,
    role: "staff",
    metadata: clipEditMetadata,
    errorBlock: BLOCK.title,
    handle: async ({ user, view, metadata, client }): Promise<FormAnswer> => {
      const { t } = user;
      // Refused before the fields are checked: someone who may not change it need not correct them.
      const refused = refusalText(t, await clippings.openForChange(metadata.clippingId, user.userId));
      if (refused) return { errors: { [BLOCK.title]: refused } };
      const { result } = await validateClipForm(context, view.state);
      if (!result.ok) return { errors: slackFieldErrors(t, result.errors) };
      const outcome = await clippings.updateClipping({
        id: metadata.clippingId,
        draft: result.draft,
        by: user.userId,
        version: metadata.version,
      });
      if (outcome.status === "stale") return { errors: { [BLOCK.title]: t.clip.changedMeanwhile } };
      if (outcome.status === "not_found" || outcome.status === "refused") {
        return { errors: { [BLOCK.title]: outcome.status === "refused" ? t.clip.notYours : t.clip.notFound } };
      }
      const text =
        outcome.status === "updated" ? t.clip.edited(outcome.registerNumber) : t.clip.unchanged(outcome.registerNumber);
      return { after: () => replyPrivately(kit, client, user.userId, metadata.channel)(text) };
    },
  });

  onForm(app, kit, {
    callbackId: WITHDRAW_CALLBACK,
    role: "staff",
    metadata: withdrawMetadata,
    errorBlock: REASON_BLOCK,
    handle: async ({ user, view, metadata, client }): Promise<FormAnswer> => {
      const { t } = user;
      const refused = refusalText(t, await clippings.openForChange(metadata.clippingId, user.userId));
      if (refused) return { errors: { [REASON_BLOCK]: refused } };
      const reason = (formState(view.state).text(REASON_BLOCK) ?? "").trim();
      if (!reason) return { errors: { [REASON_BLOCK]: t.clip.errors.required } };
      const outcome = await clippings.withdrawClipping({ id: metadata.clippingId, by: user.userId, reason });
      if (outcome.status === "not_found" || outcome.status === "refused") {
        return { errors: { [REASON_BLOCK]: outcome.status === "refused" ? t.clip.notYours : t.clip.notFound } };
      }
      // A repeated submission (a double click) withdrew nothing, so it says nothing again.
      if (outcome.status !== "withdrawn") return {};
      const text = t.clip.withdrawn(outcome.registerNumber);
      return { after: () => replyPrivately(kit, client, user.userId, metadata.channel)(text) };
    },
  });
}
