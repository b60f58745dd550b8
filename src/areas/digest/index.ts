// The digest area: the managers' morning briefing, made of the sections other areas offer.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { morningDigest } from "./jobs/morning-digest.js";

export function createDigestArea(_deps: HandlerDeps): Area {
  return {
    name: "digest",
    register: () => {},
    jobs: [morningDigest],
  };
}
