// The intake's policy as pure rules: when a failing feed is tried again and when the admins are
// told, quiet hours, what a burst is, and the excerpt shown with a proposal.

/** Failures in a row after which the admins are told (once, until the feed works again). */
export const REPORT_AFTER_FAILURES = 3;

/** The next try after `failures` failures in a row: 15 min, 30, 1 h, 2 h… at most a day. */
export function backoffMs(failures: number): number {
  const minutes = 15 * 2 ** Math.max(0, failures - 1);
  return Math.min(minutes, 24 * 60) * 60_000;
}

export function shouldReportFailure(feed: { failures: number; failureReported: boolean }): boolean {
  return !feed.failureReported && feed.failures >= REPORT_AFTER_FAILURES;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The intake job's name (the scheduler's key for its runs and its setting). */
export const PRESS_INTAKE_JOB = "press-intake";

/** How often the feeds may be read: minutes that divide the hour, so that runs fall on the same minutes. */
export const INTAKE_EVERY_MINUTES = [5, 10, 15, 20, 30, 60] as const;
export const DEFAULT_INTAKE_EVERY = 15;

/** The intake's schedule every `minutes`, clear of 03:00-04:00 (daylight saving); undefined if not allowed. */
export function intakeSchedule(minutes: number): string | undefined {
  if (!INTAKE_EVERY_MINUTES.some((m) => m === minutes)) return undefined;
  return `${minutes === 60 ? "0" : `*/${minutes}`} 0-2,4-23 * * *`;
}

export const isTimeOfDay = (s: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

/** Whether a local time («23:15») is inside the quiet hours (from 22:00 to 07:00, over midnight). */
export function inQuietHours(localTime: string, from: string, to: string): boolean {
  const t = minutesOf(localTime);
  const a = minutesOf(from);
  const b = minutesOf(to);
  if (a === b) return false;
  return a < b ? t >= a && t < b : t >= a || t < b;
}

/**
 * How the items waiting are posted: each on its own, or as one message with the items in its
 * thread: the morning list (what was held through the quiet hours) or a burst (more than
 * `burstPerHour` in the hour, counting those posted in the last hour).
 */
export function postingPlan(options: {
  waiting: number;
  heldOvernight: boolean;
  postedLastHour: number;
  burstPerHour: number;
}): "each" | "morning" | "burst" {
  if (options.waiting === 0) return "each";
  if (options.heldOvernight) return "morning";
  return options.postedLastHour + options.waiting > options.burstPerHour ? "burst" : "each";
}

/**
 * A short excerpt of the item's text around its first matched term, at most `max` characters,
 * with the positions of the matched words (folded comparison) for the view to bold.
 */
export function excerptOf(text: string, max = 280): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
