// The networks' sections of the managers' digest: meetings this week and registration deadlines
// within 7 days, dues unpaid past their date, and reports owed. Data from the service, rendered by
// the views (one escaped line per item; the digest threads long lists).
import { type DigestSection, digestSection } from "../digest/digest-section.js";
import type { NetworksService } from "./service.js";
import { duesSection, meetingsSection, reportsSection } from "./slack/digest-views.js";

export function createNetworksDigestSections(
  networks: Pick<NetworksService, "thisWeek" | "unpaidDues" | "reportsOwed">,
): DigestSection[] {
  return [
    digestSection({
      id: "networks-meetings",
      collect: async ({ date }) => {
        const week = await networks.thisWeek(date);
        return week.meetings.length + week.deadlines.length > 0 ? week : null;
      },
      render: (week, { locale }) => meetingsSection(week, locale),
    }),
    digestSection({
      id: "networks-dues-unpaid",
      collect: async ({ date }) => {
        const unpaid = await networks.unpaidDues(date);
        return unpaid.length > 0 ? unpaid : null;
      },
      render: (unpaid, { locale }) => duesSection(unpaid, locale),
    }),
    digestSection({
      id: "networks-reports-owed",
      collect: async ({ date }) => {
        const owed = await networks.reportsOwed(date);
        return owed.length > 0 ? owed : null;
      },
      render: (owed, { locale }) => reportsSection(owed, locale),
    }),
  ];
}
