// Correcting and withdrawing a clipping from the search results' menu. Only the author or a
// manager may; every change is recorded; a withdrawn clipping keeps its register number.
import type { App, BlockAction, OverflowAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { Messages } from "../../../i18n/index.js";
import { answerSafely, type HandlerDeps, replyPrivately, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { validateClipping } from "../validation.js";
import { slackFieldErrors } from "./clip-modal-submission.js";
import { BLOCK, buildClipModal, CLIP_EDIT_CALLBACK, decodeMetadata, readClipModalState } from "./clip-modal-views.js";
import { openReplyModal } from "./reply-clipping.js";
import { RESULT_MENU_ACTION } from "./search-results-views.js";

export const WITHDRAW_CALLBACK = "clip_withdraw_modal";
const REASON_BLOCK = "reason";

export function buildWithdrawModal(
  t: Messages,
  clipping: { id: number; registerNumber: string; title: string },
  channel?: string,
): ModalView {
  return {
    type: "modal",
    callback_id: WITHDRAW_CALLBACK,
    title: { type: "plain_text", text: truncate(t.clip.withdrawTitle, 24) },
    submit: { type: "plain_text", text: truncate(t.clip.withdrawSubmit, 24) },
    close: { type: "plain_text", text: truncate(t.clip.close, 24) },
    private_metadata: JSON.stringify({ clippingId: clipping.id, channel }),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: t.clip.withdrawIntro(clipping.registerNumber, escapeMrkdwn(truncate(clipping.title, 200))),
        },
      },
      {
        type: "input",
        block_id: REASON_BLOCK,
        label: { type: "plain_text", text: t.clip.withdrawReason },
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 500 },
      },
    ],
  };
}

export function registerChangeClipping(app: App, deps: HandlerDeps): void {
  app.action<BlockAction<OverflowAction>>(RESULT_MENU_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const channel = body.channel?.id;
    const reply = replyPrivately(deps, client, userId, channel);
    await answerSafely(deps, { userId, reply, what: RESULT_MENU_ACTION }, async () => {
      const user = await userView(deps, userId);
      const [verb, idText] = (action.selected_option.value ?? "").split(":");
      const clipping = await deps.services.clippings.findForEdit(Number(idText));
      if (!clipping) return reply(user.t.clip.notFound);
      if (verb === "reply" || verb === "close") {
        if (!(await deps.services.roles.hasRole(user.userId, "staff")))
          return reply(user.t.common.noPermission(user.t.common.roleNames.staff));
        await openReplyModal(deps, client, user, verb, clipping, body.trigger_id, channel);
        return;
      }
      if (!(await deps.services.mayChangeClipping(user.userId, clipping.createdBy))) return reply(user.t.clip.notYours);
      if (verb === "withdraw") {
        if (clipping.withdrawn) return reply(user.t.clip.alreadyWithdrawn(clipping.registerNumber));
        await client.views.open({ trigger_id: body.trigger_id, view: buildWithdrawModal(user.t, clipping, channel) });
        return;
      }
      const topics = await deps.services.clippings.listActiveTopics();
      const departments = await deps.services.clippings.listActiveDepartments();
      await client.views.open({
        trigger_id: body.trigger_id,
        view: buildClipModal({
          t: user.t,
          departments,
          locale: user.locale,
          topics,
          today: deps.services.clippings.today(),
          values: clipping.values,
          metadata: { channel, clippingId: clipping.id },
        }),
      });
    });
  });

  app.view(CLIP_EDIT_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const meta = decodeMetadata(view.private_metadata);
    const user = await userView(deps, userId);
    const { t } = user;
    const clipping = meta.clippingId === undefined ? null : await deps.services.clippings.findForEdit(meta.clippingId);
    if (!clipping) return void (await ack({ response_action: "errors", errors: { [BLOCK.title]: t.clip.notFound } }));
    if (!(await deps.services.mayChangeClipping(user.userId, clipping.createdBy))) {
      return void (await ack({ response_action: "errors", errors: { [BLOCK.title]: t.clip.notYours } }));
    }
    const topics = await deps.services.clippings.listActiveTopics();
    const departments = await deps.services.clippings.listActiveDepartments();
    const result = validateClipping(readClipModalState(view.state), {
      today: deps.services.clippings.today(),
      knownTopicIds: new Set(topics.map((tp) => tp.id)),
      knownDepartmentIds: new Set(departments.map((d) => d.id)),
    });
    if (!result.ok) return void (await ack({ response_action: "errors", errors: slackFieldErrors(t, result.errors) }));
    let outcome: Awaited<ReturnType<typeof deps.services.clippings.updateClipping>>;
    try {
      outcome = await deps.services.clippings.updateClipping({ id: clipping.id, draft: result.draft, by: userId });
    } catch (error) {
      deps.logger.error({ err: error, user: userId }, "clipping edit failed");
      return void (await ack({ response_action: "errors", errors: { [BLOCK.title]: t.common.unexpectedError } }));
    }
    await ack();
    const text =
      outcome === "updated" ? t.clip.edited(clipping.registerNumber) : t.clip.unchanged(clipping.registerNumber);
    await replyPrivately(
      deps,
      client,
      userId,
      meta.channel,
    )(text).catch((e: unknown) => deps.logger.warn({ err: e }, "could not confirm the edit"));
  });

  app.view(WITHDRAW_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    const user = await userView(deps, userId);
    const { t } = user;
    let meta: { clippingId?: number; channel?: string } = {};
    try {
      meta = JSON.parse(view.private_metadata || "{}") as typeof meta;
    } catch {
      // fall through: not found
    }
    const clipping =
      typeof meta.clippingId === "number" ? await deps.services.clippings.findForEdit(meta.clippingId) : null;
    const values = view.state.values as Record<string, Record<string, { value?: string | null }>>;
    const reason = (values[REASON_BLOCK]?.value?.value ?? "").trim();
    if (!clipping) return void (await ack({ response_action: "errors", errors: { [REASON_BLOCK]: t.clip.notFound } }));
    if (!(await deps.services.mayChangeClipping(user.userId, clipping.createdBy)))
      return void (await ack({ response_action: "errors", errors: { [REASON_BLOCK]: t.clip.notYours } }));
    if (!reason)
      return void (await ack({ response_action: "errors", errors: { [REASON_BLOCK]: t.clip.errors.required } }));
    const outcome = await deps.services.clippings.withdrawClipping({ id: clipping.id, by: userId, reason });
    await ack();
    // A repeated submission (a double click) withdrew nothing, so it says nothing again.
    if (outcome !== "withdrawn") return;
    const text = t.clip.withdrawn(clipping.registerNumber);
    await replyPrivately(
      deps,
      client,
      userId,
      meta.channel,
    )(text).catch((e: unknown) => deps.logger.warn({ err: e }, "could not confirm the withdrawal"));
  });
}
