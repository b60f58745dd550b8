// The events area: what it registers with Slack and the scheduler.
import type { Area } from "../area.js";
import { eventReminders } from "./jobs/event-reminders.js";
import { register } from "./slack/listeners.js";
export const eventsArea: Area = {
  name: "events",
  register,
  jobs: [eventReminders],
};
