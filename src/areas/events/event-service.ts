// The office's events: entered once, overlaps in a venue found before saving, cancelled with a
// reason, listed by period, and written as iCalendar for Outlook and Google Calendar.
import ical, { ICalEventStatus } from "ical-generator";
import { isUniqueViolation } from "../../db/errors.js";
import type { Event, EventChecklistItem, EventType } from "../../generated/prisma/client.js";
import { daysBetween, isRealIsoDate, localDate, shiftDate } from "../../lib/clock.js";
import { centsToDecimal } from "../../lib/money.js";
import type { DomainDeps } from "../deps.js";
import type { EventDraft } from "./event-validation.js";
import { orderGuests } from "./precedence.js";

export type EventWithType = Event & { type: EventType };
export type { Event };

const include = { type: true } as const;

export function createEventService({ prisma, clock, timeZone }: DomainDeps) {
  async function get(id: number): Promise<EventWithType | null> {
    return prisma.event.findUnique({ where: { id }, include });
  }

  return {
    get,

    async types(): Promise<EventType[]> {
      return prisma.eventType.findMany({ where: { active: true }, orderBy: { nameEl: "asc" } });
    },

    /** Scheduled events at the same venue whose time overlaps (venue compared without accents or case). */
    async overlaps(
      draft: Pick<EventDraft, "venue" | "startsAt" | "endsAt">,
      exceptId?: number,
    ): Promise<EventWithType[]> {
      if (!draft.venue) return [];
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT id FROM events
        WHERE status = 'scheduled' AND venue IS NOT NULL
          AND public.grafeio_phonetic(venue) = public.grafeio_phonetic(${draft.venue})
          AND starts_at < ${draft.endsAt} AND ends_at > ${draft.startsAt}
          AND id <> ${exceptId ?? 0}
        ORDER BY starts_at LIMIT 5`;
      return prisma.event.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        include,
        orderBy: { startsAt: "asc" },
      });
    },

    async create(options: { draft: EventDraft; createdBy: string; submissionKey: string }) {
      const { draft, createdBy, submissionKey } = options;
      const earlier = await prisma.event.findUnique({ where: { submissionKey }, include });
      if (earlier) return { status: "already_stored" as const, event: earlier };
      try {
        const event = await prisma.$transaction(async (tx) => {
          const created = await tx.event.create({
            data: { ...draft, createdBy, submissionKey, createdAt: clock.now() },
            include,
          });
          // The checklist from the templates of every event and of this kind; a record of a past
          // event has nothing left to do.
          if (!draft.pastRecord) {
            const templates = await tx.checklistTemplate.findMany({
              where: { active: true, OR: [{ typeSlug: null }, { typeSlug: draft.typeSlug }] },
              orderBy: [{ position: "asc" }, { id: "asc" }],
            });
            const day = localDate(draft.startsAt, timeZone);
            await tx.eventChecklistItem.createMany({
              data: templates.map((tpl, i) => ({
                eventId: created.id,
                title: tpl.title,
                dueOn: new Date(`${shiftDate(day, -tpl.daysBefore)}T00:00:00Z`),
                owner: draft.responsible[0] ?? createdBy,
                position: i,
              })),
            });
          }
          return created;
        });
        return { status: "created" as const, event };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return {
          status: "already_stored" as const,
          event: await prisma.event.findUniqueOrThrow({ where: { submissionKey }, include }),
        };
      }
    },

    /**
     * Corrects an event. When its day moves, the open checklist items move with it, so that what was
     * due 15 days before is still due 15 days before.
     */
    async update(id: number, draft: EventDraft): Promise<{ event: EventWithType; changed: boolean } | null> {
      return prisma.$transaction(async (tx) => {
        const current = await tx.event.findUnique({ where: { id }, include });
        if (current?.status !== "scheduled") return null;
        // The same form sent again (a Slack retry, a second click) changes nothing.
        const same = (Object.keys(draft) as (keyof EventDraft)[]).every(
          (k) => JSON.stringify(current[k] ?? null) === JSON.stringify(draft[k] ?? null),
        );
        if (same) return { event: current, changed: false };
        const shift = daysBetween(localDate(current.startsAt, timeZone), localDate(draft.startsAt, timeZone));
        await tx.event.update({ where: { id }, data: { ...draft } });
        if (shift !== 0) {
          const open = await tx.eventChecklistItem.findMany({ where: { eventId: id, status: "open" } });
          for (const item of open) {
            const due = shiftDate(item.dueOn.toISOString().slice(0, 10), shift);
            await tx.eventChecklistItem.update({
              where: { id: item.id },
              data: { dueOn: new Date(`${due}T00:00:00Z`) },
            });
          }
        }
        return { event: await tx.event.findUniqueOrThrow({ where: { id }, include }), changed: true };
      });
    },

    async checklist(eventId: number) {
      return prisma.eventChecklistItem.findMany({
        where: { eventId },
        orderBy: [{ dueOn: "asc" }, { position: "asc" }],
      });
    },

    /** Marks an item done or not needed, once (an open item only). */
    async settleItem(itemId: number, status: "done" | "not_needed", by: string): Promise<boolean> {
      const changed = await prisma.eventChecklistItem.updateMany({
        where: { id: itemId, status: "open" },
        data: { status, doneBy: by, doneAt: clock.now() },
      });
      return changed.count > 0;
    },

    async checklistItem(itemId: number) {
      return prisma.eventChecklistItem.findUnique({ where: { id: itemId } });
    },

    /**
     * Gives an open item another owner or due date. `changed` is false when the item already had
     * them (the same form sent twice); null when the item is not open (done, not needed, gone).
     */
    async reassignItem(
      itemId: number,
      change: { owner: string; dueOn: string },
    ): Promise<{ item: EventChecklistItem; changed: boolean; previousOwner: string | null } | null> {
      if (!isRealIsoDate(change.dueOn)) throw new RangeError(`not a date: ${change.dueOn}`);
      return prisma.$transaction(async (tx) => {
        const item = await tx.eventChecklistItem.findUnique({ where: { id: itemId } });
        if (item?.status !== "open") return null;
        const dueOn = new Date(`${change.dueOn}T00:00:00Z`);
        // Conditional, so that of two submissions at once (a retry, a double click) one changes it.
        const { count } = await tx.eventChecklistItem.updateMany({
          where: {
            id: itemId,
            status: "open",
            OR: [{ owner: null }, { owner: { not: change.owner } }, { dueOn: { not: dueOn } }],
          },
          data: { owner: change.owner, dueOn },
        });
        const now = await tx.eventChecklistItem.findUniqueOrThrow({ where: { id: itemId } });
        if (now.status !== "open") return null;
        return { item: now, changed: count > 0, previousOwner: item.owner };
      });
    },

    /** Open items due by `today` of events not yet over or cancelled, by owner. */
    async itemsDue(today: string) {
      const items = await prisma.eventChecklistItem.findMany({
        where: { status: "open", dueOn: { lte: new Date(`${today}T00:00:00Z`) } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      });
      const events = await prisma.event.findMany({
        where: {
          id: { in: [...new Set(items.map((i) => i.eventId))] },
          status: "scheduled",
          endsAt: { gt: clock.now() },
        },
        include,
      });
      const byId = new Map(events.map((e) => [e.id, e]));
      return items.flatMap((item) => {
        const event = byId.get(item.eventId);
        return event ? [{ item, event }] : [];
      });
    },

    /** Scheduled events starting on an office day. */
    async startingOn(day: string): Promise<EventWithType[]> {
      const candidates = await prisma.event.findMany({
        where: {
          status: "scheduled",
          startsAt: {
            gte: new Date(`${shiftDate(day, -1)}T00:00:00Z`),
            lt: new Date(`${shiftDate(day, 2)}T00:00:00Z`),
          },
        },
        include,
        orderBy: { startsAt: "asc" },
      });
      return candidates.filter((e) => localDate(e.startsAt, timeZone) === day);
    },

    /** Scheduled events that ended on an office day. */
    async endedOn(day: string): Promise<EventWithType[]> {
      const candidates = await prisma.event.findMany({
        where: {
          status: "scheduled",
          pastRecord: false,
          endsAt: { gte: new Date(`${shiftDate(day, -1)}T00:00:00Z`), lt: new Date(`${shiftDate(day, 2)}T00:00:00Z`) },
        },
        include,
        orderBy: { endsAt: "asc" },
      });
      return candidates.filter((e) => localDate(e.endsAt, timeZone) === day);
    },

    /** One answer per person per event; a second submission stores nothing new. */
    async addFeedback(feedback: {
      eventId: number;
      by: string;
      wentWell?: string;
      toImprove?: string;
      attendance?: number;
      suggestions?: string;
    }) {
      const submissionKey = `${feedback.eventId}:${feedback.by}`;
      const created = await prisma.eventFeedback.createMany({
        data: [{ ...feedback, submissionKey, createdAt: clock.now() }],
        skipDuplicates: true,
      });
      return created.count > 0;
    },

    async feedbackFor(eventId: number) {
      return prisma.eventFeedback.findMany({ where: { eventId }, orderBy: { id: "asc" } });
    },

    /** What was said after the latest past event of a kind: shown when the next one is planned. */
    async lastFeedbackOfType(typeSlug: string, exceptEventId: number) {
      const last = await prisma.event.findFirst({
        where: { typeSlug, id: { not: exceptEventId }, endsAt: { lt: clock.now() } },
        orderBy: { endsAt: "desc" },
      });
      if (!last) return null;
      const feedback = await prisma.eventFeedback.findMany({ where: { eventId: last.id }, orderBy: { id: "asc" } });
      return feedback.length ? { event: last, feedback } : null;
    },

    async precedenceTable() {
      return prisma.precedenceRank.findMany({ where: { active: true }, orderBy: [{ rank: "asc" }, { id: "asc" }] });
    },

    async addRank(office: string, rank: number) {
      return prisma.precedenceRank.create({ data: { office, rank } });
    },

    async removeRank(id: number): Promise<boolean> {
      return (
        (await prisma.precedenceRank.updateMany({ where: { id, active: true }, data: { active: false } })).count > 0
      );
    },

    async addGuest(guest: {
      eventId: number;
      name: string;
      office: string;
      tieDate?: string;
      contactId?: number;
      addedBy: string;
      /** The form's id: a Slack retry of the same form adds nobody more. */
      submissionKey: string;
    }): Promise<boolean> {
      const created = await prisma.eventGuest.createMany({
        data: [{ ...guest, tieDate: guest.tieDate ? new Date(`${guest.tieDate}T00:00:00Z`) : null }],
        skipDuplicates: true,
      });
      return created.count > 0;
    },

    /** A place set by hand (1-based), with its reason; null puts the guest back in the table's order. */
    async placeGuest(
      eventId: number,
      guestId: number,
      position: number | null,
      reason: string | null,
    ): Promise<boolean> {
      const changed = await prisma.eventGuest.updateMany({
        where: { id: guestId, eventId },
        data: { position, overrideReason: position === null ? null : reason },
      });
      return changed.count > 0;
    },

    /** The event's officials in order of precedence (see precedence.ts). */
    async orderedGuests(eventId: number) {
      const [guests, table] = await Promise.all([
        prisma.eventGuest.findMany({ where: { eventId }, orderBy: { id: "asc" } }),
        prisma.precedenceRank.findMany({ where: { active: true } }),
      ]);
      return orderGuests(guests, table);
    },

    /** Invites names (one each; a name already invited is not invited twice). */
    async invite(eventId: number, names: string[], by: string): Promise<number> {
      const created = await prisma.eventInvitation.createMany({
        data: names.map((name) => ({ eventId, name, invitedBy: by, invitedAt: clock.now() })),
        skipDuplicates: true,
      });
      return created.count;
    },

    async answerInvitation(id: number, answer: "accepted" | "declined" | "pending"): Promise<boolean> {
      const changed = await prisma.eventInvitation.updateMany({
        where: { id },
        data: { answer, answeredAt: answer === "pending" ? null : clock.now() },
      });
      return changed.count > 0;
    },

    async invitations(eventId: number) {
      return prisma.eventInvitation.findMany({ where: { eventId }, orderBy: { id: "asc" } });
    },

    /** Records a gift once per form (`submissionKey`): a Slack retry records nothing more. */
    async addGift(gift: {
      eventId: number;
      what: string;
      forWhom: string;
      costCents: bigint | null;
      addedBy: string;
      submissionKey: string;
    }): Promise<boolean> {
      const { costCents, ...rest } = gift;
      const created = await prisma.eventGift.createMany({
        data: [{ ...rest, cost: costCents === null ? null : centsToDecimal(costCents), addedAt: clock.now() }],
        skipDuplicates: true,
      });
      return created.count > 0;
    },

    /** The gift register of a year (by the events' dates), for the office's export. */
    async giftsOfYear(year: number) {
      const gifts = await prisma.eventGift.findMany({ orderBy: { id: "asc" } });
      const events = await prisma.event.findMany({ where: { id: { in: [...new Set(gifts.map((g) => g.eventId))] } } });
      const byId = new Map(events.map((e) => [e.id, e]));
      return gifts.flatMap((g) => {
        const event = byId.get(g.eventId);
        return event && localDate(event.startsAt, timeZone).startsWith(String(year)) ? [{ gift: g, event }] : [];
      });
    },

    async giftsOf(eventId: number) {
      return prisma.eventGift.findMany({ where: { eventId }, orderBy: { id: "asc" } });
    },

    async setCard(id: number, channel: string, ts: string) {
      await prisma.event.update({ where: { id }, data: { cardChannel: channel, cardTs: ts } });
    },

    /** Cancels once: a second click (or a second person) finds it cancelled already. */
    async cancel(id: number, by: string, reason: string | null): Promise<EventWithType | null> {
      const changed = await prisma.event.updateMany({
        where: { id, status: "scheduled" },
        data: { status: "cancelled", cancelledBy: by, cancelledAt: clock.now(), cancelReason: reason },
      });
      return changed.count > 0 ? get(id) : null;
    },

    /** Events that overlap [from, to), earliest first. */
    async between(from: Date, to: Date, options: { includeCancelled?: boolean } = {}): Promise<EventWithType[]> {
      return prisma.event.findMany({
        where: {
          startsAt: { lt: to },
          endsAt: { gt: from },
          ...(options.includeCancelled ? {} : { status: "scheduled" }),
        },
        include,
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: 100,
      });
    },

    /** An iCalendar file of the events (a cancelled one is sent as cancelled, so calendars drop it). */
    toIcs(events: EventWithType[], calendarName: string): string {
      // Times in UTC (…Z), which every calendar converts; a TZID without its VTIMEZONE block would
      // be read as the reader's own zone. All-day events are the office's calendar dates.
      const calendar = ical({ name: calendarName, prodId: { company: "Grafeio", product: "Grafeio" } });
      const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
      for (const e of events) {
        calendar.createEvent({
          id: `grafeio-event-${e.id}`,
          ...(e.allDay
            ? {
                allDay: true,
                start: utcDate(localDate(e.startsAt, timeZone)),
                end: utcDate(shiftDate(localDate(e.endsAt, timeZone), 1)),
              }
            : { start: e.startsAt, end: e.endsAt }),
          summary: e.title,
          location: e.venue ?? undefined,
          description: [e.type.nameEl, e.organiser, e.notes].filter(Boolean).join("\n"),
          status: e.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        });
      }
      return calendar.toString();
    },
  };
}

export type EventService = ReturnType<typeof createEventService>;
