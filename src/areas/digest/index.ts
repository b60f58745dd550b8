// The digest area: the managers' morning briefing, made of the sections the other areas offer. It
// registers nothing with Slack; its one job posts the briefing.
import type { LocaleCode } from "../../i18n/index.js";
import type { Area } from "../area.js";
import type { DigestSection } from "./digest-section.js";
import { createMorningDigest } from "./jobs/morning-digest.js";

export interface DigestAreaDeps {
  /** Every area's sections, in the digest's order (filled in by the composition root). */
  sections: readonly DigestSection[];
  /** Who gets the briefing: the managers and the readers (the mayor's office, the secretary-general). */
  managers: { holdersOf(role: "manager" | "reader"): Promise<string[]> };
  /** In which language each manager reads it. */
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}

export function createDigestArea(deps: DigestAreaDeps): Area {
  return {
    name: "digest",
    register: () => {},
    jobs: [createMorningDigest(deps)],
  };
}
