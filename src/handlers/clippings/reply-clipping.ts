// "Needs a reply": assign the municipality's reply to someone with a due date, then close it with
// the reply. Reached from the search results' menu; staff may do both.
import type { App } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { type HandlerDeps, replyPrivately, type UserView, userView } from "../../bot/handler-deps.js";
import type { Messages } from "../../i18n/index.js";
import { formatDayMonthYear, isRealIsoDate } from "../../lib/clock.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../lib/mrkdwn.js";

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

const plain = (text: string) => ({ type: "plain_text" as const, text: truncate(text, 24) });

export function buildReplyRequestModal(
  t: Messages,
  c: { id: number; registerNumber: string; title: string },
  me: string,
  today: string,
  channel?: string,
): ModalView {
  return {
    type: "modal",
    callback_id: REPLY_REQUEST_CALLBACK,
    title: plain(t.replies.requestTitle),
    submit: plain(t.replies.requestSubmit),
    close: plain(t.clip.close),
    private_metadata: JSON.stringify({
      clippingId: c.id,
      registerNumber: c.registerNumber,
      channel,
    } satisfies ReplyMeta),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: t.replies.requestIntro(c.registerNumber, escapeMrkdwn(truncate(c.title, 200))) },
      },
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
  };
}

export function buildReplyCloseModal(
  t: Messages,
  c: { id: number; registerNumber: string; title: string },
  channel?: string,
): ModalView {
  return {
    type: "modal",
    callback_id: REPLY_CLOSE_CALLBACK,
    title: plain(t.replies.closeTitle),
    submit: plain(t.replies.closeSubmit),
    close: plain(t.clip.close),
    private_metadata: JSON.stringify({
      clippingId: c.id,
      registerNumber: c.registerNumber,
      channel,
    } satisfies ReplyMeta),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${c.registerNumber}* ${escapeMrkdwn(truncate(c.title, 200))}` },
      },
      {
        type: "input",
        block_id: TEXT,
        label: { type: "plain_text", text: t.replies.replyText },
        element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 3000 },
      },
    ],
  };
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
  clipping: { id: number; registerNumber: string; title: string },
  triggerId: string,
  channel?: string,
) {
  const view =
    verb === "reply"
      ? buildReplyRequestModal(user.t, clipping, user.userId, deps.services.clippingReplies.today(), channel)
      : buildReplyCloseModal(user.t, clipping, channel);
  await client.views.open({ trigger_id: triggerId, view });
}

export function registerReplyClipping(app: App, deps: HandlerDeps): void {
  app.view(REPLY_REQUEST_CALLBACK, async ({ ack, view, body, client }) => {
    const user = await userView(deps, body.user.id);
    const { t } = user;
    const meta = readMeta(view.private_metadata);
    const values = view.state.values as StateValues;
    const assignee = values[ASSIGNEE]?.value?.selected_user ?? "";
    const due = values[DUE]?.value?.selected_date ?? "";
    const errors: Record<string, string> = {};
    if (!assignee) errors[ASSIGNEE] = t.clip.errors.required;
    if (!isRealIsoDate(due)) errors[DUE] = t.clip.errors.dateInvalid;
    else if (due < deps.services.clippingReplies.today()) errors[DUE] = t.replies.dueInPast;
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
      dueOn: due,
      by: user.userId,
    });
    await ack();
    if (outcome !== "requested") return;
    const when = formatDayMonthYear(due);
    await replyPrivately(
      deps,
      client,
      user.userId,
      meta.channel,
    )(t.replies.requested(meta.registerNumber, `<@${assignee}>`, when)).catch(() => {});
    if (assignee !== user.userId) {
      const clipping = await deps.services.clippings.findForEdit(meta.clippingId);
      const other = await userView(deps, assignee);
      const title = clipping?.values.url
        ? mrkdwnLink(clipping.values.url, truncate(clipping.title, 150))
        : escapeMrkdwn(truncate(clipping?.title ?? "", 150));
      await client.chat
        .postMessage({
          channel: assignee,
          text: other.t.replies.assignedToYou(meta.registerNumber, title, when, user.userId),
        })
        .catch((e: unknown) => deps.logger.warn({ err: e }, "could not tell the assignee"));
    }
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
    await replyPrivately(deps, client, user.userId, meta.channel)(said).catch(() => {});
  });
}
