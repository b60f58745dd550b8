import type { App } from "@slack/bolt";
import type { HandlerDeps } from "../../../slack/listener.js";
import { registerGreetingAnswers } from "./greeting-answers.js";
import { registerNameDaysCommand } from "./name-days-command.js";

export function register(app: App, deps: HandlerDeps): void {
  registerNameDaysCommand(app, deps);
  registerGreetingAnswers(app, deps);
}
