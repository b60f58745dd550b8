import type { App, MessageShortcut } from "@slack/bolt";
import { onShortcut } from "../../../slack/listener.js";
import { prefillFromMessage } from "../prefill.js";
import type { ClippingsContext } from "./context.js";
import { openClipModal } from "./open-clip-modal.js";

export const LOG_CLIPPING_SHORTCUT = "log_clipping";

/** "Log as a clipping" from a message's menu: the form, prefilled from the message. */
export function registerLogClippingShortcut(app: App, context: ClippingsContext): void {
  onShortcut<MessageShortcut>(app, context.kit, {
    callbackId: LOG_CLIPPING_SHORTCUT,
    role: "staff",
    handle: async ({ user, shortcut, client }) => {
      const channel = shortcut.channel.id;
      await openClipModal(context, client, {
        user,
        triggerId: shortcut.trigger_id,
        values: prefillFromMessage(shortcut.message),
        metadata: { channel, source: { channel, ts: shortcut.message_ts } },
      });
    },
  });
}
