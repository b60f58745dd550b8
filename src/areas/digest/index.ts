// The digest area: the managers' morning briefing, made of the sections the other areas offer.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import type { DigestSection } from "./digest-section.js";
import { createMorningDigest } from "./jobs/morning-digest.js";

export function createDigestArea(deps: HandlerDeps, sections: readonly DigestSection[]): Area {
  return {
    name: "digest",
    register: () => {},
    jobs: [
      createMorningDigest({
        sections,
        calendar: deps.services.calendar,
        roles: deps.services.roles,
        locales: deps.locales,
      }),
    ],
  };
}
