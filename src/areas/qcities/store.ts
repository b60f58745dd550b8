// Q-Cities in the database: the only file of the area that speaks Prisma (and SQL). No rules here;
// the service decides, this reads and writes.
import {
  Prisma,
  type PrismaClient,
  type QCitiesDue,
  type QCitiesMeeting,
  type QCitiesMember,
  type QCitiesPractice,
} from "../../generated/prisma/client.js";
import { centsToDecimal } from "../../lib/money.js";
import type { DuesDraft, MeetingDraft, MemberDraft, MemberStatus, MinutesDraft, PracticeDraft } from "./rules.js";

export type Member = QCitiesMember;
export type Meeting = QCitiesMeeting;
export type Dues = QCitiesDue;
export type Practice = QCitiesPractice;

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function createQCitiesStore(prisma: PrismaClient) {
  return {
    // Members --------------------------------------------------------------------------------
    findMember: (id: number) => prisma.qCitiesMember.findUnique({ where: { id } }),
    findMemberByPartner: (partnerId: number) => prisma.qCitiesMember.findUnique({ where: { partnerId } }),
    findMemberBySubmissionKey: (submissionKey: string) => prisma.qCitiesMember.findUnique({ where: { submissionKey } }),
    members: () => prisma.qCitiesMember.findMany({ orderBy: [{ joinedOn: "asc" }, { id: "asc" }] }),
    membersByIds: (ids: number[]) => prisma.qCitiesMember.findMany({ where: { id: { in: ids } } }),

    insertMember: (o: { draft: MemberDraft; createdBy: string; submissionKey: string; at: Date }) =>
      prisma.qCitiesMember.create({
        data: {
          partnerId: o.draft.partnerId,
          joinedOn: asDate(o.draft.joinedOn),
          status: o.draft.status,
          createdBy: o.createdBy,
          submissionKey: o.submissionKey,
          createdAt: o.at,
        },
      }),

    /** The member's status, with why; false when it is already that status (a retry). */
    async setMemberStatus(id: number, from: MemberStatus, to: MemberStatus, reason: string | null) {
      const changed = await prisma.qCitiesMember.updateMany({
        where: { id, status: from },
        data: { status: to, statusReason: reason },
      });
      return changed.count > 0;
    },

    // Meetings -------------------------------------------------------------------------------
    findMeeting: (id: number) => prisma.qCitiesMeeting.findUnique({ where: { id } }),
    findMeetingBySubmissionKey: (submissionKey: string) =>
      prisma.qCitiesMeeting.findUnique({ where: { submissionKey } }),
    meetings: (limit: number) =>
      prisma.qCitiesMeeting.findMany({ orderBy: [{ heldOn: "desc" }, { id: "desc" }], take: limit }),

    insertMeeting: (o: { draft: MeetingDraft; createdBy: string; submissionKey: string; at: Date }) =>
      prisma.qCitiesMeeting.create({
        data: {
          ...o.draft,
          heldOn: asDate(o.draft.heldOn),
          createdBy: o.createdBy,
          submissionKey: o.submissionKey,
          createdAt: o.at,
        },
      }),

    /**
     * Records the minutes, if they are not approved yet; keyed by the form, so a retry of the same
     * form writes nothing more. False when nothing was written.
     */
    async recordMinutes(id: number, draft: MinutesDraft, by: string, key: string, at: Date): Promise<boolean> {
      const changed = await prisma.qCitiesMeeting.updateMany({
        where: { id, approvedAt: null, OR: [{ minutesKey: null }, { minutesKey: { not: key } }] },
        data: { ...draft, minutesBy: by, minutesAt: at, minutesKey: key },
      });
      return changed.count > 0;
    },

    /** Approves the recorded minutes once: false when they were not recorded or already approved. */
    async approveMinutes(id: number, by: string, at: Date): Promise<boolean> {
      const changed = await prisma.qCitiesMeeting.updateMany({
        where: { id, approvedAt: null, minutesAt: { not: null } },
        data: { approvedBy: by, approvedAt: at },
      });
      return changed.count > 0;
    },

    // Dues -----------------------------------------------------------------------------------
    findDues: (memberId: number, year: number) =>
      prisma.qCitiesDue.findUnique({ where: { memberId_year: { memberId, year } } }),
    duesOfYear: (year: number) =>
      prisma.qCitiesDue.findMany({ where: { year }, orderBy: [{ dueOn: "asc" }, { memberId: "asc" }] }),
    /** Dues not paid whose day is before `today`, the oldest first. */
    unpaidBefore: (today: string) =>
      prisma.qCitiesDue.findMany({
        where: { paidOn: null, dueOn: { lt: asDate(today) } },
        orderBy: [{ dueOn: "asc" }, { memberId: "asc" }],
      }),

    /**
     * The member's dues for the year, written as the form says (one row per member and year; the
     * same form again, a Slack retry, writes nothing). The payment's recorder and time are kept from when it was
     * first recorded; cleared when the form clears the payment.
     */
    async upsertDues(o: {
      memberId: number;
      draft: DuesDraft;
      by: string;
      at: Date;
      formKey: string;
    }): Promise<{ dues: Dues; written: boolean }> {
      const { draft } = o;
      return prisma.$transaction(async (tx) => {
        const earlier = await tx.qCitiesDue.findUnique({
          where: { memberId_year: { memberId: o.memberId, year: draft.year } },
        });
        if (earlier && earlier.formKey === o.formKey) return { dues: earlier, written: false };
        const samePayment =
          earlier?.paidOn && draft.paidOn && earlier.paidOn.toISOString().slice(0, 10) === draft.paidOn;
        const payment = draft.paidOn
          ? samePayment
            ? {}
            : { paidOn: asDate(draft.paidOn), paidRecordedBy: o.by, paidRecordedAt: o.at }
          : { paidOn: null, paidRecordedBy: null, paidRecordedAt: null };
        const data = {
          amount: centsToDecimal(draft.cents),
          dueOn: asDate(draft.dueOn),
          formKey: o.formKey,
          ...payment,
        };
        if (earlier)
          return {
            dues: await tx.qCitiesDue.update({ where: { id: earlier.id }, data: { ...data, updatedBy: o.by } }),
            written: true,
          };
        const created = await tx.qCitiesDue.create({
          data: { ...data, memberId: o.memberId, year: draft.year, createdBy: o.by, createdAt: o.at },
        });
        return { dues: created, written: true };
      });
    },

    // Practices ------------------------------------------------------------------------------
    findPractice: (id: number) => prisma.qCitiesPractice.findUnique({ where: { id } }),
    findPracticeBySubmissionKey: (submissionKey: string) =>
      prisma.qCitiesPractice.findUnique({ where: { submissionKey } }),
    /** Ids of the members' practices, the newest first. */
    async practiceIdsOfMembers(memberIds: number[]): Promise<number[]> {
      const rows = await prisma.qCitiesPractice.findMany({
        where: { memberId: { in: memberIds } },
        orderBy: { id: "desc" },
        select: { id: true },
        take: 200,
      });
      return rows.map((r) => r.id);
    },
    practicesByIds: (ids: number[]) => prisma.qCitiesPractice.findMany({ where: { id: { in: ids } } }),

    insertPractice: (o: { draft: PracticeDraft; createdBy: string; submissionKey: string; at: Date }) =>
      prisma.qCitiesPractice.create({
        data: { ...o.draft, createdBy: o.createdBy, submissionKey: o.submissionKey, createdAt: o.at },
      }),

    /** The edit, once per form: false when this form's edit was applied already. */
    async updatePractice(id: number, draft: PracticeDraft, by: string, key: string): Promise<boolean> {
      const changed = await prisma.qCitiesPractice.updateMany({
        where: { id, OR: [{ editKey: null }, { editKey: { not: key } }] },
        data: { ...draft, updatedBy: by, editKey: key },
      });
      return changed.count > 0;
    },

    /** The phonetic skeleton of a text (the same function the search columns are built with). */
    async phoneticSkeleton(text: string): Promise<string> {
      const [row] = await prisma.$queryRaw<{ s: string | null }[]>`SELECT public.grafeio_phonetic(${text}) AS s`;
      return row?.s ?? "";
    },

    /**
     * Ids of practices matching the words (Greek or English full text, or the phonetic prefixes),
     * the best matches first, then the newest: the letters' register's search, on this table.
     */
    async findPracticeIdsMatching(text: string, prefixQuery: string | undefined, limit: number, offset: number) {
      const fts = Prisma.sql`(plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${text}))
                            || plainto_tsquery('pg_catalog.english', public.grafeio_unaccent(${text})))`;
      const match = prefixQuery
        ? Prisma.sql`(p.search_fts @@ ${fts} OR p.search_phonetic @@ to_tsquery('pg_catalog.simple', ${prefixQuery}))`
        : Prisma.sql`p.search_fts @@ ${fts}`;
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT p.id FROM qcities_practices p WHERE ${match}
        ORDER BY ts_rank(p.search_fts, ${fts}) DESC, p.id DESC LIMIT ${limit} OFFSET ${offset}`;
      return rows.map((r) => r.id);
    },
  };
}

export type QCitiesStore = ReturnType<typeof createQCitiesStore>;
