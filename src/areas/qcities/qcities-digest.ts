// The managers' digest: each member's dues unpaid past their due date, the oldest first.
import { digestSection } from "../digest/digest-section.js";
import type { QCitiesService } from "./service.js";
import { overdueDigestContent } from "./slack/views.js";

export function createQCitiesDigestSection(service: Pick<QCitiesService, "overdueDues">) {
  return digestSection({
    id: "qcities-dues-overdue",
    async collect({ date }) {
      const rows = await service.overdueDues(date);
      return rows.length > 0 ? rows : null;
    },
    render: (rows, { date, locale }) => overdueDigestContent(locale, rows, date),
  });
}
