// The office-calendar area: what it registers with Slack and the scheduler.
import type { HandlerDeps } from "../../slack/listener.js";
import type { Area } from "../area.js";
import { createThankYouDigestSection, createVipNameDaysDigestSection } from "./greetings-digest.js";
import { calendarNotes } from "./jobs/calendar-notes.js";
import { greetingCards } from "./jobs/greeting-cards.js";
import { nameDayReminders } from "./jobs/name-day-reminders.js";
import { register } from "./slack/listeners.js";
export function createOfficeCalendarArea(deps: HandlerDeps): Area {
  return {
    name: "office-calendar",
    register: (app) => register(app, deps),
    digestSections: [
      createVipNameDaysDigestSection(deps.services),
      createThankYouDigestSection(deps.services.greetings),
    ],
    jobs: [nameDayReminders, greetingCards, calendarNotes],
  };
}
