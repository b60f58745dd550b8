// The correspondence area: what it registers with Slack and the scheduler.
import type { Area } from "../area.js";
import { correspondenceReminders } from "./jobs/correspondence-reminders.js";
import { register } from "./slack/listeners.js";
export const correspondenceArea: Area = {
  name: "correspondence",
  register,
  jobs: [correspondenceReminders],
};
