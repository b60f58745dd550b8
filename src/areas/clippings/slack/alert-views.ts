// What the alerts say: a new clipping's notices to departments and watch lists, and the surge
// warnings. Data in, text out (one office language for channels, each person's for DMs).
import { type LocaleCode, type Messages, messages } from "../../../i18n/index.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { Sender } from "../../../slack/sender.js";
import type { DayStats, NewClippingNotices } from "../clipping-alerts.js";
import type { SurgeKind } from "../rules.js";

type Post = Parameters<Sender["post"]>[0];

/** Each notice of a new clipping as a post: once per clipping and channel (the key), whatever the retries. */
export function newClippingPosts(notices: NewClippingNotices, locale: LocaleCode): Post[] {
  const t = messages(locale);
  const c = notices.clipping;
  const title = truncate(c.title, 200);
  const linked = c.url ? mrkdwnLink(c.url, title) : escapeMrkdwn(title);
  const line = `\`${c.registerNumber}\` ${linked} (${escapeMrkdwn(truncate(c.outlet, 60))}, ${t.clip.tones[c.tone]})`;
  return [
    ...notices.departments.map((d) => ({
      key: `clipping:${c.id}:department:${d.id}`,
      channel: d.channelId,
      text: t.alerts.departmentNotice(escapeMrkdwn(locale === "en" ? d.nameEn : d.nameEl), line),
    })),
    ...notices.watchHits.map((w) => ({
      key: `clipping:${c.id}:watch:${w.id}`,
      channel: w.channelId,
      text: t.alerts.watchHit(escapeMrkdwn(w.term), line),
    })),
  ];
}

export function surgeText(t: Messages, kind: SurgeKind, stats: DayStats): string {
  return kind === "total"
    ? t.alerts.surgeTotal(stats.total, stats.usual.toFixed(1))
    : t.alerts.surgeNegative(stats.negative);
}
