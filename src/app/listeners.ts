// Every Slack listener, one area a folder. Adding an area: a folder with an index.ts exporting
// register(app, deps), and one line here.
import type { App } from "@slack/bolt";
import * as admin from "../areas/admin/slack/listeners.js";
import * as clippings from "../areas/clippings/slack/listeners.js";
import * as contacts from "../areas/contacts/slack/listeners.js";
import * as correspondence from "../areas/correspondence/slack/listeners.js";
import * as events from "../areas/events/slack/listeners.js";
import * as namedays from "../areas/office-calendar/slack/listeners.js";
import * as sponsors from "../areas/sponsors/slack/listeners.js";
import * as translations from "../areas/translations/slack/listeners.js";
import type { HandlerDeps } from "../slack/listener.js";

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
