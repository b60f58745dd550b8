// What `/grafeio` answers, as mrkdwn: pure functions of the service's data, in the reader's language.

import { weekdayAndDate } from "../../../calendar/namedays/describe.js";
import type { DayInfo, LabourDay } from "../../../calendar/working-days.js";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonthYear, formatLocalTime, localDate } from "../../../lib/clock.js";
import type { JobOverview } from "../../../scheduling/overview.js";
import { escapeMrkdwn } from "../../../slack/mrkdwn.js";
import type { CommandInfo } from "../../area.js";
import type { Role } from "../../users/roles.js";
import { timesOfDay } from "../rules.js";
import type { Category, Department, Named, PrecedenceRank, Reminder, SearchSynonym } from "../service.js";

/** Who may use a sub-command: a role, or anyone who can type `/grafeio`. */
export type Audience = Role | "anyone";

export interface HelpEntry {
  audience: Audience;
  line: (t: Messages) => string;
}

/** The help: every sub-command with who may use it, then every command of Grafeio. */
export function helpText(t: Messages, entries: readonly HelpEntry[], commands: readonly CommandInfo[]): string {
  const mark = (audience: Audience) => (audience === "anyone" ? "" : ` (${t.admin.roleMarks[audience]})`);
  const lines = [t.admin.helpTitle, ...entries.map((e) => `${e.line(t)}${mark(e.audience)}`)];
  if (commands.length > 0)
    lines.push("", t.admin.commandsTitle, ...commands.map((c) => `• \`${c.name}\`: ${c.summary(t)}${mark(c.role)}`));
  return lines.join("\n");
}

const named = (locale: LocaleCode, n: Named) => escapeMrkdwn(locale === "en" ? n.nameEn : n.nameEl);
const mention = (userId: string) => `<@${userId}>`;
const channel = (channelId: string | null) => (channelId ? `<#${channelId}>` : null);

export function roleHoldersText(
  t: Messages,
  holders: readonly { slackUserId: string; roles: readonly Role[] }[],
): string {
  const lines = holders.map(
    (h) => `• ${mention(h.slackUserId)}: ${h.roles.map((r) => t.common.roleNames[r]).join(", ")}`,
  );
  return [t.admin.rolesList, ...(lines.length ? lines : [t.admin.noRoles])].join("\n");
}

export function topicsText(t: Messages, locale: LocaleCode, topics: readonly Named[]): string {
  return [t.admin.topicsList, ...topics.map((tp) => `• ${named(locale, tp)}`)].join("\n");
}

export function departmentsText(t: Messages, locale: LocaleCode, departments: readonly Department[]): string {
  const lines = departments.map(
    (d) => `• \`${d.slug}\` ${named(locale, d)}${d.channelId ? ` → ${channel(d.channelId)}` : ""}`,
  );
  return [t.alerts.departmentList, ...lines].join("\n");
}

export function watchTermsText(t: Messages, terms: readonly { term: string; channelId: string }[]): string {
  const lines = terms.map((w) => `• «${escapeMrkdwn(w.term)}» → <#${w.channelId}>`);
  return [t.alerts.watchList, ...(lines.length ? lines : [t.alerts.watchNone])].join("\n");
}

export function categoriesText(t: Messages, locale: LocaleCode, categories: readonly Category[]): string {
  return [t.admin.categoriesList, ...categories.map((c) => `• \`${c.slug}\` ${named(locale, c)}`)].join("\n");
}

export function remindersText(t: Messages, reminders: readonly { reminder: Reminder; date?: string }[]): string {
  const lines = reminders.map(({ reminder: r, date }) =>
    t.admin.reminderLine(
      r.id,
      t.admin.reminderKinds[r.holiday ? "holiday" : r.kind],
      escapeMrkdwn(r.name),
      date ? weekdayAndDate(t, date) : r.dateKey,
      r.leadDays,
    ),
  );
  return [t.admin.remindersList, ...lines].join("\n");
}

export function synonymsText(t: Messages, synonyms: readonly SearchSynonym[]): string {
  return [
    t.admin.synonymsList,
    ...(synonyms.length
      ? synonyms.map((r) => t.admin.synonymLine(r.id, escapeMrkdwn(r.term), escapeMrkdwn(r.synonym)))
      : [t.admin.synonymsNone]),
  ].join("\n");
}

export function precedenceText(t: Messages, table: readonly PrecedenceRank[]): string {
  return [
    t.admin.precedenceList,
    ...table.map((r) => t.admin.precedenceLine(r.id, r.rank, escapeMrkdwn(r.office))),
  ].join("\n");
}

export function dayText(t: Messages, day: DayInfo): string {
  const holiday = day.holiday ? escapeMrkdwn(day.holiday) : undefined;
  const expected = day.expected === true;
  return [
    t.admin.dayInfo(formatDayMonthYear(day.date), day.working, holiday, day.overridden),
    day.movedFrom ? t.admin.dayMovedFrom(weekdayAndDate(t, day.movedFrom), expected) : "",
    day.movedTo ? t.admin.dayMovedTo(weekdayAndDate(t, day.movedTo), expected) : "",
    day.closesAt ? t.admin.halfDay(day.closesAt) : "",
  ].join("");
}

/** Where Labour Day is kept in a year, and on whose word. */
export function labourDayText(t: Messages, year: number, labour: LabourDay): string {
  const mayDay = `${year}-05-01`;
  return t.admin.labourDay({
    year,
    date: weekdayAndDate(t, labour.date),
    ...(labour.date !== mayDay ? { from: weekdayAndDate(t, mayDay) } : {}),
    status: labour.status,
  });
}

/** When a schedule runs in the day, in words: «08:00», «κάθε ώρα, 09:30-20:30». */
export function timesOfDayText(t: Messages, schedule: string): string {
  const times = timesOfDay(schedule);
  if (times.kind === "at") return times.time;
  if (times.kind === "hourly") return t.admin.hourly(times.from, times.to);
  if (times.kind === "every") return t.admin.everyMinutes(times.minutes);
  return `\`${times.schedule}\``;
}

/** The job's description in the reader's language, with the time in force. */
export function jobDescription(
  t: Messages,
  locale: LocaleCode,
  job: Pick<JobOverview, "description" | "schedule">,
): string {
  return job.description(locale, timesOfDayText(t, job.schedule));
}

export function jobsText(t: Messages, locale: LocaleCode, jobs: readonly JobOverview[], timeZone: string): string {
  const when = (d?: Date | null) =>
    d ? `${formatDayMonthYear(localDate(d, timeZone))} ${formatLocalTime(d, timeZone)}` : "—";
  const lines = jobs.map((j) =>
    t.admin.jobLine({
      name: j.name,
      description: jobDescription(t, locale, j),
      enabled: j.enabled,
      channel: channel(j.channelId) ?? "—",
      last: j.last ? `${when(j.last.scheduledFor)} ${j.last.status}` : "—",
      next: when(j.next),
      failures: j.failures30d,
    }),
  );
  return [t.admin.jobsList, ...lines].join("\n");
}

export const departmentChannelText = (
  t: Messages,
  locale: LocaleCode,
  department: Department,
  channelId: string | null,
) => t.alerts.departmentChannel(named(locale, department), channel(channelId));

export const jobChannelText = (t: Messages, name: string, channelId: string | null) =>
  t.admin.jobChannel(name, channel(channelId));
