// The sponsors' part of the managers' digest: the data from the service, rendered by the views.
import { shiftDate } from "../../lib/clock.js";
import { type DigestSection, digestSection } from "../digest/digest-section.js";
import type { SponsorsService } from "./service.js";
import { approvalSection, benefitsSection, thanksSection } from "./slack/sponsor-digest-views.js";

const orNull = <T>(list: T[]) => (list.length > 0 ? list : null);

export function createSponsorsDigestSections(
  sponsorships: Pick<SponsorsService, "awaitingApproval" | "benefitsDue" | "thanksOwed">,
): DigestSection[] {
  return [
    digestSection({
      id: "sponsors-approval",
      collect: async () => orNull(await sponsorships.awaitingApproval()),
      render: (waiting, { locale }) => approvalSection(waiting, locale),
    }),
    digestSection({
      id: "sponsors-benefits",
      // Due this week, or late.
      collect: async ({ date }) => orNull(await sponsorships.benefitsDue(shiftDate(date, 7))),
      render: (due, { locale }) => benefitsSection(due, locale),
    }),
    digestSection({
      id: "sponsors-thanks",
      collect: async ({ date }) => orNull(await sponsorships.thanksOwed(date)),
      render: (owed, { locale }) => thanksSection(owed, locale),
    }),
  ];
}
