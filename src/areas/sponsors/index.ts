// The sponsors area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { sponsorThanks } from "./jobs/sponsor-thanks.js";
import { register } from "./slack/listeners.js";
import { createSponsorsDigestSections } from "./sponsors-digest.js";
export function createSponsorsArea(deps: HandlerDeps): Area {
  return {
    name: "sponsors",
    register: (app) => register(app, deps),
    digestSections: [...createSponsorsDigestSections(deps.services.sponsorships)],
    jobs: [sponsorThanks],
  };
}
