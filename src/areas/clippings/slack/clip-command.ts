import type { App } from "@slack/bolt";
import { answerSafely, type HandlerDeps, replyWithRespond, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { parseClipCommand } from "../parse-clip-command.js";
import { exportFromCommand } from "./export-clippings.js";
import { openClipModal } from "./open-clip-modal.js";
import { searchFromCommand } from "./search-clippings.js";

export function registerClipCommand(app: App, deps: HandlerDeps): void {
  app.command("/clip", async ({ ack, command, client, respond }) => {
    await ack();
    const reply = replyWithRespond(respond);
    await answerSafely(deps, { userId: command.user_id, reply, what: "/clip" }, async () => {
      const user = await userView(deps, command.user_id);
      const parsed = parseClipCommand(command.text);
      if (parsed.kind === "search") {
        await searchFromCommand(deps, user, parsed.text, reply, async (message) => {
          await respond({ response_type: "ephemeral", ...message } as never);
        });
        return;
      }
      if (parsed.kind === "export") {
        await exportFromCommand(deps, client, user, parsed.text, reply);
        return;
      }
      if (parsed.kind === "unknown") {
        await reply(user.t.clip.badCommand(escapeMrkdwn(truncate(parsed.text, 200))));
        return;
      }
      await openClipModal(deps, client, {
        user,
        reply,
        triggerId: command.trigger_id,
        values: { url: parsed.url, medium: parsed.url ? "online" : undefined },
        metadata: { channel: command.channel_id },
      });
    });
  });
}
