// Translation requests: entering one once, moving it along its flow (each step recorded, a step
// taken once however many clicks), and what the reminders and summaries need.

import { isUniqueViolation } from "../../db/errors.js";
import type { TranslationRequest } from "../../generated/prisma/client.js";
import { daysBetween, localDate } from "../../lib/clock.js";
import type { DomainDeps } from "../deps.js";
import {
  type Actor,
  checkStep,
  OPEN_STATUSES,
  STEPS,
  type StepRefusal,
  type TranslationAction,
} from "./translation-flow.js";

import type { TranslationDraft } from "./translation-validation.js";

export type { TranslationRequest };

export type StepOutcome =
  | { status: "done"; request: TranslationRequest; eventId: number; from: TranslationRequest["status"] }
  | { status: "refused"; reason: StepRefusal; request: TranslationRequest }
  | { status: "not_found" };

export interface StepPayload {
  assignee?: string;
  vendor?: string;
  deliveredUrl?: string;
  note?: string;
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function createTranslationService({ prisma, clock, timeZone }: DomainDeps) {
  async function get(id: number) {
    return prisma.translationRequest.findUnique({ where: { id } });
  }

  return {
    get,
    today: () => localDate(clock.now(), timeZone),

    /** `filedBy`: who filled in the form, when it was on the requester's behalf. */
    async create(options: { draft: TranslationDraft; requestedBy: string; filedBy?: string; submissionKey: string }) {
      const { draft, requestedBy, submissionKey } = options;
      const earlier = await prisma.translationRequest.findUnique({ where: { submissionKey } });
      if (earlier) return { status: "already_stored" as const, request: earlier };
      try {
        const request = await prisma.$transaction(async (tx) => {
          const created = await tx.translationRequest.create({
            data: { ...draft, dueOn: asDate(draft.dueOn), requestedBy, submissionKey, createdAt: clock.now() },
          });
          await tx.translationEvent.create({
            data: {
              requestId: created.id,
              action: "request",
              fromStatus: "requested",
              toStatus: "requested",
              by: options.filedBy ?? requestedBy,
              at: clock.now(),
            },
          });
          return created;
        });
        return { status: "created" as const, request };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await prisma.translationRequest.findUniqueOrThrow({ where: { submissionKey } });
        return { status: "already_stored" as const, request: raced };
      }
    },

    async setCard(id: number, channel: string, ts: string) {
      await prisma.translationRequest.update({ where: { id }, data: { cardChannel: channel, cardTs: ts } });
    },

    /**
     * Takes one step. The write is conditional on the status it was read in, so of two clicks (or
     * two people) only one moves the request; the other is told it is no longer possible.
     */
    async step(id: number, action: TranslationAction, actor: Actor, payload: StepPayload = {}): Promise<StepOutcome> {
      const current = await get(id);
      if (!current) return { status: "not_found" };
      const refusal = checkStep(action, current, actor);
      if (refusal) return { status: "refused", reason: refusal, request: current };
      const to = STEPS[action].to;
      const now = clock.now();
      const data =
        action === "assign"
          ? { assignee: payload.assignee ?? null, vendor: payload.assignee ? null : (payload.vendor ?? null) }
          : action === "deliver"
            ? { deliveredUrl: payload.deliveredUrl ?? null, deliveredAt: now }
            : action === "accept" || action === "cancel"
              ? { closedAt: now }
              : {};
      return prisma.$transaction(async (tx) => {
        const moved = await tx.translationRequest.updateMany({
          where: { id, status: current.status, updatedAt: current.updatedAt },
          data: { status: to, ...data },
        });
        if (moved.count === 0) {
          const now2 = await tx.translationRequest.findUniqueOrThrow({ where: { id } });
          return { status: "refused", reason: "not_allowed_now", request: now2 } as const;
        }
        const event = await tx.translationEvent.create({
          data: {
            requestId: id,
            action,
            fromStatus: current.status,
            toStatus: to,
            by: actor.userId,
            at: now,
            note: payload.note ?? null,
          },
        });
        const request = await tx.translationRequest.findUniqueOrThrow({ where: { id } });
        return { status: "done", request, eventId: event.id, from: current.status } as const;
      });
    },

    async history(id: number) {
      return prisma.translationEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    },

    async list(filter: "mine" | "open" | "overdue", userId: string, today: string) {
      return prisma.translationRequest.findMany({
        where: {
          status: { in: OPEN_STATUSES },
          ...(filter === "mine" ? { OR: [{ requestedBy: userId }, { assignee: userId }] } : {}),
          ...(filter === "overdue" ? { dueOn: { lt: asDate(today) }, NOT: { status: "delivered" } } : {}),
        },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
        take: 50,
      });
    },

    /** Open requests someone still has to work on (not waiting for acceptance). */
    async inWork() {
      return prisma.translationRequest.findMany({
        where: { status: { in: ["requested", "assigned", "in_progress", "returned"] } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      });
    },

    /** The coordinator's week: open, overdue, delivered in the week, turnaround by language pair. */
    async weekSummary(weekStart: Date, weekEnd: Date, today: string) {
      const open = await prisma.translationRequest.findMany({ where: { status: { in: OPEN_STATUSES } } });
      const delivered = await prisma.translationRequest.findMany({
        where: { deliveredAt: { gte: weekStart, lt: weekEnd } },
      });
      const done = await prisma.translationRequest.findMany({ where: { deliveredAt: { not: null } } });
      const pairs = new Map<string, { days: number; count: number }>();
      for (const r of done) {
        const pair = `${r.sourceLang}→${r.targetLang}`;
        const entry = pairs.get(pair) ?? { days: 0, count: 0 };
        entry.days += daysBetween(localDate(r.createdAt, timeZone), localDate(r.deliveredAt as Date, timeZone));
        entry.count++;
        pairs.set(pair, entry);
      }
      return {
        open: open.length,
        overdue: open.filter((r) => r.status !== "delivered" && isoDay(r.dueOn) < today).length,
        delivered: delivered.length,
        turnaround: [...pairs].map(([pair, e]) => ({
          pair,
          averageDays: Math.round((e.days / e.count) * 10) / 10,
          count: e.count,
        })),
      };
    },
  };
}

export type TranslationService = ReturnType<typeof createTranslationService>;
