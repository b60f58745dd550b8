// The networks' part of the managers' digest, rendered: one escaped line per item.
import type { LocaleCode } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { decimalToCents, formatEuros } from "../../../lib/money.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent } from "../../digest/digest-section.js";
import { networkTexts } from "../messages.js";
import type { MeetingView } from "../service.js";
import { decisionLine, meetingHeadline } from "./views.js";

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function meetingsSection(
  week: { meetings: MeetingView[]; deadlines: MeetingView[] },
  locale: LocaleCode,
): DigestSectionContent {
  const t = networkTexts(locale);
  return {
    title: t.digest.meetingsTitle,
    summary: t.digest.meetingsSummary(week.meetings.length, week.deadlines.length),
    items: [
      ...week.meetings.map((v) => `• ${meetingHeadline(t, v)} · ${decisionLine(t, v)}`),
      ...week.deadlines.map(
        (v) =>
          `• ${meetingHeadline(t, v)} · ${t.digest.deadline(formatDayMonthYear(iso(v.meeting.registrationDeadline ?? v.meeting.startsOn)))}`,
      ),
    ],
  };
}

export function duesSection(
  unpaid: { year: number; amount: { toString(): string }; dueOn: Date; network: { id: number; name: string } }[],
  locale: LocaleCode,
): DigestSectionContent {
  const t = networkTexts(locale);
  return {
    title: t.digest.duesTitle,
    summary: t.digest.duesSummary(unpaid.length),
    items: unpaid.map(
      (d) =>
        `• #${d.network.id} *${escapeMrkdwn(truncate(d.network.name, 100))}* · ${d.year} · ${formatEuros(decimalToCents(d.amount), locale)} · ${t.card.unpaid(formatDayMonthYear(iso(d.dueOn)))}`,
    ),
  };
}

export function reportsSection(owed: MeetingView[], locale: LocaleCode): DigestSectionContent {
  const t = networkTexts(locale);
  return {
    title: t.digest.reportsTitle,
    summary: t.digest.reportsSummary(owed.length),
    items: owed.map(
      (v) =>
        `• ${meetingHeadline(t, v)} · <@${v.meeting.attendees[0] ?? ""}> · ${t.card.reportDue(formatDayMonthYear(v.reportDue ?? ""))}`,
    ),
  };
}
