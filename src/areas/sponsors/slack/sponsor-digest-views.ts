// The sponsors' part of the managers' digest, rendered: pledges awaiting approval, benefits due this
// week (or late), and sponsors of past events still waiting for their thank-you letter.
import { type LocaleCode, messages } from "../../../i18n/index.js";
import { decimalToCents, formatEuros } from "../../../lib/money.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent } from "../../digest/digest-section.js";
import type { SponsorBenefitWithSponsorship, Sponsorship } from "../store.js";

const name = (s: { id: number; organisation: string; eventName: string }) =>
  `#${s.id} *${escapeMrkdwn(truncate(s.organisation, 80))}* · ${escapeMrkdwn(truncate(s.eventName, 80))}`;

export function approvalSection(waiting: Sponsorship[], locale: LocaleCode): DigestSectionContent {
  const t = messages(locale).sponsors;
  return {
    title: t.digestApproval,
    summary: t.digestApprovalSummary(waiting.length),
    items: waiting.map(
      (s) =>
        `• ${name(s)}${s.pledgedAmount !== null ? ` · ${formatEuros(decimalToCents(s.pledgedAmount), locale)}` : ""}`,
    ),
  };
}

export function benefitsSection(due: SponsorBenefitWithSponsorship[], locale: LocaleCode): DigestSectionContent {
  const t = messages(locale).sponsors;
  return {
    title: t.digestBenefits,
    summary: t.digestBenefitsSummary(due.length),
    items: due.map(
      (b) =>
        `• ${name(b.sponsorship)}: ${escapeMrkdwn(truncate(b.description, 120))}${b.owner ? ` · <@${b.owner}>` : ""}${b.dueOn ? ` · ${b.dueOn.toISOString().slice(0, 10)}` : ""}`,
    ),
  };
}

export function thanksSection(owed: Sponsorship[], locale: LocaleCode): DigestSectionContent {
  const t = messages(locale).sponsors;
  return {
    title: t.digestThanks,
    summary: t.digestThanksSummary(owed.length),
    items: owed.map((s) => `• ${name(s)}`),
  };
}
