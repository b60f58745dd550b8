// The correspondence area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { correspondenceReminders } from "./jobs/correspondence-reminders.js";
import { createLettersDigestSection } from "./letters-digest.js";
import { register } from "./slack/listeners.js";
export function createCorrespondenceArea(deps: HandlerDeps): Area {
  return {
    name: "correspondence",
    register: (app) => register(app, deps),
    digestSections: [createLettersDigestSection(deps.services.letters)],
    jobs: [correspondenceReminders],
  };
}
