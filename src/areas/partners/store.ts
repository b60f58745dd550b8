// The only file of the partners area that talks to Prisma: partners and their people, agreements
// with their parties and steps, obligations and their settled due dates.
import { redactTextColumns, touchedRows } from "../../db/personal-data.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { type ErasedPerson, type ErasedRows, personRedactor } from "../../lib/personal-data.js";
import type { AgreementStatus, AgreementStep, RenewalStage } from "./agreement-flow.js";
import type { AgreementDraft, ObligationDraft, PartnerDraft, PartnerStatus, StepDetails } from "./validation.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayOrNull = (iso: string | null | undefined) => (iso ? day(iso) : null);

const partnerInclude = { contacts: { orderBy: { addedAt: "asc" } } } as const;
const agreementInclude = {
  parties: { include: { partner: true } },
  steps: { orderBy: { at: "asc" } },
  obligations: { include: { occurrences: { orderBy: { dueOn: "asc" } } }, orderBy: { id: "asc" } },
} as const satisfies Prisma.AgreementInclude;
const obligationInclude = {
  occurrences: { orderBy: { dueOn: "asc" } },
  agreement: { include: { parties: { include: { partner: true } } } },
} as const satisfies Prisma.ObligationInclude;

export type Partner = Prisma.PartnerGetPayload<{ include: typeof partnerInclude }>;
export type AgreementRecord = Prisma.AgreementGetPayload<{ include: typeof agreementInclude }>;
export type ObligationRecord = Prisma.ObligationGetPayload<{ include: typeof obligationInclude }>;

/** The statuses in which an agreement's obligations are due. */
const LIVE: AgreementStatus[] = ["signed", "in_force"];

export function createPartnersStore(prisma: PrismaClient) {
  return {
    // --- partners ---------------------------------------------------------------------------
    findPartner: (id: number): Promise<Partner | null> =>
      prisma.partner.findUnique({ where: { id }, include: partnerInclude }),

    findPartnerBySubmissionKey: (submissionKey: string): Promise<Partner | null> =>
      prisma.partner.findUnique({ where: { submissionKey }, include: partnerInclude }),

    insertPartner: (o: {
      draft: PartnerDraft;
      contactId: number | null;
      createdBy: string;
      submissionKey: string;
      at: Date;
    }) =>
      prisma.partner.create({
        data: {
          ...o.draft,
          since: dayOrNull(o.draft.since),
          contactId: o.contactId,
          createdBy: o.createdBy,
          submissionKey: o.submissionKey,
          createdAt: o.at,
        },
        include: partnerInclude,
      }),

    /** An edit, recorded with who and when; once per form (its key). */
    async updatePartner(o: { id: number; draft: PartnerDraft; by: string; at: Date; submissionKey: string }) {
      return prisma.$transaction(async (tx) => {
        const done = await tx.partnerChange.findUnique({ where: { submissionKey: o.submissionKey } });
        if (!done) {
          await tx.partner.update({ where: { id: o.id }, data: { ...o.draft, since: dayOrNull(o.draft.since) } });
          await tx.partnerChange.create({
            data: { partnerId: o.id, what: "edited", by: o.by, at: o.at, submissionKey: o.submissionKey },
          });
        }
        return tx.partner.findUniqueOrThrow({ where: { id: o.id }, include: partnerInclude });
      });
    },

    /** The status changed from the one it was read in, with why; false when someone got there first. */
    async setPartnerStatus(o: {
      id: number;
      from: PartnerStatus;
      to: PartnerStatus;
      reason: string | null;
      by: string;
      at: Date;
      submissionKey: string;
    }): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const moved = await tx.partner.updateMany({
          where: { id: o.id, status: o.from },
          data: { status: o.to, statusReason: o.reason },
        });
        if (moved.count === 0) return false;
        await tx.partnerChange.create({
          data: { partnerId: o.id, what: o.to, reason: o.reason, by: o.by, at: o.at, submissionKey: o.submissionKey },
        });
        return true;
      });
    },

    setOwnContact: (id: number, contactId: number) =>
      prisma.partner.update({ where: { id }, data: { contactId } }).then(() => undefined),

    linkContacts: async (partnerId: number, contactIds: number[], by: string) =>
      (
        await prisma.partnerContact.createMany({
          data: contactIds.map((contactId) => ({ partnerId, contactId, addedBy: by })),
          skipDuplicates: true,
        })
      ).count,

    changesOf: (partnerId: number) => prisma.partnerChange.findMany({ where: { partnerId }, orderBy: { at: "asc" } }),

    /**
     * Partners whose names (Greek and Latin) hold every term, compared through the phonetic
     * skeleton the whole bot searches with (Greek, Greeklish and Latin spellings meet), or whose
     * country is one of `countries`.
     */
    async searchPartners(terms: string[], countries: string[], limit: number): Promise<Partner[]> {
      const words =
        terms.length > 0
          ? Prisma.sql`public.grafeio_phonetic(p.name_el || ' ' || coalesce(p.name_latin, ''))
              LIKE ALL (SELECT '%' || public.grafeio_phonetic(t) || '%' FROM unnest(${terms}::text[]) AS t)`
          : Prisma.sql`TRUE`;
      const country = countries.length > 0 ? Prisma.sql`p.country = ANY(${countries}::text[])` : Prisma.sql`TRUE`;
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT p.id FROM partners p WHERE ${words} AND ${country}
        ORDER BY (p.status = 'ended'), p.name_el, p.id LIMIT ${limit}`;
      const byId = new Map(
        (await prisma.partner.findMany({ where: { id: { in: rows.map((r) => r.id) } }, include: partnerInclude })).map(
          (p) => [p.id, p],
        ),
      );
      return rows.flatMap((r) => byId.get(r.id) ?? []);
    },

    /** Partners in a status (the dormant check, the agreement form's parties). */
    partnersIn: (statuses: PartnerStatus[], limit = 500): Promise<Partner[]> =>
      prisma.partner.findMany({
        where: { status: { in: statuses } },
        include: partnerInclude,
        orderBy: [{ nameEl: "asc" }, { id: "asc" }],
        take: limit,
      }),

    /**
     * A GDPR erasure: the partners stay (a city or a body is not the person), their links to the
     * person's contacts go, and every mention of the person in their notes and reasons, in the
     * agreements' notes and steps and in the obligations' records, is replaced by the mark.
     */
    async eraseContact(person: ErasedPerson): Promise<ErasedRows[]> {
      const redactor = personRedactor(person);
      const links = await prisma.$queryRaw<{ partner_id: number }[]>`
        DELETE FROM partner_contacts WHERE contact_id = ANY(${person.ids}::int[]) RETURNING partner_id`;
      const own = await prisma.$queryRaw<{ id: number }[]>`
        UPDATE partners SET contact_id = NULL WHERE contact_id = ANY(${person.ids}::int[]) RETURNING id`;
      return [
        touchedRows(
          "partner_contacts",
          links.map((l) => l.partner_id),
        ),
        touchedRows(
          "partners",
          own.map((r) => r.id),
          await redactTextColumns(prisma, "partners", ["notes", "status_reason"], redactor),
        ),
        touchedRows("partner_changes", await redactTextColumns(prisma, "partner_changes", ["reason"], redactor)),
        touchedRows("agreements", await redactTextColumns(prisma, "agreements", ["notes"], redactor)),
        touchedRows("agreement_steps", await redactTextColumns(prisma, "agreement_steps", ["note"], redactor)),
        touchedRows(
          "obligation_occurrences",
          await redactTextColumns(prisma, "obligation_occurrences", ["note"], redactor),
        ),
      ];
    },

    // --- agreements ---------------------------------------------------------------------------
    findAgreement: (id: number): Promise<AgreementRecord | null> =>
      prisma.agreement.findUnique({ where: { id }, include: agreementInclude }),

    findAgreementBySubmissionKey: (submissionKey: string): Promise<AgreementRecord | null> =>
      prisma.agreement.findUnique({ where: { submissionKey }, include: agreementInclude }),

    insertAgreement: (o: { draft: AgreementDraft; createdBy: string; submissionKey: string; at: Date }) => {
      const { partyIds, expiresOn, ...fields } = o.draft;
      return prisma.agreement.create({
        data: {
          ...fields,
          expiresOn: dayOrNull(expiresOn),
          createdBy: o.createdBy,
          submissionKey: o.submissionKey,
          parties: { create: partyIds.map((partnerId) => ({ partnerId })) },
          steps: {
            create: { step: "proposal", fromStatus: "proposal", toStatus: "proposal", by: o.createdBy, at: o.at },
          },
        },
        include: agreementInclude,
      });
    },

    /**
     * An edit of the agreement's particulars and parties (never its status or its steps' details),
     * recorded as an `edited` line with who and when, once per form: false when that form's edit is
     * already recorded (a Slack retry), and then nothing is written.
     */
    async editAgreement(o: {
      id: number;
      draft: AgreementDraft;
      by: string;
      at: Date;
      submissionKey: string;
    }): Promise<boolean> {
      const { partyIds, expiresOn, ...fields } = o.draft;
      return prisma.$transaction(async (tx) => {
        const current = await tx.agreement.findUnique({ where: { id: o.id }, select: { status: true } });
        if (!current) return false;
        const recorded = await tx.agreementStep.createMany({
          data: [
            {
              agreementId: o.id,
              step: "edited",
              fromStatus: current.status,
              toStatus: current.status,
              by: o.by,
              at: o.at,
              submissionKey: o.submissionKey,
            },
          ],
          skipDuplicates: true,
        });
        if (recorded.count === 0) return false;
        await tx.agreement.update({ where: { id: o.id }, data: { ...fields, expiresOn: dayOrNull(expiresOn) } });
        await tx.agreementParty.deleteMany({ where: { agreementId: o.id, partnerId: { notIn: partyIds } } });
        await tx.agreementParty.createMany({
          data: partyIds.map((partnerId) => ({ agreementId: o.id, partnerId })),
          skipDuplicates: true,
        });
        return true;
      });
    },

    existingPartnerIds: async (ids: number[]) =>
      (await prisma.partner.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((p) => p.id),

    agreementsOf: (partnerId: number): Promise<AgreementRecord[]> =>
      prisma.agreement.findMany({
        where: { parties: { some: { partnerId } } },
        include: agreementInclude,
        orderBy: { id: "asc" },
      }),

    stepBySubmissionKey: (submissionKey: string) => prisma.agreementStep.findUnique({ where: { submissionKey } }),

    /**
     * A step, once: the status moves only from the one it was read in (a second click, a retry or
     * another manager finds it moved and records nothing), with the step's row in the same
     * transaction.
     */
    async moveAgreement(o: {
      id: number;
      from: AgreementStatus;
      to: AgreementStatus;
      fromStage: RenewalStage | null;
      toStage: RenewalStage | null;
      step: AgreementStep;
      details: StepDetails;
      /** Whether the step's particulars (decision, signature) are the agreement's own. */
      onAgreement: boolean;
      expiresOn?: string | null;
      by: string;
      at: Date;
      submissionKey: string;
    }): Promise<{ moved: true; stepId: number } | { moved: false }> {
      const d = o.onAgreement ? o.details : {};
      return prisma.$transaction(async (tx) => {
        const moved = await tx.agreement.updateMany({
          where: { id: o.id, status: o.from, renewalStage: o.fromStage },
          data: {
            status: o.to,
            renewalStage: o.toStage,
            ...(d.decisionNumber ? { decisionNumber: d.decisionNumber } : {}),
            ...(d.decisionDate ? { decisionDate: day(d.decisionDate) } : {}),
            ...(d.ada ? { ada: d.ada } : {}),
            ...(d.signedOn ? { signedOn: day(d.signedOn) } : {}),
            ...(d.signedPlace ? { signedPlace: d.signedPlace } : {}),
            ...(d.documentUrl ? { documentUrl: d.documentUrl } : {}),
            ...(o.expiresOn !== undefined ? { expiresOn: dayOrNull(o.expiresOn) } : {}),
          },
        });
        if (moved.count === 0) return { moved: false as const };
        const n = o.details;
        const note = [n.decisionNumber, n.decisionDate, n.ada, n.signedPlace, n.expiresOn, n.reason]
          .filter(Boolean)
          .join(" · ");
        const row = await tx.agreementStep.create({
          data: {
            agreementId: o.id,
            step: o.step,
            fromStatus: o.from,
            toStatus: o.to,
            note: note || null,
            by: o.by,
            at: o.at,
            submissionKey: o.submissionKey,
          },
        });
        return { moved: true as const, stepId: row.id };
      });
    },

    agreementsIn: (statuses: AgreementStatus[]): Promise<AgreementRecord[]> =>
      prisma.agreement.findMany({
        where: { status: { in: statuses } },
        include: agreementInclude,
        orderBy: { id: "asc" },
      }),

    allAgreements: (): Promise<AgreementRecord[]> =>
      prisma.agreement.findMany({ include: agreementInclude, orderBy: { id: "asc" } }),

    // --- obligations --------------------------------------------------------------------------
    findObligation: (id: number): Promise<ObligationRecord | null> =>
      prisma.obligation.findUnique({ where: { id }, include: obligationInclude }),

    obligationBySubmissionKey: (submissionKey: string) =>
      prisma.obligation.findUnique({ where: { submissionKey }, include: obligationInclude }),

    insertObligation: (o: { agreementId: number; draft: ObligationDraft; createdBy: string; submissionKey: string }) =>
      prisma.obligation.create({
        data: {
          agreementId: o.agreementId,
          description: o.draft.description,
          owner: o.draft.owner,
          recurrence: o.draft.recurrence,
          firstDueOn: day(o.draft.firstDueOn),
          createdBy: o.createdBy,
          submissionKey: o.submissionKey,
        },
        include: obligationInclude,
      }),

    /** The obligations of agreements signed or in force: what is due. */
    liveObligations: (): Promise<ObligationRecord[]> =>
      prisma.obligation.findMany({
        where: { agreement: { status: { in: LIVE } } },
        include: obligationInclude,
        orderBy: { id: "asc" },
      }),

    /** One due date settled, once: false when it already was (a retry, another person first). */
    async settle(o: {
      obligationId: number;
      dueOn: string;
      outcome: "done" | "waived";
      note: string;
      link: string | null;
      by: string;
      at: Date;
    }): Promise<boolean> {
      const created = await prisma.obligationOccurrence.createMany({
        data: [{ ...o, dueOn: day(o.dueOn) }],
        skipDuplicates: true,
      });
      return created.count === 1;
    },
  };
}

export type PartnersStore = ReturnType<typeof createPartnersStore>;
