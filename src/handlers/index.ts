// Every Slack listener, one area a folder. Adding an area: a folder with an index.ts exporting
// register(app, deps), and one line here.
import type { App } from "@slack/bolt";
import type { HandlerDeps } from "../bot/handler-deps.js";
import * as admin from "./admin/index.js";
import * as clippings from "./clippings/index.js";
import * as contacts from "./contacts/index.js";
import * as correspondence from "./correspondence/index.js";
import * as events from "./events/index.js";
import * as namedays from "./namedays/index.js";
import * as sponsors from "./sponsors/index.js";
import * as translations from "./translations/index.js";

export function registerHandlers(app: App, deps: HandlerDeps): void {
  clippings.register(app, deps);
  contacts.register(app, deps);
  namedays.register(app, deps);
  translations.register(app, deps);
  correspondence.register(app, deps);
  sponsors.register(app, deps);
  events.register(app, deps);
  admin.register(app, deps);
}
