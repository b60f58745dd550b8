// The translations area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { translationReminders, translationWeekly } from "./jobs/translation-reminders.js";
import { register } from "./slack/listeners.js";
export function createTranslationsArea(deps: HandlerDeps): Area {
  return {
    name: "translations",
    register: (app) => register(app, deps),
    jobs: [translationReminders, translationWeekly],
  };
}
