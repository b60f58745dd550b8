// The only file of the networks area that talks to Prisma: networks with their membership, dues
// and delegates; meetings with the managers' decision and the delegate's report; follow-up actions.
import { redactTextColumns, touchedRows } from "../../db/personal-data.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { centsToDecimal } from "../../lib/money.js";
import { type ErasedPerson, type ErasedRows, personRedactor } from "../../lib/personal-data.js";
import type { DecisionDraft, DuesDraft, MeetingDraft, NetworkDraft } from "./rules.js";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayOrNull = (iso: string | null | undefined) => (iso ? day(iso) : null);

const networkInclude = {
  dues: { orderBy: { year: "desc" } },
  delegates: { orderBy: [{ forum: "asc" }, { addedAt: "asc" }] },
} as const satisfies Prisma.NetworkInclude;
const meetingInclude = {
  network: true,
  followUps: { orderBy: { id: "asc" } },
} as const satisfies Prisma.NetworkMeetingInclude;
const followUpInclude = { meeting: { include: { network: true } } } as const satisfies Prisma.MeetingFollowUpInclude;

export type NetworkRecord = Prisma.NetworkGetPayload<{ include: typeof networkInclude }>;
export type MeetingRecord = Prisma.NetworkMeetingGetPayload<{ include: typeof meetingInclude }>;
export type FollowUpRecord = Prisma.MeetingFollowUpGetPayload<{ include: typeof followUpInclude }>;
export type DuesRecord = NetworkRecord["dues"][number];

const networkData = (d: NetworkDraft) => ({
  ...d,
  memberSince: dayOrNull(d.memberSince),
  decisionDate: dayOrNull(d.decisionDate),
});

export function createNetworksStore(prisma: PrismaClient) {
  return {
    // --- networks -----------------------------------------------------------------------------
    findNetwork: (id: number): Promise<NetworkRecord | null> =>
      prisma.network.findUnique({ where: { id }, include: networkInclude }),

    networkBySubmissionKey: (submissionKey: string) =>
      prisma.network.findUnique({ where: { submissionKey }, include: networkInclude }),

    insertNetwork: (o: { draft: NetworkDraft; createdBy: string; submissionKey: string; at: Date }) =>
      prisma.network.create({
        data: { ...networkData(o.draft), createdBy: o.createdBy, submissionKey: o.submissionKey, createdAt: o.at },
        include: networkInclude,
      }),

    updateNetwork: (id: number, draft: NetworkDraft) =>
      prisma.network.update({ where: { id }, data: networkData(draft), include: networkInclude }),

    allNetworks: (): Promise<NetworkRecord[]> =>
      prisma.network.findMany({ include: networkInclude, orderBy: [{ name: "asc" }, { id: "asc" }] }),

    /** Networks whose names (Greek and Latin) hold every term, through the search's phonetic skeleton. */
    async searchNetworks(terms: string[], limit: number): Promise<NetworkRecord[]> {
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT n.id FROM networks n
        WHERE public.grafeio_phonetic(n.name || ' ' || coalesce(n.name_latin, ''))
          LIKE ALL (SELECT '%' || public.grafeio_phonetic(t) || '%' FROM unnest(${terms}::text[]) AS t)
        ORDER BY n.name, n.id LIMIT ${limit}`;
      const byId = new Map(
        (await prisma.network.findMany({ where: { id: { in: rows.map((r) => r.id) } }, include: networkInclude })).map(
          (n) => [n.id, n],
        ),
      );
      return rows.flatMap((r) => byId.get(r.id) ?? []);
    },

    // --- dues ---------------------------------------------------------------------------------
    duesBySubmissionKey: (submissionKey: string) => prisma.networkDues.findUnique({ where: { submissionKey } }),

    /** The year's dues, once per network and year: false when the year already has them. */
    async insertDues(o: { networkId: number; draft: DuesDraft; createdBy: string; submissionKey: string }) {
      const created = await prisma.networkDues.createMany({
        data: [
          {
            networkId: o.networkId,
            year: o.draft.year,
            amount: new Prisma.Decimal(centsToDecimal(o.draft.cents)),
            dueOn: day(o.draft.dueOn),
            createdBy: o.createdBy,
            submissionKey: o.submissionKey,
          },
        ],
        skipDuplicates: true,
      });
      return created.count === 1;
    },

    findDues: (id: number) => prisma.networkDues.findUnique({ where: { id }, include: { network: true } }),

    /** Paid, once: false when it already was. */
    async markPaid(o: { id: number; paidOn: string; by: string }): Promise<boolean> {
      const done = await prisma.networkDues.updateMany({
        where: { id: o.id, paidOn: null },
        data: { paidOn: day(o.paidOn), paidBy: o.by },
      });
      return done.count === 1;
    },

    /** Dues not paid whose due date is before `today`. */
    unpaidBefore: (today: string) =>
      prisma.networkDues.findMany({
        where: { paidOn: null, dueOn: { lt: day(today) } },
        include: { network: true },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      }),

    // --- delegates ----------------------------------------------------------------------------
    addDelegates: async (networkId: number, forum: string, userIds: string[], by: string) =>
      (
        await prisma.networkDelegate.createMany({
          data: userIds.map((userId) => ({ networkId, forum, userId, addedBy: by })),
          skipDuplicates: true,
        })
      ).count,

    // --- meetings -----------------------------------------------------------------------------
    findMeeting: (id: number): Promise<MeetingRecord | null> =>
      prisma.networkMeeting.findUnique({ where: { id }, include: meetingInclude }),

    meetingBySubmissionKey: (submissionKey: string) =>
      prisma.networkMeeting.findUnique({ where: { submissionKey }, include: meetingInclude }),

    /** The meeting made of a letter of the correspondence register, if one was. */
    meetingOfLetter: (letterId: number): Promise<MeetingRecord | null> =>
      prisma.networkMeeting.findUnique({ where: { letterId }, include: meetingInclude }),

    /** Which of these letters became a meeting, and which. */
    meetingIdsOfLetters: async (letterIds: number[]): Promise<{ id: number; letterId: number }[]> =>
      (
        await prisma.networkMeeting.findMany({
          where: { letterId: { in: letterIds } },
          select: { id: true, letterId: true },
        })
      ).flatMap((m) => (m.letterId === null ? [] : [{ id: m.id, letterId: m.letterId }])),

    insertMeeting: (o: {
      draft: MeetingDraft;
      letterId?: number | null;
      createdBy: string;
      submissionKey: string;
      at: Date;
    }) =>
      prisma.networkMeeting.create({
        data: {
          ...o.draft,
          letterId: o.letterId ?? null,
          startsOn: day(o.draft.startsOn),
          endsOn: dayOrNull(o.draft.endsOn),
          registrationDeadline: dayOrNull(o.draft.registrationDeadline),
          createdBy: o.createdBy,
          submissionKey: o.submissionKey,
          createdAt: o.at,
        },
        include: meetingInclude,
      }),

    /** The decision, once: written only while none is recorded (a retry or a second manager: false). */
    async decide(o: { id: number; draft: DecisionDraft; by: string; at: Date }): Promise<boolean> {
      const done = await prisma.networkMeeting.updateMany({
        where: { id: o.id, decision: null },
        data: {
          decision: o.draft.decision,
          attendees: o.draft.attendees,
          decisionReason: o.draft.reason,
          decidedBy: o.by,
          decidedAt: o.at,
        },
      });
      return done.count === 1;
    },

    /**
     * The report, once, with its follow-up actions in the same transaction: written only while none
     * is recorded (a retry or a second delegate: false, and nothing more is written).
     */
    async report(o: {
      id: number;
      outcomes: string;
      followUps: { description: string; owner: string; dueOn: string }[];
      by: string;
      at: Date;
    }): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const done = await tx.networkMeeting.updateMany({
          where: { id: o.id, reportedAt: null, decision: "attend" },
          data: { outcomes: o.outcomes, reportedBy: o.by, reportedAt: o.at },
        });
        if (done.count === 0) return false;
        await tx.meetingFollowUp.createMany({
          data: o.followUps.map((f) => ({
            meetingId: o.id,
            description: f.description,
            owner: f.owner,
            dueOn: day(f.dueOn),
          })),
        });
        return true;
      });
    },

    setContacts: (id: number, contactIds: number[]) =>
      prisma.networkMeeting.update({ where: { id }, data: { contactIds } }).then(() => undefined),

    /** Meetings starting in [from, to] (days), or whose registration closes then. */
    meetingsAround: (from: string, to: string): Promise<MeetingRecord[]> =>
      prisma.networkMeeting.findMany({
        where: {
          OR: [
            { startsOn: { gte: day(from), lte: day(to) } },
            { registrationDeadline: { gte: day(from), lte: day(to) } },
          ],
        },
        include: meetingInclude,
        orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      }),

    /** Meetings attended, not yet reported, that began on or after `since`. */
    unreported: (since: string): Promise<MeetingRecord[]> =>
      prisma.networkMeeting.findMany({
        where: { decision: "attend", reportedAt: null, startsOn: { gte: day(since) } },
        include: meetingInclude,
        orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      }),

    /** Meetings that began in [from, to]: the period reports. */
    meetingsBetween: (from: string, to: string): Promise<MeetingRecord[]> =>
      prisma.networkMeeting.findMany({
        where: { startsOn: { gte: day(from), lte: day(to) } },
        include: meetingInclude,
        orderBy: [{ startsOn: "asc" }, { id: "asc" }],
      }),

    meetingsOf: (host: { networkId?: number; partnerId?: number }, limit = 10): Promise<MeetingRecord[]> =>
      prisma.networkMeeting.findMany({
        where: host.networkId ? { networkId: host.networkId } : { partnerId: host.partnerId },
        include: meetingInclude,
        orderBy: [{ startsOn: "desc" }, { id: "desc" }],
        take: limit,
      }),

    allMeetings: (): Promise<MeetingRecord[]> =>
      prisma.networkMeeting.findMany({ include: meetingInclude, orderBy: [{ startsOn: "asc" }, { id: "asc" }] }),

    // --- follow-up actions --------------------------------------------------------------------
    findFollowUp: (id: number): Promise<FollowUpRecord | null> =>
      prisma.meetingFollowUp.findUnique({ where: { id }, include: followUpInclude }),

    /** Done, once: false when it already was. */
    async followUpDone(o: { id: number; by: string; at: Date }): Promise<boolean> {
      const done = await prisma.meetingFollowUp.updateMany({
        where: { id: o.id, doneAt: null },
        data: { doneAt: o.at, doneBy: o.by },
      });
      return done.count === 1;
    },

    /** Open follow-up actions due in [from, to]; with an owner, only theirs. */
    openFollowUps: (o: { from?: string; to?: string; owner?: string }): Promise<FollowUpRecord[]> =>
      prisma.meetingFollowUp.findMany({
        where: {
          doneAt: null,
          ...(o.owner ? { owner: o.owner } : {}),
          dueOn: { ...(o.from ? { gte: day(o.from) } : {}), ...(o.to ? { lte: day(o.to) } : {}) },
        },
        include: followUpInclude,
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      }),

    /**
     * A GDPR erasure: the meetings' links to the person's contacts go, and every mention of the
     * person in the free text (notes, agendas, reasons, outcomes, follow-up actions) is replaced by
     * the mark.
     */
    async eraseContact(person: ErasedPerson): Promise<ErasedRows[]> {
      const redactor = personRedactor(person);
      const unlinked = await prisma.$queryRaw<{ id: number }[]>`
        UPDATE network_meetings
        SET contact_ids = ARRAY(SELECT c FROM unnest(contact_ids) AS c WHERE c <> ALL(${person.ids}::int[]))
        WHERE contact_ids && ${person.ids}::int[] RETURNING id`;
      return [
        touchedRows("networks", await redactTextColumns(prisma, "networks", ["notes"], redactor)),
        touchedRows(
          "network_meetings",
          unlinked.map((r) => r.id),
          await redactTextColumns(prisma, "network_meetings", ["agenda", "decision_reason", "outcomes"], redactor),
        ),
        touchedRows(
          "meeting_follow_ups",
          await redactTextColumns(prisma, "meeting_follow_ups", ["description"], redactor),
        ),
      ];
    },
  };
}

export type NetworksStore = ReturnType<typeof createNetworksStore>;
