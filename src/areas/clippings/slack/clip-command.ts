import type { App } from "@slack/bolt";
import { onCommand } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { parseClipCommand } from "../parse-clip-command.js";
import type { ClippingsContext } from "./context.js";
import { coverageFromCommand } from "./coverage-report.js";
import { exportFromCommand } from "./export-clippings.js";
import { fillClipModalFromLink, openClipModal } from "./open-clip-modal.js";
import { answerSearch } from "./search-clippings.js";

export const CLIP_COMMAND = "/clip";

/** `/clip [link]` logs a clipping; `/clip search …`, `/clip export …` and `/clip report …`; `/clip help`. */
export function registerClipCommand(app: App, context: ClippingsContext): void {
  onCommand(app, context.kit, {
    name: CLIP_COMMAND,
    role: "staff",
    help: (t) => t.clip.help,
    handle: async ({ user, command, text, client, reply }) => {
      const parsed = parseClipCommand(text);
      if (parsed.kind === "search") {
        return answerSearch(context, user, parsed.text, 1, async (message) => {
          await reply(message.text, message.blocks);
        });
      }
      if (parsed.kind === "export") return exportFromCommand(context, client, user, parsed.text, reply);
      if (parsed.kind === "report") return coverageFromCommand(context.coverage, client, user, parsed.text, reply);
      if (parsed.kind === "unknown") return reply(user.t.clip.badCommand(escapeMrkdwn(truncate(parsed.text, 200))));
      const values = { url: parsed.url, medium: parsed.url ? "online" : undefined };
      const metadata = { channel: command.channel_id };
      // The form at once (the trigger lasts 3 s); then its link's page fills what it can.
      const view = await openClipModal(context, client, { user, triggerId: command.trigger_id, values, metadata });
      await fillClipModalFromLink(context, client, { user, view, values, metadata });
    },
  });
}
