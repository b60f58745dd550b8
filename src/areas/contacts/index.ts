// The contacts area: what it registers with Slack and the scheduler.
import type { Area } from "../area.js";
import { register } from "./slack/listeners.js";
export const contactsArea: Area = {
  name: "contacts",
  register,
  jobs: [],
};
