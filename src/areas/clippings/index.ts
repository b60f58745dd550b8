// The clippings area: what it registers with Slack and the scheduler.
import type { Area } from "../area.js";
import { clippingReplyReminders } from "./jobs/reply-reminders.js";
import { clippingSurgeCheck } from "./jobs/surge-check.js";
import { register } from "./slack/listeners.js";
export const clippingsArea: Area = {
  name: "clippings",
  register,
  jobs: [clippingReplyReminders, clippingSurgeCheck],
};
