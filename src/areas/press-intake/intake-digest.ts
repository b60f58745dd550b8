// The intake's part of the managers' digest: proposed, logged and dismissed since the last digest.
import { type DigestSection, digestSection } from "../digest/digest-section.js";
import { intakeTexts } from "./messages.js";
import type { PressIntakeService } from "./service.js";

export function createIntakeDigestSection(intake: Pick<PressIntakeService, "countsBetween">): DigestSection {
  return digestSection({
    id: "press-intake",
    async collect({ since, until }) {
      const counts = await intake.countsBetween(since, until);
      return counts.proposed + counts.logged + counts.dismissed > 0 ? counts : null;
    },
    render: (c, { locale }) => {
      const t = intakeTexts(locale);
      return { title: t.digestTitle, summary: t.digestLine(c.proposed, c.logged, c.dismissed), items: [] };
    },
  });
}
