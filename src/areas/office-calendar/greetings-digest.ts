// The PR office's part of the managers' morning digest: the name days of important (VIP) contacts
// today, and the thank-you letters other areas have asked for and nobody has written yet.

import type { NameDayCalendar } from "../../calendar/namedays/nameday-calendar.js";
import { messages } from "../../i18n/index.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import type { ContactService } from "../contacts/contact-service.js";
import type { DigestSection } from "../digest/digest-section.js";
import type { GreetingService } from "./greeting-service.js";

const who = (c: { nameEl: string; title: string | null; organisation: string | null }) =>
  escapeMrkdwn(truncate([c.nameEl, c.title, c.organisation].filter(Boolean).join(", "), 200));

export function createVipNameDaysDigestSection(deps: {
  contacts: ContactService;
  nameDays: NameDayCalendar;
}): DigestSection {
  return {
    id: "vip-name-days",
    async build({ date, locale }) {
      const vips = (await deps.contacts.celebrating(deps.nameDays.keysOn(date))).filter((c) => c.vip);
      if (vips.length === 0) return null;
      const t = messages(locale).nameDays;
      return { title: t.digestTitle, summary: t.digestSummary(vips.length), items: vips.map((c) => `• ${who(c)}`) };
    },
  };
}

export function createThankYouDigestSection(greetings: GreetingService): DigestSection {
  return {
    id: "thank-you-letters",
    async build({ locale }) {
      const pending = await greetings.pendingThankYous();
      if (pending.length === 0) return null;
      const t = messages(locale).nameDays;
      return {
        title: t.thanksTitle,
        summary: t.thanksSummary(pending.length),
        items: pending.map((g) => `• ${who(g.contact)}${g.reason ? `: ${escapeMrkdwn(truncate(g.reason, 200))}` : ""}`),
      };
    },
  };
}
