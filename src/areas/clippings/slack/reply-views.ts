// The reply forms (assign the municipality's reply; close it with the reply): data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import type { Messages } from "../../../i18n/index.js";
import { channelSchema, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";

export const REPLY_REQUEST_CALLBACK = "clip_reply_modal";
export const REPLY_CLOSE_CALLBACK = "clip_reply_close_modal";
export const ASSIGNEE = "assignee";
export const DUE = "due";
export const TEXT = "reply";

/** What both reply forms carry: the clipping, its number (for the confirmation), the channel to confirm in. */
export const replyMetadata = jsonCodec(
  channelSchema.extend({ clippingId: idField, registerNumber: z.string().regex(/^\d{4}\/\d{1,8}$/) }),
);
type ReplyMeta = NonNullable<ReturnType<typeof replyMetadata.decode>>;

export interface ClippingRef {
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
