import type { App, MessageShortcut } from "@slack/bolt";
import { answerSafely, type HandlerDeps, replyPrivately, userView } from "../../../slack/listener.js";
import { prefillFromMessage } from "../prefill.js";
import { openClipModal } from "./open-clip-modal.js";

export const LOG_CLIPPING_SHORTCUT = "log_clipping";

export function registerLogClippingShortcut(app: App, deps: HandlerDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: LOG_CLIPPING_SHORTCUT, type: "message_action" },
    async ({ ack, shortcut, client }) => {
      await ack();
      const userId = shortcut.user.id;
      const channel = shortcut.channel.id;
      const reply = replyPrivately(deps, client, userId, channel);
      await answerSafely(deps, { userId, reply, what: LOG_CLIPPING_SHORTCUT }, async () => {
        const user = await userView(deps, userId);
        await openClipModal(deps, client, {
          user,
          reply,
          triggerId: shortcut.trigger_id,
          values: prefillFromMessage(shortcut.message),
          metadata: { channel, source: { channel, ts: shortcut.message_ts } },
        });
      });
    },
  );
}
