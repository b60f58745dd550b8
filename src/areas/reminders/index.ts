// The reminders area: «Αργότερα» on every personal reminder (the menu from src/scheduling/snooze.ts,
// which the areas' reminder jobs add to their DMs), recorded once per reminder, and the job that
// gives each one back once when it is due; the reminders kept for the person's own hour; and each
// person's zone kept up to date from Slack's profile changes (user_change).
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createReminderSnoozesJob } from "./jobs/reminder-snoozes.js";
import { createPersonalReminders, createReminderService, type SnoozeCalendar } from "./service.js";
import { registerSnoozeMenu, registerTimeZoneChanges } from "./slack/listeners.js";
import { createReminderStore } from "./store.js";

/** What the area asks the users area of each person's zone. */
export interface PersonZones {
  resolve(slackUserId: string): Promise<string>;
  /** Slack told of a profile change: its `tz` is kept. */
  changed(slackUserId: string, tz: string): Promise<boolean>;
}

export interface RemindersServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  /** The office's working days (for "the next working day", and a night's "in an hour"). */
  calendar: SnoozeCalendar;
  /** Each person's time zone (Slack's profile `tz`), for their reminders' hour. */
  timeZones: PersonZones;
}

/** The area's use cases, built once by the composition root. */
export function createRemindersServices(deps: RemindersServicesDeps) {
  const { prisma, timeZones } = deps;
  const store = createReminderStore(prisma);
  return {
    reminders: createReminderService({ store, clock: deps.clock, calendar: deps.calendar, timeZones }),
    /** Each person's zone, kept up to date by Slack's profile changes (the user_change listener). */
    timeZones,
    /** What the jobs' personal DMs go through (JobDeps.personal). */
    personalReminders: createPersonalReminders({ store, timeZone: deps.timeZone, timeZones }),
  };
}

export type RemindersServices = ReturnType<typeof createRemindersServices>;

export function createRemindersArea(deps: {
  kit: SlackKit;
  services: Pick<RemindersServices, "reminders" | "timeZones">;
  timeZone: string;
}): Area {
  const { reminders, timeZones } = deps.services;
  return {
    name: "reminders",
    register(app) {
      registerSnoozeMenu(app, { kit: deps.kit, reminders, timeZone: deps.timeZone }); // action reminder_snooze
      registerTimeZoneChanges(app, { kit: deps.kit, timeZones }); // event user_change
    },
    jobs: [createReminderSnoozesJob({ reminders, locales: deps.kit.locales })], // reminder-snoozes
  };
}
