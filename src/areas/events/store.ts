// The events' database: the only file of the area that speaks Prisma. No rules here: the service
// decides, the store reads and writes.
import { isUniqueViolation } from "../../db/errors.js";
import { redactTextColumns, rewriteRows, touchedRows } from "../../db/personal-data.js";
import type { Event, EventChecklistItem, EventType, PrismaClient } from "../../generated/prisma/client.js";
import type { ErasedRows, Redactor } from "../../lib/personal-data.js";
import { inGreekOrder } from "../../lib/text.js";
import type { EventDraft } from "./event-validation.js";
import type { ChecklistTemplate } from "./rules.js";

export type EventWithType = Event & { type: EventType };
export type { Event, EventChecklistItem };

const include = { type: true } as const;

export function createEventStore(prisma: PrismaClient) {
  const findById = (id: number): Promise<EventWithType | null> => prisma.event.findUnique({ where: { id }, include });

  return {
    findById,

    /**
     * Events whose "twin city or organisation" holds one of `names` (any spelling), newest first,
     * with their gifts; and gifts given to someone so named at any event.
     */
    async findWith(names: string[], limit: number, partnerId: number | null = null) {
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT e.id FROM events e
        WHERE e.partner_id = ${partnerId ?? 0}
           OR e.related_organisation IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(${names}::text[]) AS n
                      WHERE length(public.grafeio_phonetic(n)) >= 4
                        AND public.grafeio_phonetic(e.related_organisation) LIKE '%' || public.grafeio_phonetic(n) || '%')
        ORDER BY e.starts_at DESC, e.id DESC LIMIT ${limit}`;
      const gifts = await prisma.$queryRaw<{ id: number }[]>`
        SELECT g.id FROM event_gifts g
        WHERE g.event_id = ANY(${rows.map((r) => r.id)}::int[]) OR EXISTS (SELECT 1 FROM unnest(${names}::text[]) AS n
                      WHERE length(public.grafeio_phonetic(n)) >= 4
                        AND public.grafeio_phonetic(g.for_whom) LIKE '%' || public.grafeio_phonetic(n) || '%')
        ORDER BY g.added_at DESC LIMIT ${limit}`;
      return {
        events: await prisma.event.findMany({
          where: { id: { in: rows.map((r) => r.id) } },
          include,
          orderBy: [{ startsAt: "desc" }, { id: "desc" }],
        }),
        gifts: await prisma.eventGift.findMany({
          where: { id: { in: gifts.map((g) => g.id) } },
          orderBy: [{ addedAt: "desc" }, { id: "desc" }],
        }),
      };
    },

    findActiveTypes: async (): Promise<EventType[]> =>
      inGreekOrder(await prisma.eventType.findMany({ where: { active: true } })),

    /** Scheduled events at the same venue (compared without accents or case) whose time overlaps. */
    async findOverlapping(
      slot: { venue: string; startsAt: Date; endsAt: Date },
      exceptId: number | undefined,
    ): Promise<EventWithType[]> {
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT id FROM events
        WHERE status = 'scheduled' AND venue IS NOT NULL
          AND public.grafeio_phonetic(venue) = public.grafeio_phonetic(${slot.venue})
          AND starts_at < ${slot.endsAt} AND ends_at > ${slot.startsAt}
          AND id <> ${exceptId ?? 0}
        ORDER BY starts_at LIMIT 5`;
      return prisma.event.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        include,
        orderBy: { startsAt: "asc" },
      });
    },

    findBySubmissionKey: (submissionKey: string): Promise<EventWithType | null> =>
      prisma.event.findUnique({ where: { submissionKey }, include }),

    /**
     * The event and its checklist in one transaction; `checklist` plans the items from the active
     * templates (of every event and of this kind). Null when the submission key is taken already.
     */
    async insertEventWithChecklist(
      data: EventDraft & { createdBy: string; submissionKey: string; createdAt: Date },
      checklist: (templates: ChecklistTemplate[]) => { title: string; dueOn: Date; owner: string; position: number }[],
    ): Promise<EventWithType | null> {
      try {
        return await prisma.$transaction(async (tx) => {
          const created = await tx.event.create({ data, include });
          const templates = await tx.checklistTemplate.findMany({
            where: { active: true, OR: [{ typeSlug: null }, { typeSlug: data.typeSlug }] },
            orderBy: [{ position: "asc" }, { id: "asc" }],
          });
          const items = checklist(templates);
          if (items.length)
            await tx.eventChecklistItem.createMany({ data: items.map((i) => ({ ...i, eventId: created.id })) });
          return created;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return null;
      }
    },

    /**
     * Rewrites a scheduled event; `decide` sees the stored one and says whether to write and by how
     * many days to move its open checklist items (all in one transaction).
     */
    async updateScheduledEvent(
      id: number,
      draft: EventDraft,
      decide: (
        current: EventWithType,
      ) => { write: false } | { write: true; moveOpenItems: (dueOn: Date) => Date | null },
    ): Promise<{ event: EventWithType; changed: boolean } | null> {
      return prisma.$transaction(async (tx) => {
        const current = await tx.event.findUnique({ where: { id }, include });
        if (current?.status !== "scheduled") return null;
        const decision = decide(current);
        if (!decision.write) return { event: current, changed: false };
        await tx.event.update({ where: { id }, data: { ...draft } });
        const open = await tx.eventChecklistItem.findMany({ where: { eventId: id, status: "open" } });
        for (const item of open) {
          const dueOn = decision.moveOpenItems(item.dueOn);
          if (dueOn) await tx.eventChecklistItem.update({ where: { id: item.id }, data: { dueOn } });
        }
        return { event: await tx.event.findUniqueOrThrow({ where: { id }, include }), changed: true };
      });
    },

    findChecklist: (eventId: number) =>
      prisma.eventChecklistItem.findMany({ where: { eventId }, orderBy: [{ dueOn: "asc" }, { position: "asc" }] }),

    findChecklistItem: (itemId: number) => prisma.eventChecklistItem.findUnique({ where: { id: itemId } }),

    /** Closes an open item; false when it was not open. */
    async closeOpenItem(itemId: number, status: "done" | "not_needed", by: string, at: Date): Promise<boolean> {
      const changed = await prisma.eventChecklistItem.updateMany({
        where: { id: itemId, status: "open" },
        data: { status, doneBy: by, doneAt: at },
      });
      return changed.count > 0;
    },

    /** Another owner or due date for an open item, conditionally (of two submissions at once, one writes). */
    async reassignOpenItem(
      itemId: number,
      change: { owner: string; dueOn: Date },
    ): Promise<{ item: EventChecklistItem; changed: boolean; previousOwner: string | null } | null> {
      return prisma.$transaction(async (tx) => {
        const item = await tx.eventChecklistItem.findUnique({ where: { id: itemId } });
        if (item?.status !== "open") return null;
        const { count } = await tx.eventChecklistItem.updateMany({
          where: {
            id: itemId,
            status: "open",
            OR: [{ owner: null }, { owner: { not: change.owner } }, { dueOn: { not: change.dueOn } }],
          },
          data: change,
        });
        const now = await tx.eventChecklistItem.findUniqueOrThrow({ where: { id: itemId } });
        if (now.status !== "open") return null;
        return { item: now, changed: count > 0, previousOwner: item.owner };
      });
    },

    findOpenItemsDueBy: (day: Date) =>
      prisma.eventChecklistItem.findMany({
        where: { status: "open", dueOn: { lte: day } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      }),

    findScheduledNotEnded: (ids: number[], now: Date): Promise<EventWithType[]> =>
      prisma.event.findMany({ where: { id: { in: ids }, status: "scheduled", endsAt: { gt: now } }, include }),

    findScheduledStartingBetween: (from: Date, to: Date): Promise<EventWithType[]> =>
      prisma.event.findMany({
        where: { status: "scheduled", startsAt: { gte: from, lt: to } },
        include,
        orderBy: { startsAt: "asc" },
      }),

    findScheduledLiveEndingBetween: (from: Date, to: Date): Promise<EventWithType[]> =>
      prisma.event.findMany({
        where: { status: "scheduled", pastRecord: false, endsAt: { gte: from, lt: to } },
        include,
        orderBy: { endsAt: "asc" },
      }),

    /** Stores a feedback once per submission key; false when it was stored already. */
    async insertFeedbackOnce(feedback: {
      eventId: number;
      by: string;
      wentWell?: string;
      toImprove?: string;
      attendance?: number;
      suggestions?: string;
      submissionKey: string;
      createdAt: Date;
    }): Promise<boolean> {
      const created = await prisma.eventFeedback.createMany({ data: [feedback], skipDuplicates: true });
      return created.count > 0;
    },

    findFeedback: (eventId: number) => prisma.eventFeedback.findMany({ where: { eventId }, orderBy: { id: "asc" } }),

    findLatestEndedOfType: (typeSlug: string, exceptEventId: number, before: Date) =>
      prisma.event.findFirst({
        where: { typeSlug, id: { not: exceptEventId }, endsAt: { lt: before } },
        orderBy: { endsAt: "desc" },
      }),

    findPrecedenceTable: () =>
      prisma.precedenceRank.findMany({ where: { active: true }, orderBy: [{ rank: "asc" }, { id: "asc" }] }),

    insertRank: (office: string, rank: number) => prisma.precedenceRank.create({ data: { office, rank } }),

    async deactivateRank(id: number): Promise<boolean> {
      return (
        (await prisma.precedenceRank.updateMany({ where: { id, active: true }, data: { active: false } })).count > 0
      );
    },

    async insertGuestOnce(guest: {
      eventId: number;
      name: string;
      office: string;
      tieDate: Date | null;
      contactId?: number;
      addedBy: string;
      submissionKey: string;
    }): Promise<boolean> {
      return (await prisma.eventGuest.createMany({ data: [guest], skipDuplicates: true })).count > 0;
    },

    async setGuestPosition(
      eventId: number,
      guestId: number,
      position: number | null,
      overrideReason: string | null,
    ): Promise<boolean> {
      const changed = await prisma.eventGuest.updateMany({
        where: { id: guestId, eventId },
        data: { position, overrideReason },
      });
      return changed.count > 0;
    },

    findGuests: (eventId: number) => prisma.eventGuest.findMany({ where: { eventId }, orderBy: { id: "asc" } }),

    findActiveRanks: () => prisma.precedenceRank.findMany({ where: { active: true } }),

    /** Invites names not invited yet; how many were new. */
    async insertInvitations(eventId: number, names: string[], by: string, at: Date): Promise<number> {
      const created = await prisma.eventInvitation.createMany({
        data: names.map((name) => ({ eventId, name, invitedBy: by, invitedAt: at })),
        skipDuplicates: true,
      });
      return created.count;
    },

    async setInvitationAnswer(
      id: number,
      eventId: number,
      answer: "accepted" | "declined" | "pending",
      answeredAt: Date | null,
    ): Promise<boolean> {
      const changed = await prisma.eventInvitation.updateMany({ where: { id, eventId }, data: { answer, answeredAt } });
      return changed.count > 0;
    },

    findInvitations: (eventId: number) =>
      prisma.eventInvitation.findMany({ where: { eventId }, orderBy: { id: "asc" } }),

    async insertGiftOnce(gift: {
      eventId: number;
      what: string;
      forWhom: string;
      cost: string | null;
      addedBy: string;
      submissionKey: string;
      addedAt: Date;
    }): Promise<boolean> {
      return (await prisma.eventGift.createMany({ data: [gift], skipDuplicates: true })).count > 0;
    },

    /** Every gift with its event. */
    async findGiftsWithEvents() {
      const gifts = await prisma.eventGift.findMany({ orderBy: { id: "asc" } });
      const events = await prisma.event.findMany({ where: { id: { in: [...new Set(gifts.map((g) => g.eventId))] } } });
      const byId = new Map(events.map((e) => [e.id, e]));
      return gifts.flatMap((gift) => {
        const event = byId.get(gift.eventId);
        return event ? [{ gift, event }] : [];
      });
    },

    findGifts: (eventId: number) => prisma.eventGift.findMany({ where: { eventId }, orderBy: { id: "asc" } }),

    /** Deletes the guests linked to these contacts or named by `isPerson`; the ids deleted. */
    async deleteGuests(
      contactIds: number[],
      isPerson: (name: string | null | undefined) => boolean,
    ): Promise<number[]> {
      const linked = await prisma.eventGuest.findMany({
        where: { contactId: { in: contactIds } },
        select: { id: true },
      });
      await prisma.eventGuest.deleteMany({ where: { id: { in: linked.map((g) => g.id) } } });
      const named = await rewriteRows(prisma, "event_guests", ["name"], ([name]) =>
        isPerson(name) ? "delete" : undefined,
      );
      return [...linked.map((g) => g.id), ...named];
    },

    /** Deletes the invitations named by `isPerson`; the ids deleted. */
    deleteInvitations: (isPerson: (name: string | null | undefined) => boolean): Promise<number[]> =>
      rewriteRows(prisma, "event_invitations", ["name"], ([name]) => (isPerson(name) ? "delete" : undefined)),

    /** Each table's text `columns` redacted; every table touched with its count. */
    async redactColumns(redactor: Redactor, columns: Record<string, string[]>): Promise<ErasedRows[]> {
      const touched: ErasedRows[] = [];
      for (const [table, cols] of Object.entries(columns))
        touched.push(touchedRows(table, await redactTextColumns(prisma, table, cols, redactor)));
      return touched;
    },

    async setCard(id: number, channel: string, ts: string): Promise<void> {
      await prisma.event.update({ where: { id }, data: { cardChannel: channel, cardTs: ts } });
    },

    /** Cancels a scheduled event; false when it was not scheduled (cancelled already). */
    async cancelScheduled(id: number, by: string, at: Date, reason: string | null): Promise<boolean> {
      const changed = await prisma.event.updateMany({
        where: { id, status: "scheduled" },
        data: { status: "cancelled", cancelledBy: by, cancelledAt: at, cancelReason: reason },
      });
      return changed.count > 0;
    },

    /** Events that overlap [from, to), earliest first; `limit` for the screens, none for the feed. */
    /** The period reports: events starting in [from, to), cancelled ones too, with their feedback. */
    async findStartingForReport(from: Date, to: Date) {
      const events = await prisma.event.findMany({
        where: { startsAt: { gte: from, lt: to } },
        include,
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      });
      const feedback = await prisma.eventFeedback.findMany({
        where: { eventId: { in: events.map((e) => e.id) } },
        orderBy: { id: "asc" },
      });
      return { events, feedback };
    },

    findOverlappingPeriod: (
      from: Date,
      to: Date,
      options: { includeCancelled: boolean; limit?: number },
    ): Promise<EventWithType[]> =>
      prisma.event.findMany({
        where: {
          startsAt: { lt: to },
          endsAt: { gt: from },
          ...(options.includeCancelled ? {} : { status: "scheduled" as const }),
        },
        include,
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        ...(options.limit === undefined ? {} : { take: options.limit }),
      }),
  };
}

export type EventStore = ReturnType<typeof createEventStore>;
