// The managers' morning briefing: at 08:00 on working days, each manager and reader gets a DM (in their
// language) and the managers' channel, if an admin chose one, gets the same in the office's.
import { TZDate } from "@date-fns/tz";
import { type LocaleCode, messages } from "../../../i18n/index.js";
import { formatDayMonthYear, localDate } from "../../../lib/clock.js";
import { wallTime } from "../../../scheduling/cron.js";
import type { Job, JobDeps, Occurrence } from "../../../scheduling/job.js";
import { buildSection, type DigestSection, type DigestSectionContent } from "../digest-section.js";
import { buildDigestMessages } from "../slack/digest-views.js";

export interface MorningDigestDeps {
  /** Every area's sections, in the digest's order (filled in by the composition root). */
  sections: readonly DigestSection[];
  managers: { holdersOf(role: "manager" | "reader"): Promise<string[]> };
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
}

// The description `/grafeio jobs` shows is the admin area's text for this job's name.
export const createMorningDigest = (area: MorningDigestDeps): Job => ({
  name: "morning-digest",
  schedule: "0 8 * * 1-5",
  description: (locale, time) => messages(locale).digest.jobDescriptions["morning-digest"](time),
  catchUp: "latest",
  async run(occurrence, deps) {
    const { timeZone } = deps;
    const day = await deps.calendar.dayInfo(localDate(occurrence.scheduledFor, timeZone));
    const { date } = day;
    if (!day.working) return `skipped: ${day.holiday ?? "weekend"}`;

    // New since the previous working day's briefing, at the same local time.
    const local = new TZDate(occurrence.scheduledFor, timeZone);
    const previous = await deps.calendar.previousWorkingDay(date);
    const since = wallTime(previous, local.getHours(), local.getMinutes(), timeZone);
    const recipients: { channel: string; locale: LocaleCode }[] = [];
    // The managers, then the readers (the mayor's office, the secretary-general); a person holding
    // both roles gets it once.
    const people = new Set([
      ...(await area.managers.holdersOf("manager")),
      ...(await area.managers.holdersOf("reader")),
    ]);
    for (const person of people) {
      recipients.push({ channel: person, locale: await area.locales.resolve(person) });
    }
    if (deps.channelId) recipients.push({ channel: deps.channelId, locale: deps.defaultLocale });
    if (recipients.length === 0) return "no recipients: no managers and no channel";

    const cache = new Map<LocaleCode, DigestSectionContent[]>();
    let posted = 0;
    for (const r of recipients) {
      let sections = cache.get(r.locale);
      if (!sections) {
        const window = { date, since, until: occurrence.scheduledFor, timeZone, locale: r.locale };
        sections = (await Promise.all(area.sections.map((s) => buildSection(s, window)))).filter(
          (c): c is DigestSectionContent => c !== null,
        );
        cache.set(r.locale, sections);
      }
      posted += await postDigest(deps, occurrence, r, sections, date);
    }
    return `sent to ${recipients.length} (${posted} messages posted now)`;
  },
});

async function postDigest(
  deps: JobDeps,
  occurrence: Occurrence,
  recipient: { channel: string; locale: LocaleCode },
  sections: DigestSectionContent[],
  date: string,
): Promise<number> {
  const { main, thread } = buildDigestMessages({
    t: messages(recipient.locale),
    dateLabel: formatDayMonthYear(date),
    sections,
    late: occurrence.late,
  });
  const key = `${occurrence.key}:${recipient.channel}`;
  const first = await deps.sender.post({ key, channel: recipient.channel, ...main });
  let posted = first.posted ? 1 : 0;
  for (const [i, part] of thread.entries()) {
    const sent = await deps.sender.post({
      key: `${key}:part${i + 1}`,
      channel: first.channel,
      threadTs: first.ts,
      ...part,
    });
    if (sent.posted) posted++;
  }
  return posted;
}
