// Answers owed to correspondence from abroad remind like translations: whoever registered the entry
// two working days before its deadline and on it; the coordinators (managers) of every overdue one,
// each working day. One DM per entry, person and day.
import { protocolNumber } from "../domain/correspondence/letter-service.js";
import { messages } from "../i18n/index.js";
import { formatDayMonthYear } from "../lib/clock.js";
import { escapeMrkdwn, truncate } from "../lib/mrkdwn.js";
import { type Job, officeDayOf } from "./job.js";
import { twoWorkingDaysAfter } from "./translation-reminders.js";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export const correspondenceReminders: Job = {
  name: "correspondence-reminders",
  schedule: "20 9 * * 1-5",
  description: "Deadlines of correspondence from abroad, overdue ones to the coordinators (working days, 09:20)",
  catchUp: "latest",
  async run(occurrence, deps) {
    const { services } = deps;
    const { date: today, working } = await officeDayOf(occurrence, deps);
    if (!working) return "skipped: not a working day";
    const inTwo = await twoWorkingDaysAfter(deps, today);
    const open = await services.letters.openWithDue();
    let sent = 0;
    for (const l of open) {
      const due = day(l.dueOn);
      if (due !== today && due !== inTwo) continue;
      const t = messages(await services.locales.resolve(l.createdBy)).letters;
      const subject = escapeMrkdwn(truncate(l.subject, 150));
      const text =
        due === today
          ? t.reminderToday(protocolNumber(l), subject)
          : t.reminderSoon(protocolNumber(l), subject, formatDayMonthYear(due));
      if ((await deps.sender.post({ key: `letter-due:${l.id}:${today}`, channel: l.createdBy, text })).posted) sent++;
    }
    const overdue = open.filter((l) => day(l.dueOn) < today);
    if (overdue.length > 0) {
      for (const coordinator of await services.roles.holdersOf("manager")) {
        const t = messages(await services.locales.resolve(coordinator)).letters;
        const lines = overdue
          .slice(0, 40)
          .map(
            (l) =>
              `• \`${protocolNumber(l)}\` *${escapeMrkdwn(truncate(l.counterpart, 80))}*: ${escapeMrkdwn(truncate(l.subject, 120))} · ${t.due(formatDayMonthYear(day(l.dueOn)), true)}`,
          );
        const text = [t.overdueTitle(overdue.length), ...lines].join("\n");
        if (
          (await deps.sender.post({ key: `letter-overdue:${today}:${coordinator}`, channel: coordinator, text })).posted
        )
          sent++;
      }
    }
    return `${open.length} open with a deadline, ${overdue.length} overdue, ${sent} messages`;
  },
};
