// The events area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createEventsDigestSection } from "./events-digest.js";
import { eventReminders } from "./jobs/event-reminders.js";
import { register } from "./slack/listeners.js";
export function createEventsArea(deps: HandlerDeps): Area {
  return {
    name: "events",
    register: (app) => register(app, deps),
    digestSections: [createEventsDigestSection(deps.services.events)],
    jobs: [eventReminders],
  };
}
