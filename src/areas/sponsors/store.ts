// The sponsors registry's reads and writes, and the only file of the area that speaks Prisma. What
// a step may do, and when, is decided in the service; this file only stores it.
import { redactTextColumns, rewriteRows, touchedRows } from "../../db/personal-data.js";
import type { PrismaClient, SponsorBenefit, Sponsorship } from "../../generated/prisma/client.js";
import { centsToDecimal } from "../../lib/money.js";
import { ERASED_MARK, type ErasedPerson, type ErasedRows, personRedactor } from "../../lib/personal-data.js";
import type { SponsorshipAction, SponsorshipStatus } from "./sponsorship-flow.js";
import type { SponsorshipDraft } from "./sponsorship-validation.js";

export type SponsorshipWithBenefits = Sponsorship & { benefits: SponsorBenefit[] };
export type SponsorBenefitWithSponsorship = SponsorBenefit & { sponsorship: Sponsorship };
export type { SponsorBenefit, Sponsorship };

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const include = { benefits: { orderBy: { id: "asc" as const } } };

export function createSponsorsStore(prisma: PrismaClient) {
  return {
    findById(id: number): Promise<SponsorshipWithBenefits | null> {
      return prisma.sponsorship.findUnique({ where: { id }, include });
    },

    findBySubmissionKey(submissionKey: string): Promise<SponsorshipWithBenefits | null> {
      return prisma.sponsorship.findUnique({ where: { submissionKey }, include });
    },

    /** The sponsorship and its first history row, both or neither. */
    async insertSponsorship(options: {
      draft: SponsorshipDraft;
      createdBy: string;
      submissionKey: string;
      at: Date;
    }): Promise<SponsorshipWithBenefits> {
      const { draft, createdBy, submissionKey, at } = options;
      const { pledgedCents, eventDate, benefits, ...rest } = draft;
      return prisma.$transaction(async (tx) => {
        const created = await tx.sponsorship.create({
          data: {
            ...rest,
            pledgedAmount: pledgedCents === null ? null : centsToDecimal(pledgedCents),
            eventDate: eventDate ? asDate(eventDate) : null,
            benefits: { create: benefits.map((description) => ({ description })) },
            createdBy,
            submissionKey,
            createdAt: at,
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
            at,
          },
        });
        return created;
      });
    },

    /** Ties the sponsorship to its sponsor's contact in the archive. */
    linkContact(id: number, contactId: number): Promise<SponsorshipWithBenefits> {
      return prisma.sponsorship.update({ where: { id }, data: { contactId }, include });
    },

    /**
     * Moves a sponsorship only if it is still in the status it was read in, and records the change;
     * `moved: false` with the latest state when someone else moved it first.
     */
    async moveStatus(options: {
      id: number;
      from: SponsorshipStatus;
      to: SponsorshipStatus;
      action: SponsorshipAction;
      by: string;
      at: Date;
      note: string | null;
      approvalAskedBy?: string;
      approvedBy?: string;
      approvedAt?: Date;
      receivedCents?: bigint | null;
    }): Promise<
      | { moved: true; sponsorship: SponsorshipWithBenefits; changeId: number }
      | { moved: false; sponsorship: SponsorshipWithBenefits }
    > {
      const { id, from, to, action, by, at, note, receivedCents, ...fields } = options;
      return prisma.$transaction(async (tx) => {
        const moved = await tx.sponsorship.updateMany({
          where: { id, status: from },
          data: {
            status: to,
            ...fields,
            ...(receivedCents !== undefined
              ? { receivedAmount: receivedCents === null ? null : centsToDecimal(receivedCents) }
              : {}),
          },
        });
        if (moved.count === 0) {
          const latest = await tx.sponsorship.findUniqueOrThrow({ where: { id }, include });
          return { moved: false, sponsorship: latest } as const;
        }
        const change = await tx.sponsorshipChange.create({
          data: { sponsorshipId: id, action, fromStatus: from, toStatus: to, by, at, note },
        });
        const sponsorship = await tx.sponsorship.findUniqueOrThrow({ where: { id }, include });
        return { moved: true, sponsorship, changeId: change.id } as const;
      });
    },

    history(id: number) {
      return prisma.sponsorshipChange.findMany({ where: { sponsorshipId: id }, orderBy: { id: "asc" } });
    },

    /** Adds a benefit once per `submissionKey`: true when it was added now. */
    async insertBenefitOnce(benefit: {
      sponsorshipId: number;
      description: string;
      owner: string | null;
      dueOn: string | null;
      submissionKey: string;
    }): Promise<boolean> {
      const created = await prisma.sponsorBenefit.createMany({
        data: [{ ...benefit, dueOn: benefit.dueOn ? asDate(benefit.dueOn) : null }],
        skipDuplicates: true,
      });
      return created.count > 0;
    },

    /** Settles the sponsorship's pending benefits among `ids`; returns how many changed. */
    async settlePendingBenefits(options: {
      sponsorshipId: number;
      ids: number[];
      status: "done" | "waived";
      by: string;
      at: Date;
    }): Promise<number> {
      if (options.ids.length === 0) return 0;
      const changed = await prisma.sponsorBenefit.updateMany({
        where: { id: { in: options.ids }, sponsorshipId: options.sponsorshipId, status: "pending" },
        data: { status: options.status, doneBy: options.by, doneAt: options.at },
      });
      return changed.count;
    },

    /** Every term in the organisation, contact person or event, spelt any way; latest first. */
    async search(terms: string[], limit: number): Promise<SponsorshipWithBenefits[]> {
      if (terms.length === 0) return [];
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT id FROM sponsorships s
        WHERE public.grafeio_phonetic(s.organisation || ' ' || coalesce(s.contact_person, '') || ' ' || s.event_name)
              LIKE ALL (SELECT '%' || public.grafeio_phonetic(t) || '%' FROM unnest(${terms}::text[]) AS t)
        ORDER BY s.updated_at DESC LIMIT ${limit}`;
      return prisma.sponsorship.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        include,
        orderBy: { updatedAt: "desc" },
      });
    },

    findOfEvent(eventId: number, statuses: SponsorshipStatus[]): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({
        where: { eventId, status: { in: statuses } },
        include,
        orderBy: { organisation: "asc" },
      });
    },

    findInStatus(status: SponsorshipStatus): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({ where: { status }, include, orderBy: { id: "asc" } });
    },

    /** In one of `statuses`, for an event dated before `day` (YYYY-MM-DD); earliest event first. */
    findWithEventBefore(day: string, statuses: SponsorshipStatus[]): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({
        where: { status: { in: statuses }, eventDate: { lt: asDate(day) } },
        include,
        orderBy: [{ eventDate: "asc" }, { id: "asc" }],
      });
    },

    /** Pending benefits due by `until` (or undated), of sponsorships in one of `statuses`. */
    findPendingBenefitsDueBy(until: string, statuses: SponsorshipStatus[]): Promise<SponsorBenefitWithSponsorship[]> {
      return prisma.sponsorBenefit.findMany({
        where: {
          status: "pending",
          OR: [{ dueOn: null }, { dueOn: { lte: asDate(until) } }],
          sponsorship: { status: { in: statuses } },
        },
        include: { sponsorship: true },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      });
    },

    /**
     * The person out of the registry. A sponsorship is never deleted: it is the municipality's
     * record of what was pledged and received, and the organisation is not the person. So it keeps
     * its organisation unless the sponsor was the person themselves (linked to their contact and
     * named like them: then ERASED_MARK), loses its link to their contact, loses its contact person
     * when that is them (the field holds nothing but a person's name), and every mention of them
     * (name, email, phone) in its notes, documents, description, benefits and history goes.
     */
    async eraseContact(person: ErasedPerson): Promise<ErasedRows[]> {
      const redactor = personRedactor(person);
      const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
      const sponsor = await prisma.$queryRaw<{ id: number }[]>`
        UPDATE sponsorships SET organisation = ${ERASED_MARK}
        WHERE contact_id = ANY(${person.ids}::int[])
          AND public.grafeio_phonetic(organisation) IN
            (SELECT public.grafeio_phonetic(n) FROM unnest(${person.names}::text[]) AS n)
        RETURNING id`;
      const linked = await prisma.$queryRaw<{ id: number }[]>`
        UPDATE sponsorships SET contact_id = NULL WHERE contact_id = ANY(${person.ids}::int[]) RETURNING id`;
      const contactPerson = await rewriteRows(prisma, "sponsorships", ["contact_person"], ([value]) =>
        redactor.mentions(value) ? [null] : undefined,
      );
      const mentioned = await redactTextColumns(
        prisma,
        "sponsorships",
        ["organisation", "notes", "documents", "pledged_description", "event_name"],
        redactor,
      );
      return [
        touchedRows("sponsorships", ids(sponsor), ids(linked), contactPerson, mentioned),
        touchedRows("sponsor_benefits", await redactTextColumns(prisma, "sponsor_benefits", ["description"], redactor)),
        touchedRows("sponsorship_changes", await redactTextColumns(prisma, "sponsorship_changes", ["note"], redactor)),
      ];
    },

    /**
     * The period reports: sponsorships by the event's date in [from, to] (days), or, undated, by
     * when they were entered in [start, end) (the office's midnights).
     */
    findForReport(range: { from: string; to: string; start: Date; end: Date }): Promise<SponsorshipWithBenefits[]> {
      return prisma.sponsorship.findMany({
        where: {
          OR: [
            { eventDate: { gte: asDate(range.from), lte: asDate(range.to) } },
            { eventDate: null, createdAt: { gte: range.start, lt: range.end } },
          ],
        },
        include,
        orderBy: [{ eventName: "asc" }, { organisation: "asc" }],
      });
    },
  };
}

export type SponsorsStore = ReturnType<typeof createSponsorsStore>;
