// The contacts area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { register } from "./slack/listeners.js";

export type { CategoryOption, ContactRecord } from "./contact-service.js";
/** One line about a contact (the greetings' messages show contacts the same way). */
export { contactLine } from "./slack/contact-views.js";

export function createContactsArea(deps: HandlerDeps): Area {
  return {
    name: "contacts",
    register: (app) => register(app, deps),
    jobs: [],
  };
}
