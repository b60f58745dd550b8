import type { App } from "@slack/bolt";
import { type GrafeioCommandDeps, registerGrafeioCommand } from "./grafeio-command.js";

export function register(app: App, deps: GrafeioCommandDeps): void {
  registerGrafeioCommand(app, deps);
}
