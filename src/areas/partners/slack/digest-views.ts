// The partners' part of the managers' digest, rendered: obligations due this week, late ones,
// agreements ending within 90 days with the renewal's next step, and dormant partners. Each item is
// one line; the digest keeps to Slack's limits by threading long lists.

import type { LocaleCode } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent } from "../../digest/digest-section.js";
import { renewalNextStep } from "../agreement-flow.js";
import type { AgreementRecord, DueItem } from "../agreement-service.js";
import { partnerTexts } from "../messages.js";
import { daysLate } from "../obligation-rules.js";
import type { Partner } from "../service.js";

const esc = (s: string, max: number) => escapeMrkdwn(truncate(s, max));
const iso = (d: Date) => d.toISOString().slice(0, 10);

function dueLine(i: DueItem, extra = ""): string {
  const a = i.obligation.agreement;
  const parties = a.parties.map((p) => esc(p.partner.nameEl, 40)).join(", ");
  return `• ${formatDayMonthYear(i.due)} · #${a.id} ${parties}: ${esc(i.obligation.description, 120)} · <@${i.obligation.owner}>${extra}`;
}

export function dueSection(due: DueItem[], locale: LocaleCode): DigestSectionContent {
  const t = partnerTexts(locale).digest;
  return { title: t.dueTitle, summary: t.dueSummary(due.length), items: due.map((i) => dueLine(i)) };
}

export function lateSection(late: DueItem[], locale: LocaleCode, today: string): DigestSectionContent {
  const t = partnerTexts(locale).digest;
  return {
    title: t.lateTitle,
    summary: t.lateSummary(late.length),
    items: late.map((i) => dueLine(i, ` · ${t.daysLate(daysLate(i.due, today))}`)),
  };
}

export function expiringSection(agreements: AgreementRecord[], locale: LocaleCode): DigestSectionContent {
  const t = partnerTexts(locale);
  return {
    title: t.digest.expiringTitle,
    summary: t.digest.expiringSummary(agreements.length),
    items: agreements.map((a) => {
      const date = a.expiresOn ? formatDayMonthYear(iso(a.expiresOn)) : "—";
      return `• #${a.id} *${esc(a.title, 100)}* · ${t.agreements.nextStep[renewalNextStep(a)](date)}`;
    }),
  };
}

export function dormantSection(
  dormant: { partner: Partner; lastActivity: string | null }[],
  locale: LocaleCode,
): DigestSectionContent {
  const t = partnerTexts(locale);
  return {
    title: t.digest.dormantTitle,
    summary: t.digest.dormantSummary(dormant.length),
    items: dormant.map(
      (d) =>
        `• #${d.partner.id} *${esc(d.partner.nameEl, 100)}* · ${t.kinds[d.partner.kind]} · ${d.lastActivity ? formatDayMonthYear(d.lastActivity) : t.digest.never}`,
    ),
  };
}
