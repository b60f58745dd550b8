// The clippings area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createRepliesDigestSection } from "./clipping-replies.js";
import { createClippingsDigestSection } from "./clippings-digest.js";
import { clippingReplyReminders } from "./jobs/reply-reminders.js";
import { clippingSurgeCheck } from "./jobs/surge-check.js";
import { register } from "./slack/listeners.js";
export function createClippingsArea(deps: HandlerDeps): Area {
  return {
    name: "clippings",
    register: (app) => register(app, deps),
    digestSections: [createClippingsDigestSection(deps), createRepliesDigestSection(deps.services.clippingReplies)],
    jobs: [clippingReplyReminders, clippingSurgeCheck],
  };
}
