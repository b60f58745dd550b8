// The sponsors registry: entering a sponsorship once, its steps (each recorded; approval by a
// manager who did not ask for it), the benefits promised, and what reports and reminders need.

import { isUniqueViolation } from "../../db/errors.js";
import type { PrismaClient, SponsorBenefit, Sponsorship } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { centsToDecimal } from "../../lib/money.js";
import { checkSponsorStep, SPONSOR_STEPS, type SponsorRefusal, type SponsorshipAction } from "./sponsorship-flow.js";
import type { SponsorshipDraft } from "./sponsorship-validation.js";

export type SponsorshipWithBenefits = Sponsorship & { benefits: SponsorBenefit[] };
export type { SponsorBenefit, Sponsorship };

export type SponsorStepOutcome =
  | { status: "done"; sponsorship: SponsorshipWithBenefits; changeId: number }
  | { status: "refused"; reason: SponsorRefusal; sponsorship: SponsorshipWithBenefits }
  | { status: "not_found" };

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const include = { benefits: { orderBy: { id: "asc" as const } } };

export function createSponsorshipService({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  async function get(id: number): Promise<SponsorshipWithBenefits | null> {
    return prisma.sponsorship.findUnique({ where: { id }, include });
  }

  return {
    get,

    async create(options: { draft: SponsorshipDraft; createdBy: string; submissionKey: string }) {
      const { draft, createdBy, submissionKey } = options;
      const earlier = await prisma.sponsorship.findUnique({ where: { submissionKey }, include });
      if (earlier) return { status: "already_stored" as const, sponsorship: earlier };
      // The organisation, when it is in the contact archive, spelt any way.
      const [contact] = await prisma.$queryRaw<{ id: number }[]>`
        SELECT id FROM contacts WHERE archived_at IS NULL AND merged_into_id IS NULL
          AND (public.grafeio_phonetic(coalesce(organisation, '')) = public.grafeio_phonetic(${draft.organisation})
            OR public.grafeio_phonetic(name_el) = public.grafeio_phonetic(${draft.organisation}))
        ORDER BY vip DESC, id LIMIT 1`;
      const { pledgedCents, eventDate, benefits, ...rest } = draft;
      try {
        const sponsorship = await prisma.$transaction(async (tx) => {
          // A sponsor not yet in the contact archive enters it, so that its thank-you letter and
          // next year's greetings have somewhere to go.
          let contactId = contact?.id;
          if (contactId === undefined) {
            const added = await tx.contact.create({
              data: {
                nameEl: draft.organisation,
                organisation: draft.organisation,
                categorySlug: "businesses",
                source: "sponsors registry",
                createdBy,
                createdAt: clock.now(),
              },
            });
            await tx.contactAudit.create({
              data: {
                contactId: added.id,
                action: "created",
                actor: createdBy,
                at: clock.now(),
                detail: "from a sponsorship",
              },
            });
            contactId = added.id;
          }
          const created = await tx.sponsorship.create({
            data: {
              ...rest,
              pledgedAmount: pledgedCents === null ? null : centsToDecimal(pledgedCents),
              eventDate: eventDate ? asDate(eventDate) : null,
              contactId,
              benefits: { create: benefits.map((description) => ({ description })) },
              createdBy,
              submissionKey,
              createdAt: clock.now(),
            },
            include,
          });
          await tx.sponsorshipChange.create({
            data: {
              sponsorshipId: created.id,
              action: "create",
              fromStatus: "prospect",
              toStatus: "prospect",
              by: createdBy,
              at: clock.now(),
            },
          });
          return created;
        });
        return { status: "created" as const, sponsorship };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await prisma.sponsorship.findUniqueOrThrow({ where: { submissionKey }, include });
        return { status: "already_stored" as const, sponsorship: raced };
      }
    },

    /** One step, once: the write is conditional on the status it was read in. */
    async step(
      id: number,
      action: SponsorshipAction,
      actor: { userId: string; manager: boolean },
      payload: { receivedCents?: bigint; note?: string } = {},
    ): Promise<SponsorStepOutcome> {
      const current = await get(id);
      if (!current) return { status: "not_found" };
      const refusal = checkSponsorStep(action, current, actor);
      if (refusal) return { status: "refused", reason: refusal, sponsorship: current };
      const now = clock.now();
      const data =
        action === "ask_approval"
          ? { approvalAskedBy: actor.userId }
          : action === "approve"
            ? { approvedBy: actor.userId, approvedAt: now }
            : action === "receive"
              ? {
                  receivedAmount:
                    payload.receivedCents !== undefined ? centsToDecimal(payload.receivedCents) : current.pledgedAmount,
                }
              : {};
      return prisma.$transaction(async (tx) => {
        const moved = await tx.sponsorship.updateMany({
          where: { id, status: current.status },
          data: { status: SPONSOR_STEPS[action].to, ...data },
        });
        if (moved.count === 0) {
          const latest = await tx.sponsorship.findUniqueOrThrow({ where: { id }, include });
          return { status: "refused", reason: "not_allowed_now", sponsorship: latest } as const;
        }
        const change = await tx.sponsorshipChange.create({
          data: {
            sponsorshipId: id,
            action,
            fromStatus: current.status,
            toStatus: SPONSOR_STEPS[action].to,
            by: actor.userId,
            at: now,
            note: payload.note ?? null,
          },
        });
        const sponsorship = await tx.sponsorship.findUniqueOrThrow({ where: { id }, include });
        return { status: "done", sponsorship, changeId: change.id } as const;
      });
    },

    async history(id: number) {
      return prisma.sponsorshipChange.findMany({ where: { sponsorshipId: id }, orderBy: { id: "asc" } });
    },

    /** Adds a benefit once per form (`submissionKey`): a Slack retry adds nothing more. */
    async addBenefit(
      id: number,
      benefit: { description: string; owner?: string; dueOn?: string; submissionKey: string },
    ): Promise<boolean> {
      const created = await prisma.sponsorBenefit.createMany({
        data: [
          {
            sponsorshipId: id,
            description: benefit.description,
            owner: benefit.owner ?? null,
            dueOn: benefit.dueOn ? asDate(benefit.dueOn) : null,
            submissionKey: benefit.submissionKey,
          },
        ],
        skipDuplicates: true,
      });
      return created.count > 0;
    },

    /** Marks benefits done or waived; only pending ones change, so a repeat does nothing. */
    async settleBenefits(ids: number[], status: "done" | "waived", by: string): Promise<number> {
      if (ids.length === 0) return 0;
      const changed = await prisma.sponsorBenefit.updateMany({
        where: { id: { in: ids }, status: "pending" },
        data: { status, doneBy: by, doneAt: clock.now() },
      });
      return changed.count;
    },

    async search(text: string): Promise<SponsorshipWithBenefits[]> {
      const terms = text.split(/\s+/).filter(Boolean).slice(0, 6);
      if (terms.length === 0) return [];
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT id FROM sponsorships s
        WHERE public.grafeio_phonetic(s.organisation || ' ' || coalesce(s.contact_person, '') || ' ' || s.event_name)
              LIKE ALL (SELECT '%' || public.grafeio_phonetic(t) || '%' FROM unnest(${terms}::text[]) AS t)
        ORDER BY s.updated_at DESC LIMIT 10`;
      return prisma.sponsorship.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        include,
        orderBy: { updatedAt: "desc" },
      });
    },

    /** An event's sponsors that have not been thanked (for its follow-up). */
    async unthankedOf(eventId: number): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({
        where: { eventId, status: { in: ["committed", "received"] } },
        include,
        orderBy: { organisation: "asc" },
      });
    },

    async awaitingApproval(): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({ where: { status: "awaiting_approval" }, include, orderBy: { id: "asc" } });
    },

    /** Sponsors of events that have taken place and that nobody has thanked yet. */
    async thanksOwed(today: string): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({
        where: { status: { in: ["committed", "received"] }, eventDate: { lt: asDate(today) } },
        include,
        orderBy: [{ eventDate: "asc" }, { id: "asc" }],
      });
    },

    /** Benefits still to deliver that are due by `until` (or have no date), of live sponsorships. */
    async benefitsDue(until: string) {
      return prisma.sponsorBenefit.findMany({
        where: {
          status: "pending",
          OR: [{ dueOn: null }, { dueOn: { lte: asDate(until) } }],
          sponsorship: { status: { in: ["committed", "received", "thanked"] } },
        },
        include: { sponsorship: true },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      });
    },

    async forYear(year: number): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({
        where: {
          OR: [
            { eventDate: { gte: asDate(`${year}-01-01`), lte: asDate(`${year}-12-31`) } },
            {
              eventDate: null,
              createdAt: { gte: new Date(`${year}-01-01T00:00:00Z`), lt: new Date(`${year + 1}-01-01T00:00:00Z`) },
            },
          ],
        },
        include,
        orderBy: [{ eventName: "asc" }, { organisation: "asc" }],
      });
    },
  };
}

export type SponsorshipService = ReturnType<typeof createSponsorshipService>;
