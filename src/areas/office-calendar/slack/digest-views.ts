// The office calendar's sections of the managers' digest, in the reader's language.
import { type LocaleCode, messages } from "../../../i18n/index.js";
import { distinctParts } from "../../../lib/text.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent } from "../../digest/digest-section.js";

export interface ContactShown {
  nameEl: string;
  title: string | null;
  organisation: string | null;
}

export interface PendingThankYou {
  reason: string | null;
  contact: ContactShown;
}

const who = (c: ContactShown) =>
  escapeMrkdwn(truncate(distinctParts([c.nameEl, c.title, c.organisation]).join(", "), 200));

export function renderVipNameDaysSection(locale: LocaleCode, vips: readonly ContactShown[]): DigestSectionContent {
  const t = messages(locale).nameDays;
  return { title: t.digestTitle, summary: t.digestSummary(vips.length), items: vips.map((c) => `• ${who(c)}`) };
}

export function renderThankYouSection(locale: LocaleCode, pending: readonly PendingThankYou[]): DigestSectionContent {
  const t = messages(locale).nameDays;
  return {
    title: t.thanksTitle,
    summary: t.thanksSummary(pending.length),
    items: pending.map((g) => `• ${who(g.contact)}${g.reason ? `: ${escapeMrkdwn(truncate(g.reason, 200))}` : ""}`),
  };
}
