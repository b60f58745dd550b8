// The digest area: the managers' morning briefing, made of the sections other areas offer.
import type { Area } from "../area.js";
import { morningDigest } from "./jobs/morning-digest.js";

export const digestArea: Area = {
  name: "digest",
  register: () => {},
  jobs: [morningDigest],
};
