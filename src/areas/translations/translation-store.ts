// The translation requests and their history in the database: the only file of the area that
// speaks Prisma. No rules here; the service decides, this reads and writes.
import { redactTextColumns, touchedRows } from "../../db/personal-data.js";
import type { PrismaClient, TranslationEvent, TranslationRequest } from "../../generated/prisma/client.js";
import type { ErasedRows, Redactor } from "../../lib/personal-data.js";
import type { TranslationAction, TranslationStatus } from "./translation-flow.js";
import type { TranslationDraft } from "./translation-validation.js";

export type { TranslationEvent, TranslationRequest };

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** What a step writes besides the status. */
export interface StepChanges {
  assignee?: string | null;
  vendor?: string | null;
  deliveredUrl?: string | null;
  deliveredAt?: Date;
  closedAt?: Date;
}

export function createTranslationStore(prisma: PrismaClient) {
  return {
    /** Every mention of a person in the requests' and their steps' text redacted. */
    async redactMentions(redactor: Redactor): Promise<ErasedRows[]> {
      return [
        touchedRows(
          "translation_requests",
          await redactTextColumns(prisma, "translation_requests", ["title", "reason", "notes", "vendor"], redactor),
        ),
        touchedRows("translation_events", await redactTextColumns(prisma, "translation_events", ["note"], redactor)),
      ];
    },

    findById: (id: number) => prisma.translationRequest.findUnique({ where: { id } }),

    /** Requests among `ids`, or whose title or reason names one of `names` (any spelling), newest first. */
    async findAbout(names: string[], ids: number[], limit: number) {
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT r.id FROM translation_requests r
        WHERE r.id = ANY(${ids}::int[])
           OR EXISTS (SELECT 1 FROM unnest(${names}::text[]) AS n
                      WHERE length(public.grafeio_phonetic(n)) >= 4
                        AND public.grafeio_phonetic(r.title || ' ' || coalesce(r.reason, '')) LIKE '%' || public.grafeio_phonetic(n) || '%')
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit}`;
      return prisma.translationRequest.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
    },

    findBySubmissionKey: (submissionKey: string) => prisma.translationRequest.findUnique({ where: { submissionKey } }),

    /** The request and its first event ("request"), together. */
    async insertRequest(data: {
      draft: TranslationDraft;
      requestedBy: string;
      filedBy: string;
      submissionKey: string;
      at: Date;
    }): Promise<TranslationRequest> {
      return prisma.$transaction(async (tx) => {
        const created = await tx.translationRequest.create({
          data: {
            ...data.draft,
            dueOn: asDate(data.draft.dueOn),
            requestedBy: data.requestedBy,
            submissionKey: data.submissionKey,
            createdAt: data.at,
          },
        });
        await tx.translationEvent.create({
          data: {
            requestId: created.id,
            action: "request",
            fromStatus: "requested",
            toStatus: "requested",
            by: data.filedBy,
            at: data.at,
          },
        });
        return created;
      });
    },

    async saveCard(id: number, channel: string, ts: string): Promise<void> {
      await prisma.translationRequest.update({ where: { id }, data: { cardChannel: channel, cardTs: ts } });
    },

    /**
     * Moves the request only if it is still as it was read (status and last change), with its event;
     * `null` when someone else moved it first.
     */
    async moveIfUnchanged(move: {
      current: TranslationRequest;
      action: TranslationAction;
      to: TranslationStatus;
      changes: StepChanges;
      by: string;
      at: Date;
      note: string | null;
    }): Promise<{ request: TranslationRequest; eventId: number } | null> {
      const { current } = move;
      return prisma.$transaction(async (tx) => {
        const moved = await tx.translationRequest.updateMany({
          where: { id: current.id, status: current.status, updatedAt: current.updatedAt },
          data: { status: move.to, ...move.changes },
        });
        if (moved.count === 0) return null;
        const event = await tx.translationEvent.create({
          data: {
            requestId: current.id,
            action: move.action,
            fromStatus: current.status,
            toStatus: move.to,
            by: move.by,
            at: move.at,
            note: move.note,
          },
        });
        const request = await tx.translationRequest.findUniqueOrThrow({ where: { id: current.id } });
        return { request, eventId: event.id };
      });
    },

    findHistory: (requestId: number) =>
      prisma.translationEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } }),

    /** Requests in these statuses, soonest due first, at most 50. */
    findInStatuses(
      statuses: TranslationStatus[],
      filter: { involving?: string; dueBefore?: string; notStatus?: TranslationStatus } = {},
      take?: number,
    ): Promise<TranslationRequest[]> {
      return prisma.translationRequest.findMany({
        where: {
          status: { in: statuses },
          ...(filter.involving ? { OR: [{ requestedBy: filter.involving }, { assignee: filter.involving }] } : {}),
          ...(filter.dueBefore ? { dueOn: { lt: asDate(filter.dueBefore) } } : {}),
          ...(filter.notStatus ? { NOT: { status: filter.notStatus } } : {}),
        },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        ...(take ? { take } : {}),
      });
    },

    findDeliveredBetween: (from: Date, until: Date) =>
      prisma.translationRequest.findMany({ where: { deliveredAt: { gte: from, lt: until } } }),

    /** The period reports: requests made in [from, until), and those delivered in it. */
    async findForReport(from: Date, until: Date) {
      const [requested, delivered] = await Promise.all([
        prisma.translationRequest.findMany({ where: { createdAt: { gte: from, lt: until } }, orderBy: { id: "asc" } }),
        prisma.translationRequest.findMany({
          where: { deliveredAt: { gte: from, lt: until } },
          orderBy: { id: "asc" },
        }),
      ]);
      return { requested, delivered };
    },

    findEverDelivered: () => prisma.translationRequest.findMany({ where: { deliveredAt: { not: null } } }),
  };
}

export type TranslationStore = ReturnType<typeof createTranslationStore>;
