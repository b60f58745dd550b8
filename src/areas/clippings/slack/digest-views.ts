// The clippings' two sections of the morning digest, and the line of an owed reply (also in the
// reminders): data in, mrkdwn out.
import { type LocaleCode, messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { DigestSectionContent, DigestWindow } from "../../digest/digest-section.js";
import type { ClippingRecord, OpenReply } from "../store.js";
import { TONE_MARK, toneLegend } from "./tone-marks.js";

/** What was registered since the last digest, by tone and topic. */
export function renderClippingsSection(
  rows: ClippingRecord[],
  { locale }: Pick<DigestWindow, "locale">,
): DigestSectionContent {
  const t = messages(locale).digest;
  const tones = { positive: 0, neutral: 0, negative: 0 };
  const topics = new Map<string, number>();
  for (const row of rows) {
    tones[row.tone]++;
    for (const topic of row.topics) {
      const name = locale === "en" ? topic.nameEn : topic.nameEl;
      topics.set(name, (topics.get(name) ?? 0) + 1);
    }
  }
  const topTopics = [...topics]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 8)
    .map(([name, n]) => `${escapeMrkdwn(name)} ${n}`);
  const summary = [
    t.clippingsSummary(rows.length, tones.positive, tones.neutral, tones.negative),
    ...(topTopics.length ? [`${t.topics}: ${topTopics.join(", ")}`] : []),
    `_${toneLegend(messages(locale))}_`,
  ].join("\n");
  const items = rows.map((row) => {
    const title = truncate(row.title, 150);
    const linked = row.url ? mrkdwnLink(row.url, title) : escapeMrkdwn(title);
    return `${TONE_MARK[row.tone]} \`${row.registerNumber}\` ${linked} (${escapeMrkdwn(truncate(row.outlet, 60))})`;
  });
  return { title: t.clippingsTitle, summary, items };
}

/** One line per open reply, for the digest and the reminders. */
export function replyLine(r: OpenReply, today: string, locale: LocaleCode): string {
  const t = messages(locale).replies;
  const title = truncate(r.title, 120);
  const linked = r.url ? mrkdwnLink(r.url, title) : escapeMrkdwn(title);
  const who = r.assignee ? `<@${r.assignee}>` : t.unassigned;
  const due = r.dueOn
    ? r.dueOn < today
      ? `:warning: ${t.overdueSince(formatDayMonthYear(r.dueOn))}`
      : t.dueOn(formatDayMonthYear(r.dueOn))
    : "";
  return `\`${r.registerNumber}\` ${linked} · ${who} · ${due}`;
}

/** Replies the municipality still owes, overdue first. */
export function renderRepliesSection(
  data: { open: OpenReply[]; overdue: number },
  { date, locale }: Pick<DigestWindow, "date" | "locale">,
): DigestSectionContent {
  const t = messages(locale).replies;
  return {
    title: t.digestTitle,
    summary: t.digestSummary(data.open.length, data.overdue),
    items: data.open.map((r) => replyLine(r, date, locale)),
  };
}
