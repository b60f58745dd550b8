// What a scheduled job is: a name, a cron schedule in the office's time zone, and a run function
// given the occurrence it is running for and its dependencies (never the real clock or env).

import type { Logger } from "../app/logger.js";
import type { WorkingCalendar } from "../calendar/working-days.js";
import type { LocaleCode } from "../i18n/index.js";
import { type Clock, localDate } from "../lib/clock.js";
import type { Sender } from "../slack/sender.js";
import type { PersonalReminders } from "./personal-hour.js";

export interface Occurrence {
  /** The scheduled time this run is for (not the time it runs). */
  scheduledFor: Date;
  /** Ran well after its time: the bot was offline. Jobs say so where it matters. */
  late: boolean;
  manual: boolean;
  attempt: number;
  /** A stable name for this occurrence, for idempotency keys: `<job>@<ISO time>`. */
  key: string;
}

export interface JobDeps {
  clock: Clock;
  logger: Logger;
  /** The run's own: its posts stop once another process has taken the occurrence over. */
  sender: Pick<Sender, "post">;
  /** The office's working calendar (weekends, holidays, the admins' corrections). */
  calendar: Pick<WorkingCalendar, "dayInfo" | "previousWorkingDay" | "isWorkingDay" | "nextWorkingDay">;
  timeZone: string;
  defaultLocale: LocaleCode;
  /** The channel an admin chose for this job, if any. */
  channelId: string | null;
  /** The PR office's channel (PR_CHANNEL_ID), for jobs that post there unless given their own. */
  officeChannelId?: string;
  /** Personal reminders at the person's own hour (src/scheduling/personal-hour.ts: postPersonal). */
  personal?: PersonalReminders;
}

export interface Job {
  name: string;
  /** Five-field cron in the office's time zone. Keep clear of 03:00-04:00 (DST changes). */
  schedule: string;
  /**
   * What the job does, in the reader's language, for `/grafeio jobs`; `time` is when it runs in
   * words, from the schedule in force («08:00», «κάθε ώρα, 09:30-20:30»).
   */
  description(locale: LocaleCode, time: string): string;
  /** After an outage: run every missed occurrence, or only the latest (a digest of today, not of last week). */
  catchUp: "all" | "latest";
  /** Attempts before an occurrence is marked failed and reported (default 3). */
  maxAttempts?: number;
  /** Returns a short outcome for the log and `npm run job -- list`. */
  run(occurrence: Occurrence, deps: JobDeps): Promise<string | undefined>;
}

/** The office's calendar day of an occurrence, and whether it is a working day (with its holiday). */
export async function officeDayOf(occurrence: Occurrence, deps: JobDeps) {
  return deps.calendar.dayInfo(localDate(occurrence.scheduledFor, deps.timeZone));
}

/** Where a job that posts to the PR office goes: its own channel, else the office's. */
export function officeChannel(deps: JobDeps): string | undefined {
  return deps.channelId ?? deps.officeChannelId;
}

/**
 * The start of a job that posts to the PR office on working mornings: the office day, and the
 * channel; or why it does nothing today (the outcome it returns).
 */
export async function officeMorning(
  occurrence: Occurrence,
  deps: JobDeps,
  jobName: string,
): Promise<{ today: string; channel: string } | { skip: string }> {
  const { date: today, working } = await officeDayOf(occurrence, deps);
  if (!working) return { skip: "skipped: not a working day" };
  const channel = officeChannel(deps);
  if (!channel) return { skip: `skipped: no channel (set PR_CHANNEL_ID or /grafeio job ${jobName} channel)` };
  return { today, channel };
}
