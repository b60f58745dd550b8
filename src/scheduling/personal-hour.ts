// Personal reminders at the office's hour in the person's own time zone (Slack's profile `tz`),
// never at night there; channel posts keep the office's time zone. The rule is pure; the reminders
// area keeps a reminder that is not due yet (src/areas/reminders) and the reminder-snoozes job
// delivers it at its instant. Jobs post a personal DM with postPersonal() instead of sender.post.
import { TZDate } from "@date-fns/tz";
import { localDate, shiftDate } from "../lib/clock.js";
import type { OutgoingMessage } from "../slack/sender.js";
import { wallTime } from "./cron.js";
import type { JobDeps, Occurrence } from "./job.js";

/** A person's working day, in their own zone: nothing personal is delivered outside it. */
export const PERSONAL_DAY_STARTS = 8;
export const PERSONAL_DAY_ENDS = 21;

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * When a personal reminder that the office sends at `officeInstant` (its job's hour, e.g. 09:00
 * Athens) reaches a person in `personZone`:
 * - the same wall clock as the office's (the office's zone, or one at the same offset that day): at once;
 * - else at the office's hour on the person's own clock that day (09:00 Brussels = 10:00 Athens),
 *   kept within their working day (08:00-21:00: an hour before 08:00 is 08:00, one from 21:00 is 20:00);
 * - if that hour has already passed there (Shanghai: 09:00 there is 03:00 Athens): at once while it
 *   is still their working day (15:00 in Shanghai), else the next morning at that hour there.
 * Days are the person's calendar days; weekends and holidays there are not looked at.
 */
export function personalDeliveryTime(officeInstant: Date, officeZone: string, personZone: string): Date {
  if (personZone === officeZone || !isValidZone(personZone)) return officeInstant;
  const office = new TZDate(officeInstant, officeZone);
  const person = new TZDate(officeInstant, personZone);
  if (office.getHours() === person.getHours() && office.getMinutes() === person.getMinutes()) return officeInstant;
  let hour = office.getHours();
  let minute = office.getMinutes();
  if (hour < PERSONAL_DAY_STARTS) [hour, minute] = [PERSONAL_DAY_STARTS, 0];
  if (hour >= PERSONAL_DAY_ENDS) [hour, minute] = [PERSONAL_DAY_ENDS - 1, 0];
  const theirDay = localDate(officeInstant, personZone);
  const candidate = wallTime(theirDay, hour, minute, personZone);
  if (candidate.getTime() > officeInstant.getTime()) return candidate;
  const theirHour = person.getHours();
  if (theirHour >= PERSONAL_DAY_STARTS && theirHour < PERSONAL_DAY_ENDS) return officeInstant;
  return wallTime(shiftDate(theirDay, 1), hour, minute, personZone);
}

/** A personal reminder: a DM to `channel` (the person's user id), once under `key`. */
export type PersonalMessage = Pick<OutgoingMessage, "key" | "channel" | "text" | "blocks">;

/** Posts personal reminders at the person's hour (the reminders area implements it). */
export interface PersonalReminders {
  /**
   * Posts `message` through the run's sender now, or keeps it for the instant the rule gives
   * (once per key: a re-run or a second process keeps or posts nothing more).
   */
  post(
    run: { sender: Pick<JobDeps["sender"], "post">; scheduledFor: Date },
    message: PersonalMessage,
  ): Promise<{ posted: boolean; until?: Date }>;
}

/** What a job calls for a person's reminder DM; without the reminders area, it is posted now. */
export async function postPersonal(
  deps: Pick<JobDeps, "sender" | "personal">,
  occurrence: Pick<Occurrence, "scheduledFor">,
  message: PersonalMessage,
): Promise<{ posted: boolean; until?: Date }> {
  if (!deps.personal) return { posted: (await deps.sender.post(message)).posted };
  return deps.personal.post({ sender: deps.sender, scheduledFor: occurrence.scheduledFor }, message);
}
