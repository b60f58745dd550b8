// The events' use cases. Each that changes something takes the actor (a Slack user id) and checks
// their right itself: a refusal is a value ({ status: "refused" }), never an exception, never text.

import type { Clock } from "../../lib/clock.js";
import { isRealIsoDate, localDate, shiftDate } from "../../lib/clock.js";
import { centsToDecimal } from "../../lib/money.js";
import { type ErasedPerson, type ErasedRows, personRedactor } from "../../lib/personal-data.js";
import type { Role } from "../users/roles.js";
import type { EventDraft } from "./event-validation.js";
import { eventsToIcs } from "./ics.js";
import { orderGuests } from "./precedence.js";
import {
  dayShift,
  dueInstant,
  EVENTS_ROLE,
  feedWindow,
  inYear,
  plannedChecklist,
  sameAsDraft,
  shiftedDue,
} from "./rules.js";
import type { EventStore, EventWithType } from "./store.js";

export type { EventWithType };

export interface Refused {
  status: "refused";
  reason: "noPermission";
}
export const isRefused = (value: unknown): value is Refused =>
  typeof value === "object" && value !== null && (value as { status?: unknown }).status === "refused";

/** Who holds a role (from the users area). */
export interface EventRoles {
  hasRole(slackUserId: string, role: Role): Promise<boolean>;
}

export interface EventServiceDeps {
  store: EventStore;
  roles: EventRoles;
  clock: Clock;
  timeZone: string;
}

/** What the screens show of a period at most (the feed has no such limit). */
const SCREEN_LIMIT = 100;

export function buildEventService({ store, roles, clock, timeZone }: EventServiceDeps) {
  const refused: Refused = { status: "refused", reason: "noPermission" };
  /** Runs `work` when the actor may work on events; the refusal otherwise. */
  async function asStaff<T>(actor: string, work: () => Promise<T>): Promise<T | Refused> {
    return (await roles.hasRole(actor, EVENTS_ROLE)) ? work() : refused;
  }

  async function between(from: Date, to: Date, options: { includeCancelled?: boolean } = {}): Promise<EventWithType[]> {
    return store.findOverlappingPeriod(from, to, {
      includeCancelled: options.includeCancelled ?? false,
      limit: SCREEN_LIMIT,
    });
  }

  /** The event with what the actor asked to see of it, if they may see it. */
  async function readFor<T>(
    actor: string,
    id: number,
    read: (event: EventWithType) => Promise<T>,
  ): Promise<{ event: EventWithType; shown: T } | null | Refused> {
    return asStaff(actor, async () => {
      const event = await store.findById(id);
      return event ? { event, shown: await read(event) } : null;
    });
  }

  async function orderedGuests(eventId: number) {
    const [guests, table] = await Promise.all([store.findGuests(eventId), store.findActiveRanks()]);
    return orderGuests(guests, table);
  }

  return {
    get: store.findById,

    /** The period reports' data: the events starting in [from, to) and their feedback. */
    reportData: (from: Date, to: Date) => store.findStartingForReport(from, to),

    /**
     * The events a partner took part in (chosen as the event's partner, or named in its "twin city
     * or organisation") and the gifts given at them or to it: the partners area's timeline (EventsWith).
     */
    eventsWith: (o: { names: string[]; partnerId: number }) => store.findWith(o.names, 200, o.partnerId),

    /**
     * A GDPR erasure's step here (the contacts area's PersonalDataHolder). A guest or an invitation
     * is about the person and nothing else (a name, an office, an answer): it is deleted, and the
     * event's precedence and counts are those of who remains. A gift stays in the gift register
     * (what the municipality spent, when): only its recipient becomes ERASED_MARK. Any other mention
     * of the person (name, email, phone) in an event's text, its checklist, its feedback or another
     * guest's reason is replaced by the mark.
     */
    async eraseContact(person: ErasedPerson): Promise<ErasedRows[]> {
      const redactor = personRedactor(person);
      const isPerson = (name: string | null | undefined) => redactor.mentions(name);
      const guests = await store.deleteGuests(person.ids, isPerson);
      const invitations = await store.deleteInvitations(isPerson);
      const redacted = await store.redactColumns(redactor, {
        event_gifts: ["for_whom", "what"],
        event_guests: ["office", "override_reason"],
        events: ["title", "venue", "organiser", "related_organisation", "notes", "cancel_reason"],
        event_checklist_items: ["title"],
        event_feedback: ["went_well", "to_improve", "suggestions"],
      });
      const guestRows = redacted.find((t) => t.table === "event_guests")?.rows ?? 0;
      return [
        { table: "event_guests", rows: new Set(guests).size + guestRows },
        { table: "event_invitations", rows: invitations.length },
        ...redacted.filter((t) => t.table !== "event_guests"),
      ];
    },
    types: store.findActiveTypes,
    between,

    // What a person opens of an event (its card, checklist, guests, invitations, gifts): staff only.
    async eventFor(actor: string, id: number): Promise<EventWithType | null | Refused> {
      const opened = await readFor(actor, id, async () => null);
      return opened && !isRefused(opened) ? opened.event : opened;
    },
    checklistFor: (actor: string, id: number) => readFor(actor, id, () => store.findChecklist(id)),
    guestsFor: (actor: string, id: number) => readFor(actor, id, () => orderedGuests(id)),
    invitationsFor: (actor: string, id: number) => readFor(actor, id, () => store.findInvitations(id)),
    giftsFor: (actor: string, id: number) => readFor(actor, id, () => store.findGifts(id)),

    /** Scheduled events at the same venue whose time overlaps. */
    async overlaps(draft: Pick<EventDraft, "venue" | "startsAt" | "endsAt">, exceptId?: number) {
      if (!draft.venue) return [];
      return store.findOverlapping({ venue: draft.venue, startsAt: draft.startsAt, endsAt: draft.endsAt }, exceptId);
    },

    /** Registers an event with its checklist, once per form (`submissionKey`). */
    async create(options: { draft: EventDraft; createdBy: string; submissionKey: string }) {
      const { draft, createdBy, submissionKey } = options;
      return asStaff(createdBy, async () => {
        const earlier = await store.findBySubmissionKey(submissionKey);
        if (earlier) return { status: "already_stored" as const, event: earlier };
        const owner = draft.responsible[0] ?? createdBy;
        const today = localDate(clock.now(), timeZone);
        let dueTodayInstead = 0;
        const created = await store.insertEventWithChecklist(
          { ...draft, createdBy, submissionKey, createdAt: clock.now() },
          (templates) => {
            const items = plannedChecklist(
              templates,
              { startsAt: draft.startsAt, pastRecord: draft.pastRecord, owner },
              timeZone,
              today,
            );
            dueTodayInstead = items.filter((i) => i.caughtUp).length;
            return items.map(({ caughtUp: _, ...item }) => item);
          },
        );
        // How many checklist items were already overdue at registration, and are due today instead.
        if (created) return { status: "created" as const, event: created, dueTodayInstead };
        const stored = await store.findBySubmissionKey(submissionKey);
        if (!stored) throw new Error("an event's submission key was taken, yet no event has it");
        return { status: "already_stored" as const, event: stored };
      });
    },

    /**
     * Corrects a scheduled event (null: not found or not scheduled). When its day moves, the open
     * checklist items move with it, so that what was due 15 days before is still due 15 days before.
     */
    async update(actor: string, id: number, draft: EventDraft) {
      return asStaff(actor, () =>
        store.updateScheduledEvent(id, draft, (current) => {
          if (sameAsDraft(current, draft)) return { write: false };
          const shift = dayShift(current.startsAt, draft.startsAt, timeZone);
          return { write: true, moveOpenItems: (dueOn) => (shift === 0 ? null : shiftedDue(dueOn, shift)) };
        }),
      );
    },

    checklist: store.findChecklist,
    checklistItem: store.findChecklistItem,

    /** Marks an item done or not needed, once (an open item only). */
    async settleItem(itemId: number, status: "done" | "not_needed", by: string) {
      return asStaff(by, () => store.closeOpenItem(itemId, status, by, clock.now()));
    },

    /**
     * Gives an open item another owner or due date. `changed` is false when the item already had
     * them (the same form sent twice); null when the item is not open (done, not needed, gone).
     */
    async reassignItem(actor: string, itemId: number, change: { owner: string; dueOn: string }) {
      if (!isRealIsoDate(change.dueOn)) throw new RangeError(`not a date: ${change.dueOn}`);
      return asStaff(actor, () =>
        store.reassignOpenItem(itemId, { owner: change.owner, dueOn: dueInstant(change.dueOn) }),
      );
    },

    /** Open items due by `today` of events not yet over or cancelled. */
    async itemsDue(today: string) {
      const items = await store.findOpenItemsDueBy(dueInstant(today));
      const events = await store.findScheduledNotEnded([...new Set(items.map((i) => i.eventId))], clock.now());
      const byId = new Map(events.map((e) => [e.id, e]));
      return items.flatMap((item) => {
        const event = byId.get(item.eventId);
        return event ? [{ item, event }] : [];
      });
    },

    /** Scheduled events starting on an office day. */
    async startingOn(day: string): Promise<EventWithType[]> {
      const candidates = await store.findScheduledStartingBetween(
        dueInstant(shiftDate(day, -1)),
        dueInstant(shiftDate(day, 2)),
      );
      return candidates.filter((e) => localDate(e.startsAt, timeZone) === day);
    },

    /** Scheduled events (not records of past ones) that ended on an office day. */
    async endedOn(day: string): Promise<EventWithType[]> {
      const candidates = await store.findScheduledLiveEndingBetween(
        dueInstant(shiftDate(day, -1)),
        dueInstant(shiftDate(day, 2)),
      );
      return candidates.filter((e) => localDate(e.endsAt, timeZone) === day);
    },

    /** One answer per person per event; a second submission stores nothing new (false). */
    async addFeedback(feedback: {
      eventId: number;
      by: string;
      wentWell?: string;
      toImprove?: string;
      attendance?: number;
      suggestions?: string;
    }) {
      return asStaff(feedback.by, () =>
        store.insertFeedbackOnce({
          ...feedback,
          submissionKey: `${feedback.eventId}:${feedback.by}`,
          createdAt: clock.now(),
        }),
      );
    },

    feedbackFor: store.findFeedback,

    /** What was said after the latest past event of a kind: shown when the next one is planned. */
    async lastFeedbackOfType(typeSlug: string, exceptEventId: number) {
      const last = await store.findLatestEndedOfType(typeSlug, exceptEventId, clock.now());
      if (!last) return null;
      const feedback = await store.findFeedback(last.id);
      return feedback.length ? { event: last, feedback } : null;
    },

    // The precedence table is the admins' (`/grafeio precedence`): the admin area checks their role.
    precedenceTable: store.findPrecedenceTable,
    addRank: store.insertRank,
    removeRank: store.deactivateRank,

    /** Adds an official once per form (`submissionKey`): a Slack retry adds nobody more. */
    async addGuest(guest: {
      eventId: number;
      name: string;
      office: string;
      tieDate?: string;
      contactId?: number;
      addedBy: string;
      submissionKey: string;
    }) {
      return asStaff(guest.addedBy, () =>
        store.insertGuestOnce({ ...guest, tieDate: guest.tieDate ? dueInstant(guest.tieDate) : null }),
      );
    },

    /** A place set by hand (1-based), with its reason; null puts the guest back in the table's order. */
    async placeGuest(actor: string, eventId: number, guestId: number, position: number | null, reason: string | null) {
      return asStaff(actor, () =>
        store.setGuestPosition(eventId, guestId, position, position === null ? null : reason),
      );
    },

    /** The event's officials in order of precedence (see precedence.ts). */
    orderedGuests,

    /** Invites names (a name already invited is not invited twice); how many are new. */
    async invite(eventId: number, names: string[], by: string) {
      return asStaff(by, () => store.insertInvitations(eventId, names, by, clock.now()));
    },

    async answerInvitation(actor: string, id: number, eventId: number, answer: "accepted" | "declined" | "pending") {
      return asStaff(actor, () =>
        store.setInvitationAnswer(id, eventId, answer, answer === "pending" ? null : clock.now()),
      );
    },

    invitations: store.findInvitations,

    /** Records a gift once per form (`submissionKey`): a Slack retry records nothing more. */
    async addGift(gift: {
      eventId: number;
      what: string;
      forWhom: string;
      costCents: bigint | null;
      addedBy: string;
      submissionKey: string;
    }) {
      const { costCents, ...rest } = gift;
      return asStaff(gift.addedBy, () =>
        store.insertGiftOnce({
          ...rest,
          cost: costCents === null ? null : centsToDecimal(costCents),
          addedAt: clock.now(),
        }),
      );
    },

    /** The gift register of a year (by the events' dates), for the office's export. */
    async giftsOfYear(actor: string, year: number) {
      return asStaff(actor, async () =>
        (await store.findGiftsWithEvents()).filter(({ event }) => inYear(event.startsAt, year, timeZone)),
      );
    },

    giftsOf: store.findGifts,
    setCard: store.setCard,

    /** Cancels once: a second click (or a second person) finds it cancelled already (null). */
    async cancel(id: number, by: string, reason: string | null) {
      return asStaff(by, async () =>
        (await store.cancelScheduled(id, by, clock.now(), reason)) ? store.findById(id) : null,
      );
    },

    /** An iCalendar file of the events. */
    toIcs(events: EventWithType[], calendarName: string): string {
      return eventsToIcs(events, calendarName, timeZone);
    },

    /**
     * The subscribed calendars' feed: every event of its window (see feedWindow), cancelled ones
     * included so that subscribers drop them. No limit: a calendar that misses an event is wrong.
     */
    async calendarFeed(): Promise<string> {
      const { from, to } = feedWindow(clock.now());
      const events = await store.findOverlappingPeriod(from, to, { includeCancelled: true });
      return eventsToIcs(events, "Grafeio", timeZone);
    },
  };
}

export type EventService = ReturnType<typeof buildEventService>;
