// Which contacts' name days a working morning announces: today's and the next working day's, and
// every day in between (a Saturday, a Sunday or a holiday is announced on the working day before).
// Opted-out and archived contacts are never listed.

import type { Services } from "../../app/services.js";
import { shiftDate } from "../../lib/clock.js";

export interface NameDayOfContact {
  date: string;
  contact: Awaited<ReturnType<Services["contacts"]["celebrating"]>>[number];
  /** What was recorded already (wishes sent or skipped), on this message or an earlier one. */
  recorded?: { status: "pending" | "sent" | "skipped"; doneBy: string | null; doneAt: Date | null };
}

export async function nameDaysToAnnounce(
  services: Services,
  today: string,
): Promise<{ days: string[]; entries: NameDayOfContact[] }> {
  const next = await services.calendar.nextWorkingDay(today);
  const days: string[] = [];
  for (let d = today; d <= next; d = shiftDate(d, 1)) days.push(d);
  const entries: NameDayOfContact[] = [];
  for (const date of days) {
    const contacts = await services.contacts.celebrating(services.nameDays.keysOn(date));
    const recorded = new Map(
      (
        await services.greetings.statusOf(
          "name_day",
          date,
          contacts.map((c) => c.id),
        )
      ).map((g) => [g.contactId, g]),
    );
    for (const contact of contacts) entries.push({ date, contact, recorded: recorded.get(contact.id) });
  }
  return { days, entries };
}
