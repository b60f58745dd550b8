// The translations area: what it registers with Slack and the scheduler.
import type { Area } from "../area.js";
import { translationReminders, translationWeekly } from "./jobs/translation-reminders.js";
import { register } from "./slack/listeners.js";
export const translationsArea: Area = {
  name: "translations",
  register,
  jobs: [translationReminders, translationWeekly],
};
