import type { App } from "@slack/bolt";
import { answerSafely, ensureRole, type HandlerDeps, replyWithRespond, userView } from "../../bot/handler-deps.js";
import { escapeMrkdwn, truncate } from "../../lib/mrkdwn.js";
import { parseClipCommand } from "./parse-clip-command.js";
import { buildClipModal } from "./view-clip-modal.js";

export function registerClipCommand(app: App, deps: HandlerDeps): void {
  app.command("/clip", async ({ ack, command, client, respond }) => {
    await ack();
    const reply = replyWithRespond(respond);
    await answerSafely(deps, { userId: command.user_id, reply, what: "/clip" }, async () => {
      const user = await userView(deps, command.user_id);
      const parsed = parseClipCommand(command.text);
      if (parsed.kind === "unknown") {
        await reply(user.t.clip.badCommand(escapeMrkdwn(truncate(parsed.text, 200))));
        return;
      }
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const topics = await deps.services.clippings.listActiveTopics();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: buildClipModal({
          t: user.t,
          locale: user.locale,
          topics,
          today: deps.services.clippings.today(),
          values: { url: parsed.url, medium: parsed.url ? "online" : undefined },
          metadata: { channel: command.channel_id },
        }),
      });
    });
  });
}
