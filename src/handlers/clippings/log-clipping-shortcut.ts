import type { App, MessageShortcut } from "@slack/bolt";
import { answerSafely, ensureRole, type HandlerDeps, replyPrivately, userView } from "../../bot/handler-deps.js";
import { prefillFromMessage } from "../../domain/clippings/prefill.js";
import { buildClipModal } from "./view-clip-modal.js";

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
        if (!(await ensureRole(deps, user, "staff", reply))) return;
        const topics = await deps.services.clippings.listActiveTopics();
        await client.views.open({
          trigger_id: shortcut.trigger_id,
          view: buildClipModal({
            t: user.t,
            locale: user.locale,
            topics,
            today: deps.services.clippings.today(),
            values: prefillFromMessage(shortcut.message),
            metadata: { channel, source: { channel, ts: shortcut.message_ts } },
          }),
        });
      });
    },
  );
}
