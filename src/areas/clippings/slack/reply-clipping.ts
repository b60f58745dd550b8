// "Needs a reply": assign the municipality's reply to someone with a due date, then close it with
// the reply. Reached from the search results' menu; staff may do both.
import type { App } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { channelSchema, idField, jsonCodec } from "../../../slack/codec.js";
import { type FormAnswer, onForm, replyPrivately, type UserView, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { checkReplyRequest, type ReplyRequestError } from "../rules.js";
import type { ClippingsContext } from "./context.js";

export const REPLY_REQUEST_CALLBACK = "clip_reply_modal";
export const REPLY_CLOSE_CALLBACK = "clip_reply_close_modal";
const ASSIGNEE = "assignee";
const DUE = "due";
const TEXT = "reply";

/** What both reply forms carry: the clipping, its number (for the confirmation), the channel to confirm in. */
export const replyMetadata = jsonCodec(
  channelSchema.extend({ clippingId: idField, registerNumber: z.string().regex(/^\d{4}\/\d{1,8}$/) }),
);
type ReplyMeta = NonNullable<ReturnType<typeof replyMetadata.decode>>;

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
    private_metadata: replyMetadata.encode(meta),
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

type StateValues = Record<
  string,
  Record<string, { value?: string | null; selected_user?: string | null; selected_date?: string | null }>
>;

/** Opens the right modal for a result-menu choice ("reply:ID" or "close:ID"). */
export async function openReplyModal(
  { replies }: Pick<ClippingsContext, "replies">,
  client: WebClient,
  user: UserView,
  verb: "reply" | "close",
  clipping: ClippingRef,
  triggerId: string,
  channel?: string,
) {
  const view =
    verb === "reply"
      ? buildReplyRequestModal(user.t, clipping, user.userId, replies.today(), channel)
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

export function registerReplyClipping(app: App, context: ClippingsContext): void {
  const { kit, replies, clippings, sender } = context;

  onForm(app, kit, {
    callbackId: REPLY_REQUEST_CALLBACK,
    role: "staff",
    metadata: replyMetadata,
    errorBlock: DUE,
    handle: async ({ user, view, metadata, client }): Promise<FormAnswer> => {
      const { t } = user;
      const values = view.state.values as StateValues;
      const assignee = values[ASSIGNEE]?.value?.selected_user ?? "";
      const dueOn = values[DUE]?.value?.selected_date ?? "";
      const problems = checkReplyRequest({ assignee, dueOn, today: replies.today() });
      const errors: Record<string, string> = {};
      if (problems.assignee) errors[ASSIGNEE] = requestErrorText(t, problems.assignee);
      if (problems.dueOn) errors[DUE] = requestErrorText(t, problems.dueOn);
      if (Object.keys(errors).length) return { errors };
      const outcome = await replies.requestReply({ id: metadata.clippingId, assignee, dueOn, by: user.userId });
      // A repeated submission changed nothing, so it says nothing again.
      if (outcome !== "requested") return {};
      const when = formatDayMonthYear(dueOn);
      return {
        after: async () => {
          await replyPrivately(
            kit,
            client,
            user.userId,
            metadata.channel,
          )(t.replies.requested(metadata.registerNumber, `<@${assignee}>`, when)).catch((e: unknown) =>
            kit.logger.warn({ err: e }, "could not confirm the reply request"),
          );
          if (assignee === user.userId) return;
          const clipping = await clippings.findForEdit(metadata.clippingId);
          const other = await userView(kit, assignee);
          const title = clipping?.values.url
            ? mrkdwnLink(clipping.values.url, truncate(clipping.title, 150))
            : escapeMrkdwn(truncate(clipping?.title ?? "", 150));
          await sender
            .post({
              // Once per assignment, whatever Slack retries.
              key: `reply-assigned:${metadata.clippingId}:${assignee}:${dueOn}`,
              channel: assignee,
              text: other.t.replies.assignedToYou(metadata.registerNumber, title, when, user.userId),
            })
            .catch((e: unknown) => kit.logger.warn({ err: e }, "could not tell the assignee"));
        },
      };
    },
  });

  onForm(app, kit, {
    callbackId: REPLY_CLOSE_CALLBACK,
    role: "staff",
    metadata: replyMetadata,
    errorBlock: TEXT,
    handle: async ({ user, view, metadata, client }): Promise<FormAnswer> => {
      const { t } = user;
      const text = ((view.state.values as StateValues)[TEXT]?.value?.value ?? "").trim();
      if (!text) return { errors: { [TEXT]: t.clip.errors.required } };
      const outcome = await replies.closeReply({ id: metadata.clippingId, text, by: user.userId });
      const said =
        outcome === "closed" ? t.replies.closed(metadata.registerNumber) : t.replies.notOpen(metadata.registerNumber);
      return { after: () => replyPrivately(kit, client, user.userId, metadata.channel)(said) };
    },
  });
}
