import type { App } from "@slack/bolt";
import type { SlackKit } from "../../../slack/listener.js";
import type { OfficeCalendarServices } from "../office-calendar-services.js";
import { registerGreetingAnswers } from "./greeting-answers.js";
import { registerNameDaysCommand } from "./name-days-command.js";

export function register(app: App, kit: SlackKit, services: OfficeCalendarServices): void {
  registerNameDaysCommand(app, kit, services);
  registerGreetingAnswers(app, kit, services);
}
