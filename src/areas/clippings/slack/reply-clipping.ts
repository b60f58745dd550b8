// "Needs a reply": assign the municipality's reply to someone with a due date, then close it with
// the reply. Reached from the search results' menu; staff may do both.
import type { App } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { type HandlerDeps, replyPrivately, type UserView, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { checkReplyRequest, type ReplyRequestError } from "../clipping-replies.js";

export const REPLY_REQUEST_CALLBACK = "clip_reply_modal";
export const REPLY_CLOSE_CALLBACK = "clip_reply_close_modal";
const ASSIGNEE = "assignee";
const DUE = "due";
const TEXT = "reply";

interface ReplyMeta {
  clippingId: number;
  registerNumber: string;
  channel?: string;
}

interface ClippingRef {
  id: number;
  registerNumber: string;
  title: string;
}

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 24) });

/** What both reply modals share: the clipping it is about, carried in the metadata, and an intro. */
function replyModal(options: {
  t: Messages;
  callbackId: string;
  title: string;
  submit: string;
  clipping: ClippingRef;
  intro: string;
  inputs: KnownBlock[];
  channel?: string;
}): ModalView {
  const { t, clipping } = options;
  const meta: ReplyMeta = {
    clippingId: clipping.id,
    registerNumber: clipping.registerNumber,
    channel: options.channel,
  };
  return {
    type: "modal",
    callback_id: options.callbackId,
    title: plain(options.title),
    submit: plain(options.submit),
    close: plain(t.clip.close),
    private_metadata: JSON.stringify(meta),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: options.intro } }, ...options.inputs],
  };
}

export function buildReplyRequestModal(
  t: Messages,
  c: ClippingRef,
  me: string,
  today: string,
  channel?: string,
): ModalView {
  return replyModal({
    t,
    callbackId: REPLY_REQUEST_CALLBACK,
    title: t.replies.requestTitle,
    submit: t.replies.requestSubmit,
    clipping: c,
    channel,
    intro: t.replies.requestIntro(c.registerNumber, escapeMrkdwn(truncate(c.title, 200))),
    inputs: [
      {
        type: "input",
        block_id: ASSIGNEE,
        label: { type: "plain_text", text: t.replies.assignee },
        element: { type: "users_select", action_id: "value", initial_user: me },
      },
      {
        type: "input",
        block_id: DUE,
        label: { type: "plain_text", text: t.replies.due },
        element: { type: "datepicker", action_id: "value", initial_date: today },
      },
    ],
  });
}

export function buildReplyCloseModal(t: Messages, c: ClippingRef, channel?: string): ModalView {
  return replyModal({
    t,
    callbackId: REPLY_CLOSE_CALLBACK,
    title: t.replies.closeTitle,
    submit: t.replies.closeSubmit,
    clipping: c,
    channel,
    intro: `*${c.registerNumber}* ${escapeMrkdwn(truncate(c.title, 200))}`,
    inputs: [
      {
        type: "input",
        block_id: TEXT,
        label: { type: "plain_text", text: t.replies.replyText },
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000 },
      },
    ],
  });
}

function readMeta(raw: string | undefined): ReplyMeta | undefined {
  try {
    const m = JSON.parse(raw ?? "") as Partial<ReplyMeta>;
    return typeof m.clippingId === "number" && typeof m.registerNumber === "string" ? (m as ReplyMeta) : undefined;
  } catch {
    return undefined;
  }
}

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_user?: string | null; selected_date?: string | null }>
>;

/** Opens the right modal for a result-menu choice ("reply:ID" or "close:ID"). */
export async function openReplyModal(
  deps: HandlerDeps,
  client: WebClient,
  user: UserView,
  verb: "reply" | "close",
  clipping: ClippingRef,
  triggerId: string,
  channel?: string,
) {
  const view =
    verb === "reply"
      ? buildReplyRequestModal(user.t, clipping, user.userId, deps.services.clippingReplies.today(), channel)
      : buildReplyCloseModal(user.t, clipping, channel);
  await client.views.open({ trigger_id: triggerId, view });
}

function requestErrorText(t: Messages, error: ReplyRequestError): string {
  return error === "assigneeRequired"
    ? t.clip.errors.required
    : error === "dateInvalid"
      ? t.clip.errors.dateInvalid
      : t.replies.dueInPast;
}

export function registerReplyClipping(app: App, deps: HandlerDeps): void {
  app.view(REPLY_REQUEST_CALLBACK, async ({ ack, view, body, client }) => {
    const user = await userView(deps, body.user.id);
    const { t } = user;
    const meta = readMeta(view.private_metadata);
    const values = view.state.values as StateValues;
    const assignee = values[ASSIGNEE]?.value?.selected_user ?? "";
    const dueOn = values[DUE]?.value?.selected_date ?? "";
    const problems = checkReplyRequest({ assignee, dueOn, today: deps.services.clippingReplies.today() });
    const errors: Record<string, string> = {};
    if (problems.assignee) errors[ASSIGNEE] = requestErrorText(t, problems.assignee);
    if (problems.dueOn) errors[DUE] = requestErrorText(t, problems.dueOn);
    if (!meta) errors[DUE] = t.clip.notFound;
    if (Object.keys(errors).length || !meta) return void (await ack({ response_action: "errors", errors }));
    if (!(await deps.services.roles.hasRole(user.userId, "staff"))) {
      return void (await ack({
        response_action: "errors",
        errors: { [DUE]: t.common.noPermission(t.common.roleNames.staff) },
      }));
    }
    const outcome = await deps.services.clippingReplies.requestReply({
      id: meta.clippingId,
      assignee,
      dueOn,
      by: user.userId,
    });
    await ack();
    // A repeated submission changed nothing, so it says nothing again.
    if (outcome !== "requested") return;
    const when = formatDayMonthYear(dueOn);
    await replyPrivately(
      deps,
      client,
      user.userId,
      meta.channel,
    )(t.replies.requested(meta.registerNumber, `<@${assignee}>`, when)).catch((e: unknown) =>
      deps.logger.warn({ err: e }, "could not confirm the reply request"),
    );
    if (assignee === user.userId) return;
    const clipping = await deps.services.clippings.findForEdit(meta.clippingId);
    const other = await userView(deps, assignee);
    const title = clipping?.values.url
      ? mrkdwnLink(clipping.values.url, truncate(clipping.title, 150))
      : escapeMrkdwn(truncate(clipping?.title ?? "", 150));
    await deps.sender
      .post({
        // Once per assignment, whatever Slack retries.
        key: `reply-assigned:${meta.clippingId}:${assignee}:${dueOn}`,
        channel: assignee,
        text: other.t.replies.assignedToYou(meta.registerNumber, title, when, user.userId),
      })
      .catch((e: unknown) => deps.logger.warn({ err: e }, "could not tell the assignee"));
  });

  app.view(REPLY_CLOSE_CALLBACK, async ({ ack, view, body, client }) => {
    const user = await userView(deps, body.user.id);
    const { t } = user;
    const meta = readMeta(view.private_metadata);
    const text = ((view.state.values as StateValues)[TEXT]?.value?.value ?? "").trim();
    if (!meta) return void (await ack({ response_action: "errors", errors: { [TEXT]: t.clip.notFound } }));
    if (!text) return void (await ack({ response_action: "errors", errors: { [TEXT]: t.clip.errors.required } }));
    if (!(await deps.services.roles.hasRole(user.userId, "staff"))) {
      return void (await ack({
        response_action: "errors",
        errors: { [TEXT]: t.common.noPermission(t.common.roleNames.staff) },
      }));
    }
    const outcome = await deps.services.clippingReplies.closeReply({ id: meta.clippingId, text, by: user.userId });
    await ack();
    const said = outcome === "closed" ? t.replies.closed(meta.registerNumber) : t.replies.notOpen(meta.registerNumber);
    await replyPrivately(
      deps,
      client,
      user.userId,
      meta.channel,
    )(said).catch((e: unknown) => deps.logger.warn({ err: e }, "could not confirm the closed reply"));
  });
}
