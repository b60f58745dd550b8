// The events area: `/event` (staff) and what hangs off an event's card (its calendar file, edit,
// checklist, cancellation), its guests, invitations and gifts; the event-reminders job; its digest
// section; and the subscribed calendars' feed.
import type { App } from "@slack/bolt";
import type { Area } from "../area.js";
import type { EventsAreaDeps, EventsServicesDeps } from "./deps.js";
import { createEventsDigestSection } from "./events-digest.js";
import { createEventsHomeSource } from "./events-home.js";
import { createEventsReportSource } from "./events-report.js";
import { createEventRemindersJob } from "./jobs/event-reminders.js";
import { EVENTS_ROLE } from "./rules.js";
import { buildEventService } from "./service.js";
import { register } from "./slack/listeners.js";
import { createEventStore } from "./store.js";

export type { ContactsForEvents, EventsAreaDeps, SponsorsForEvents } from "./deps.js";
export type { EventService } from "./service.js";
/** What the events tell other areas: a partner's events and gifts (its timeline). */
export type EventsWith = Pick<import("./service.js").EventService, "eventsWith">;
/** For other areas: a button that opens the event form prefilled (the national-day reminders). */
export { EVENT_CREATE_ACTION, newEventValue } from "./slack/event-views.js";

export interface EventsArea extends Area {
  /** The iCalendar feed that calendars subscribe to (served at /calendar/<token>.ics). */
  calendarFeed(): Promise<string>;
}

/** The area's use cases, built once by the composition root. */
export function createEventsServices(deps: EventsServicesDeps) {
  return {
    events: buildEventService({
      store: createEventStore(deps.prisma),
      roles: deps.roles,
      clock: deps.clock,
      timeZone: deps.timeZone,
    }),
  };
}

export type EventsServices = ReturnType<typeof createEventsServices>;

export function createEventsArea(deps: EventsAreaDeps): EventsArea {
  const { kit } = deps;
  const { events } = deps.services;
  return {
    name: "events",
    // Slack ids — command: /event; actions: event_ics, event_edit, event_checklist, event_cancel,
    // event_create, event_item_done, event_feedback, event_add_guest, event_guests_pdf,
    // event_invite, event_invitation_answer, event_add_gift; views: event_modal,
    // event_cancel_modal, event_item_modal, event_feedback_modal, event_add_guest_modal,
    // event_invite_modal, event_gift_modal.
    register: (app: App) => register(app, { ...deps, events }),
    jobs: [createEventRemindersJob({ events, sponsors: deps.sponsors, locales: kit.locales })],
    digestSections: [createEventsDigestSection(events)],
    reportSections: [createEventsReportSource(events)],
    homeSources: [createEventsHomeSource(events)], // the person's checklist items, the week's events, the form
    commands: [{ name: "/event", role: EVENTS_ROLE, summary: (t) => t.events.summaryLine }],
    calendarFeed: () => events.calendarFeed(),
  };
}

/** The events area among the areas (for the calendar feed's route). */
export function isEventsArea(area: Area): area is EventsArea {
  return area.name === "events" && "calendarFeed" in area;
}
