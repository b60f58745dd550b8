// The admin area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { register } from "./slack/listeners.js";
export function createAdminArea(deps: HandlerDeps): Area {
  return {
    name: "admin",
    register: (app) => register(app, deps),
    jobs: [],
  };
}
