// The withdrawal form: data in, Block Kit out.
import type { ModalView } from "@slack/types";
import type { Messages } from "../../../i18n/index.js";
import { channelSchema, idField, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";

export const WITHDRAW_CALLBACK = "clip_withdraw_modal";
export const REASON_BLOCK = "reason";

/** What the withdrawal form carries: the clipping, and the channel to confirm in. */
export const withdrawMetadata = jsonCodec(channelSchema.extend({ clippingId: idField }));

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
    private_metadata: withdrawMetadata.encode({ clippingId: clipping.id, channel }),
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
