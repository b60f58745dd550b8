// The partners' sections of the managers' digest: data from the services, rendered by the views.
import { type DigestSection, digestSection } from "../digest/digest-section.js";
import type { AgreementsService } from "./agreement-service.js";
import type { PartnersService } from "./service.js";
import { dormantSection, dueSection, expiringSection, lateSection } from "./slack/digest-views.js";

const orNull = <T>(list: T[]) => (list.length > 0 ? list : null);

export function createPartnersDigestSections(
  agreements: Pick<AgreementsService, "dueAndLate" | "expiringSoon">,
  partners: Pick<PartnersService, "dormant">,
): DigestSection[] {
  return [
    digestSection({
      id: "agreements-obligations-due",
      collect: async ({ date }) => orNull((await agreements.dueAndLate(date)).due),
      render: (due, { locale }) => dueSection(due, locale),
    }),
    digestSection({
      id: "agreements-obligations-late",
      collect: async ({ date }) => {
        const late = (await agreements.dueAndLate(date)).late;
        return late.length > 0 ? { late, date } : null;
      },
      render: ({ late, date }, { locale }) => lateSection(late, locale, date),
    }),
    digestSection({
      id: "agreements-expiring",
      collect: async ({ date }) => orNull(await agreements.expiringSoon(date)),
      render: (list, { locale }) => expiringSection(list, locale),
    }),
    digestSection({
      id: "partners-dormant",
      collect: async ({ date }) => orNull(await partners.dormant(date)),
      render: (list, { locale }) => dormantSection(list, locale),
    }),
  ];
}
