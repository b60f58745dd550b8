import type { App } from "@slack/bolt";
import type { HandlerDeps } from "../../../slack/listener.js";
import { registerChangeClipping } from "./change-clipping.js";
import { registerClipCommand } from "./clip-command.js";
import { registerClipModalSubmission } from "./clip-modal-submission.js";
import { registerLogClippingShortcut } from "./log-clipping-shortcut.js";
import { registerReplyClipping } from "./reply-clipping.js";
import { registerSearchPages } from "./search-clippings.js";
import { registerTopicOptions } from "./topic-options.js";

export function register(app: App, deps: HandlerDeps): void {
  registerClipCommand(app, deps);
  registerLogClippingShortcut(app, deps);
  registerClipModalSubmission(app, deps);
  registerTopicOptions(app, deps);
  registerSearchPages(app, deps);
  registerChangeClipping(app, deps);
  registerReplyClipping(app, deps);
}
