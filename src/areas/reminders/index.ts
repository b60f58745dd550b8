// The reminders area: «Αργότερα» on every personal reminder (the menu from src/scheduling/snooze.ts,
// which the areas' reminder jobs add to their DMs), recorded once per reminder, and the job that
// gives each one back once when it is due.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createReminderSnoozesJob } from "./jobs/reminder-snoozes.js";
import { createPersonalReminders, createReminderService } from "./service.js";
import { registerSnoozeMenu } from "./slack/listeners.js";
import { createReminderStore } from "./store.js";

export interface RemindersServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  /** The office's working days (for "the next working day"). */
  calendar: { nextWorkingDay(date: string): Promise<string> };
  /** Each person's time zone (Slack's profile `tz`), for their reminders' hour. */
  timeZones: { resolve(slackUserId: string): Promise<string> };
}

/** The area's use cases, built once by the composition root. */
export function createRemindersServices(deps: RemindersServicesDeps) {
  const { prisma, timeZones, ...rest } = deps;
  const store = createReminderStore(prisma);
  return {
    reminders: createReminderService({ store, ...rest }),
    /** What the jobs' personal DMs go through (JobDeps.personal). */
    personalReminders: createPersonalReminders({ store, timeZone: deps.timeZone, timeZones }),
  };
}

export type RemindersServices = ReturnType<typeof createRemindersServices>;

export function createRemindersArea(deps: {
  kit: SlackKit;
  services: Pick<RemindersServices, "reminders">;
  timeZone: string;
}): Area {
  const { reminders } = deps.services;
  return {
    name: "reminders",
    register(app) {
      registerSnoozeMenu(app, { kit: deps.kit, reminders, timeZone: deps.timeZone }); // action reminder_snooze
    },
    jobs: [createReminderSnoozesJob({ reminders, locales: deps.kit.locales })], // reminder-snoozes
  };
}
