import type { App } from "@slack/bolt";
import type { HandlerDeps } from "../../../slack/listener.js";
import { registerGrafeioCommand } from "./grafeio-command.js";

export function register(app: App, deps: HandlerDeps): void {
  registerGrafeioCommand(app, deps);
}
