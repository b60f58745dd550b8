// The sponsors' part of the managers' digest: pledges awaiting approval, benefits due this week (or
// late), and sponsors of past events still waiting for their thank-you letter.
import { messages } from "../../i18n/index.js";
import { shiftDate } from "../../lib/clock.js";
import { decimalToCents, formatEuros } from "../../lib/money.js";
import { escapeMrkdwn, truncate } from "../../slack/mrkdwn.js";
import type { DigestSection } from "../digest/digest-section.js";
import type { SponsorshipService } from "./sponsorship-service.js";

const name = (s: { id: number; organisation: string; eventName: string }) =>
  `#${s.id} *${escapeMrkdwn(truncate(s.organisation, 80))}* · ${escapeMrkdwn(truncate(s.eventName, 80))}`;

export function createSponsorsDigestSections(sponsorships: SponsorshipService): DigestSection[] {
  return [
    {
      id: "sponsors-approval",
      async build({ locale }) {
        const waiting = await sponsorships.awaitingApproval();
        if (waiting.length === 0) return null;
        const t = messages(locale).sponsors;
        return {
          title: t.digestApproval,
          summary: t.digestApprovalSummary(waiting.length),
          items: waiting.map(
            (s) =>
              `• ${name(s)}${s.pledgedAmount !== null ? ` · ${formatEuros(decimalToCents(s.pledgedAmount), locale)}` : ""}`,
          ),
        };
      },
    },
    {
      id: "sponsors-benefits",
      async build({ date, locale }) {
        const due = await sponsorships.benefitsDue(shiftDate(date, 7));
        if (due.length === 0) return null;
        const t = messages(locale).sponsors;
        return {
          title: t.digestBenefits,
          summary: t.digestBenefitsSummary(due.length),
          items: due.map(
            (b) =>
              `• ${name(b.sponsorship)}: ${escapeMrkdwn(truncate(b.description, 120))}${b.owner ? ` · <@${b.owner}>` : ""}${b.dueOn ? ` · ${b.dueOn.toISOString().slice(0, 10)}` : ""}`,
          ),
        };
      },
    },
    {
      id: "sponsors-thanks",
      async build({ date, locale }) {
        const owed = await sponsorships.thanksOwed(date);
        if (owed.length === 0) return null;
        const t = messages(locale).sponsors;
        return {
          title: t.digestThanks,
          summary: t.digestThanksSummary(owed.length),
          items: owed.map((s) => `• ${name(s)}`),
        };
      },
    },
  ];
}
