// Pure rules of the admin area: when in the day a job's schedule runs, as `/grafeio jobs` shows it.

/** A schedule's times of day: one time, every hour between two, every few minutes, or something else (shown as cron). */
export type TimesOfDay =
  | { kind: "at"; time: string }
  | { kind: "hourly"; from: string; to: string }
  /** Every few minutes (a minute field of a step, such as every tenth), whatever the hours. */
  | { kind: "every"; minutes: number }
  | { kind: "cron"; schedule: string };

const NUMBER = /^\d{1,2}$/;
const RANGE = /^(\d{1,2})-(\d{1,2})$/;
const hhmm = (hour: number, minute: number) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;

/** `0 8 * * 1-5` → 08:00; `30 9-20 * * *` → every hour from 09:30 to 20:30. */
export function timesOfDay(schedule: string): TimesOfDay {
  const [minute = "", hour = ""] = schedule.trim().split(/\s+/);
  const every = /^\*\/(\d{1,2})$/.exec(minute);
  if (every) return { kind: "every", minutes: Number(every[1]) };
  if (NUMBER.test(minute)) {
    if (NUMBER.test(hour)) return { kind: "at", time: hhmm(Number(hour), Number(minute)) };
    const range = RANGE.exec(hour);
    if (range)
      return {
        kind: "hourly",
        from: hhmm(Number(range[1]), Number(minute)),
        to: hhmm(Number(range[2]), Number(minute)),
      };
  }
  return { kind: "cron", schedule };
}
