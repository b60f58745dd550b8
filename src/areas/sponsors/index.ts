// The sponsors area: what it registers with Slack and the scheduler.
import type { Area } from "../area.js";
import { sponsorThanks } from "./jobs/sponsor-thanks.js";
import { register } from "./slack/listeners.js";
export const sponsorsArea: Area = {
  name: "sponsors",
  register,
  jobs: [sponsorThanks],
};
