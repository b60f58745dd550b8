// The contacts area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { register } from "./slack/listeners.js";
export function createContactsArea(deps: HandlerDeps): Area {
  return {
    name: "contacts",
    register: (app) => register(app, deps),
    jobs: [],
  };
}
