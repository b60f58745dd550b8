import type { App, MessageShortcut } from "@slack/bolt";
import { onShortcut } from "../../../slack/listener.js";
import { prefillOfMessage } from "../prefill.js";
import type { ClippingsContext } from "./context.js";
import { fillClipModalFromLink, openClipModal } from "./open-clip-modal.js";

export const LOG_CLIPPING_SHORTCUT = "log_clipping";

/** "Log as a clipping" from a message's menu: the form, prefilled from the message, then from its link's page. */
export function registerLogClippingShortcut(app: App, context: ClippingsContext): void {
  onShortcut<MessageShortcut>(app, context.kit, {
    callbackId: LOG_CLIPPING_SHORTCUT,
    role: "staff",
    handle: async ({ user, shortcut, client }) => {
      const channel = shortcut.channel.id;
      const { values, guessed } = prefillOfMessage(shortcut.message);
      const metadata = { channel, source: { channel, ts: shortcut.message_ts } };
      const view = await openClipModal(context, client, { user, triggerId: shortcut.trigger_id, values, metadata });
      // What was only guessed from the message (its first line, the host) gives way to the page's own.
      await fillClipModalFromLink(context, client, { user, view, values, metadata, guessed });
    },
  });
}
