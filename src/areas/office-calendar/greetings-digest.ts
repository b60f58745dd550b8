// The PR office's part of the managers' morning digest: the name days of important (VIP) contacts
// today, and the thank-you letters other areas have asked for and nobody has written yet.

import { type DataDigestSection, digestSection } from "../digest/digest-section.js";
import type { OfficeCalendarServices } from "./office-calendar-services.js";
import {
  type ContactShown,
  type PendingThankYou,
  renderThankYouSection,
  renderVipNameDaysSection,
} from "./slack/digest-views.js";

export function createVipNameDaysDigestSection(
  services: Pick<OfficeCalendarServices, "contacts" | "nameDays">,
): DataDigestSection<ContactShown[]> {
  return digestSection({
    id: "vip-name-days",
    async collect({ date }) {
      const vips = (await services.contacts.celebratingOn(services.nameDays.keysOn(date))).filter((c) => c.vip);
      return vips.length === 0 ? null : vips;
    },
    render: (vips, { locale }) => renderVipNameDaysSection(locale, vips),
  });
}

export function createThankYouDigestSection(
  services: Pick<OfficeCalendarServices, "greetings">,
): DataDigestSection<PendingThankYou[]> {
  return digestSection({
    id: "thank-you-letters",
    async collect() {
      const pending = await services.greetings.pendingThankYous();
      return pending.length === 0 ? null : pending;
    },
    render: (pending, { locale }) => renderThankYouSection(locale, pending),
  });
}
