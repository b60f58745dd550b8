import type { App } from "@slack/bolt";
import { registerChangeClipping } from "./change-clipping.js";
import { registerClipCommand } from "./clip-command.js";
import { registerClipModalSubmission } from "./clip-modal-submission.js";
import type { ClippingsContext } from "./context.js";
import { registerLogClippingShortcut } from "./log-clipping-shortcut.js";
import { registerReplyClipping } from "./reply-clipping.js";
import { registerSearchPages } from "./search-clippings.js";
import { registerTopicOptions } from "./topic-options.js";

export function register(app: App, context: ClippingsContext): void {
  registerClipCommand(app, context);
  registerLogClippingShortcut(app, context);
  registerClipModalSubmission(app, context);
  registerTopicOptions(app, context);
  registerSearchPages(app, context);
  registerChangeClipping(app, context);
  registerReplyClipping(app, context);
}
