// The clippings' reads and writes through Prisma: the register, its topics and departments, the
// replies, the watch list and the day's counts. Functions say what they do; the rules are elsewhere.
import { formatRegisterNumber, takeNextNumber } from "../../db/register-number.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { inGreekOrder } from "../../lib/text.js";
import { changedFields } from "./rules.js";
import type { ClippingDraft, ClippingInput, Medium, Scope, Tone } from "./validation.js";

export const CLIPPINGS_REGISTER = "clippings";

export interface TopicOption {
  id: number;
  nameEl: string;
  nameEn: string;
}

export interface RegisteredClipping {
  id: number;
  registerNumber: string;
  title: string;
  url: string | null;
}

export type StoreCreateResult =
  | { status: "created"; clipping: RegisteredClipping }
  | { status: "already_stored"; clipping: RegisteredClipping }
  | { status: "duplicate_url"; existing: RegisteredClipping };

export interface ClippingForEdit {
  id: number;
  registerNumber: string;
  title: string;
  createdBy: string;
  withdrawn: boolean;
  values: ClippingInput;
  /**
   * The version the form was opened at (updated_at in milliseconds, 0 before any correction): a
   * correction applies only while the clipping is still at it.
   */
  version: number;
}

/** A clipping's version: its last correction's time (strictly increasing, see below), 0 for none. */
const versionOf = (updatedAt: Date | null) => updatedAt?.getTime() ?? 0;

/** A clipping's row as the exports, digests and notices read it. */
export interface ClippingRecord {
  id: number;
  registerNumber: string;
  publishedOn: string;
  title: string;
  outlet: string;
  medium: Medium;
  tone: Tone;
  scope: Scope;
  url: string | null;
  summary: string | null;
  createdBy: string;
  createdAt: Date;
  withdrawReason: string | null;
  withdrawn: boolean;
  topics: TopicOption[];
}

export interface OpenReply {
  id: number;
  registerNumber: string;
  title: string;
  url: string | null;
  assignee: string | null;
  dueOn: string | null;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

const toRegistered = (c: {
  id: number;
  registerYear: number;
  registerSeq: number;
  title: string;
  url: string | null;
}) => ({
  id: c.id,
  registerNumber: formatRegisterNumber(c.registerYear, c.registerSeq),
  title: c.title,
  url: c.url,
});

type ClippingRow = {
  id: number;
  registerYear: number;
  registerSeq: number;
  publishedOn: Date;
  title: string;
  outlet: string;
  medium: Medium;
  tone: Tone;
  scope: Scope;
  url: string | null;
  summary: string | null;
  createdBy: string;
  createdAt: Date;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  topics?: { topic: TopicOption }[];
};

const toRecord = (r: ClippingRow): ClippingRecord => ({
  id: r.id,
  registerNumber: formatRegisterNumber(r.registerYear, r.registerSeq),
  publishedOn: isoDay(r.publishedOn),
  title: r.title,
  outlet: r.outlet,
  medium: r.medium,
  tone: r.tone,
  scope: r.scope,
  url: r.url,
  summary: r.summary,
  createdBy: r.createdBy,
  createdAt: r.createdAt,
  withdrawReason: r.withdrawReason,
  withdrawn: r.withdrawnAt !== null,
  topics: (r.topics ?? []).map(({ topic }) => ({ id: topic.id, nameEl: topic.nameEl, nameEn: topic.nameEn })),
});

/** The columns a validated form fills, the same on creation and on correction. */
function draftColumns(draft: ClippingDraft) {
  return {
    title: draft.title,
    outlet: draft.outlet,
    url: draft.url,
    urlKey: draft.urlKey,
    publishedOn: dayDate(draft.publishedOn),
    medium: draft.medium,
    tone: draft.tone,
    scope: draft.scope,
    summary: draft.summary,
  };
}

/** Both languages' names, so that search finds a clipping by either. */
function topicNamesOf(topics: { nameEl: string; nameEn: string }[]): string {
  return topics.map((tp) => `${tp.nameEl} ${tp.nameEn}`).join(" ");
}

const namesInOrder = (names: string[]) => names.sort().join(", ");

export function createClippingStore({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  return {
    async findBySubmission(submissionKey: string): Promise<RegisteredClipping | null> {
      const found = await prisma.clipping.findUnique({ where: { submissionKey } });
      return found ? toRegistered(found) : null;
    },

    listActiveTopics: async (): Promise<TopicOption[]> =>
      inGreekOrder(
        await prisma.topic.findMany({ where: { active: true }, select: { id: true, nameEl: true, nameEn: true } }),
      ),

    /** Adds the topic of that slug, or brings it back with these names. */
    async upsertTopic(slug: string, names: { nameEl: string; nameEn: string }) {
      const existing = await prisma.topic.findUnique({ where: { slug } });
      const topic = await prisma.topic.upsert({
        where: { slug },
        create: { slug, ...names },
        update: { active: true, ...names },
        select: { id: true, nameEl: true, nameEn: true },
      });
      return { ...topic, created: existing === null };
    },

    listActiveDepartments: async (): Promise<TopicOption[]> =>
      inGreekOrder(
        await prisma.department.findMany({ where: { active: true }, select: { id: true, nameEl: true, nameEn: true } }),
      ),

    listDepartments: async () => inGreekOrder(await prisma.department.findMany()),

    async setDepartmentChannel(slug: string, channelId: string | null): Promise<boolean> {
      const r = await prisma.department.updateMany({ where: { slug }, data: { channelId } });
      return r.count === 1;
    },

    async findForEdit(id: number): Promise<ClippingForEdit | null> {
      const c = await prisma.clipping.findUnique({ where: { id }, include: { topics: true, departments: true } });
      if (!c) return null;
      return {
        id: c.id,
        registerNumber: formatRegisterNumber(c.registerYear, c.registerSeq),
        title: c.title,
        createdBy: c.createdBy,
        withdrawn: c.withdrawnAt !== null,
        version: versionOf(c.updatedAt),
        values: {
          title: c.title,
          outlet: c.outlet,
          url: c.url ?? undefined,
          publishedOn: isoDay(c.publishedOn),
          medium: c.medium,
          tone: c.tone,
          scope: c.scope,
          summary: c.summary ?? undefined,
          topicIds: c.topics.map((tp) => String(tp.topicId)),
          departmentIds: c.departments.map((d) => String(d.departmentId)),
        },
      };
    },

    async findByUrlKey(key: string): Promise<RegisteredClipping | null> {
      const found = await prisma.clipping.findFirst({ where: { urlKey: key }, orderBy: { id: "asc" } });
      return found ? toRegistered(found) : null;
    },

    history: (id: number) => prisma.clippingChange.findMany({ where: { clippingId: id }, orderBy: { id: "asc" } }),

    /**
     * Writes a correction and records each changed field with who and when, in one transaction.
     * The register number never changes. It applies only if the clipping is still at `version`
     * (what the form was opened at): a form submitted after someone else's correction, or replayed,
     * would otherwise put back what that correction changed ("stale": nothing written).
     */
    async updateClippingRecordingChanges({
      id,
      draft,
      by,
      version,
    }: {
      id: number;
      draft: ClippingDraft;
      by: string;
      version: number;
    }): Promise<"updated" | "unchanged" | "stale" | "not_found"> {
      return prisma.$transaction(async (tx) => {
        const c = await tx.clipping.findUnique({
          where: { id },
          include: { topics: { include: { topic: true } }, departments: { include: { department: true } } },
        });
        if (!c) return "not_found";
        const chosenDepartments = await tx.department.findMany({ where: { id: { in: draft.departmentIds } } });
        const chosen = await tx.topic.findMany({ where: { id: { in: draft.topicIds } }, orderBy: { id: "asc" } });
        const before: Record<string, string | null> = {
          title: c.title,
          outlet: c.outlet,
          url: c.url,
          publishedOn: isoDay(c.publishedOn),
          medium: c.medium,
          tone: c.tone,
          scope: c.scope,
          summary: c.summary,
          topics: namesInOrder(c.topics.map(({ topic }) => topic.nameEl)),
          departments: namesInOrder(c.departments.map(({ department }) => department.nameEl)),
        };
        const after: Record<string, string | null> = {
          title: draft.title,
          outlet: draft.outlet,
          url: draft.url,
          publishedOn: draft.publishedOn,
          medium: draft.medium,
          tone: draft.tone,
          scope: draft.scope,
          summary: draft.summary,
          topics: namesInOrder(chosen.map((tp) => tp.nameEl)),
          departments: namesInOrder(chosenDepartments.map((d) => d.nameEl)),
        };
        const changed = changedFields(before, after);
        // Nothing to change (a second delivery of the same submission, say): true whatever the version.
        if (changed.length === 0) return "unchanged";
        if (versionOf(c.updatedAt) !== version) return "stale";
        const now = clock.now();
        // The version must move with every correction, even two in the same millisecond (or under
        // a clock that stands still): one millisecond past the last at least.
        const stamp = new Date(Math.max(now.getTime(), versionOf(c.updatedAt) + 1));
        // Claimed with a condition, so that of two corrections from the same version racing each
        // other only one writes (the other waits on the row, then finds it moved on).
        const claimed = await tx.clipping.updateMany({
          where: { id, updatedAt: c.updatedAt },
          data: { updatedAt: stamp },
        });
        if (claimed.count === 0) return "stale";
        await tx.clipping.update({
          where: { id },
          data: {
            ...draftColumns(draft),
            topicNames: topicNamesOf(chosen),
            updatedAt: stamp,
            topics: { deleteMany: {}, create: draft.topicIds.map((topicId) => ({ topicId })) },
            departments: { deleteMany: {}, create: draft.departmentIds.map((departmentId) => ({ departmentId })) },
          },
        });
        await tx.clippingChange.createMany({
          data: changed.map((field) => ({
            clippingId: id,
            changedBy: by,
            changedAt: now,
            field,
            oldValue: before[field],
            newValue: after[field],
          })),
        });
        return "updated";
      });
    },

    /** Marks a clipping withdrawn (its number stays taken) and records it. */
    async withdrawClippingRecording({
      id,
      by,
      reason,
    }: {
      id: number;
      by: string;
      reason: string;
    }): Promise<"withdrawn" | "already" | "not_found"> {
      return prisma.$transaction(async (tx) => {
        const now = clock.now();
        const r = await tx.clipping.updateMany({
          where: { id, withdrawnAt: null },
          data: { withdrawnAt: now, withdrawnBy: by, withdrawReason: reason },
        });
        if (r.count === 0) return (await tx.clipping.count({ where: { id } })) ? "already" : "not_found";
        await tx.clippingChange.create({
          data: { clippingId: id, changedBy: by, changedAt: now, field: "withdrawn", oldValue: null, newValue: reason },
        });
        return "withdrawn";
      });
    },

    /**
     * Inserts a clipping under the next register number of `year`, unless this submission was
     * stored before, or its link is in the register and the user has not accepted that entry.
     */
    async insertClipping(options: {
      year: number;
      draft: ClippingDraft;
      createdBy: string;
      submissionKey: string;
      acceptDuplicateOf?: number;
      source?: { channel: string; ts: string };
    }): Promise<StoreCreateResult> {
      const { year, draft, createdBy, submissionKey, acceptDuplicateOf, source } = options;
      return prisma.$transaction(async (tx) => {
        const previous = await tx.clipping.findUnique({ where: { submissionKey } });
        if (previous) return { status: "already_stored", clipping: toRegistered(previous) } as const;
        if (draft.urlKey) {
          // Under READ COMMITTED each statement sees what has committed by then: a simultaneous
          // delivery of this same submission can commit between the look-up above and this one.
          // It is this submission, not a duplicate link.
          const mine = await tx.clipping.findUnique({ where: { submissionKey } });
          if (mine) return { status: "already_stored", clipping: toRegistered(mine) } as const;
          const existing = await tx.clipping.findFirst({ where: { urlKey: draft.urlKey }, orderBy: { id: "asc" } });
          if (existing?.submissionKey === submissionKey) {
            return { status: "already_stored", clipping: toRegistered(existing) } as const;
          }
          if (existing && existing.id !== acceptDuplicateOf) {
            return { status: "duplicate_url", existing: toRegistered(existing) } as const;
          }
        }
        const seq = await takeNextNumber(tx, CLIPPINGS_REGISTER, year);
        const chosen = await tx.topic.findMany({ where: { id: { in: draft.topicIds } } });
        const created = await tx.clipping.create({
          data: {
            registerYear: year,
            registerSeq: seq,
            ...draftColumns(draft),
            createdBy,
            submissionKey,
            sourceChannel: source?.channel,
            sourceTs: source?.ts,
            topicNames: topicNamesOf(chosen),
            topics: { create: draft.topicIds.map((topicId) => ({ topicId })) },
            departments: { create: draft.departmentIds.map((departmentId) => ({ departmentId })) },
          },
        });
        return { status: "created", clipping: toRegistered(created) } as const;
      });
    },

    /** Clippings published in the range (YYYY-MM-DD, inclusive), in register order, with topics. */
    async clippingsPublishedBetween(from: string, to: string): Promise<ClippingRecord[]> {
      const rows = await prisma.clipping.findMany({
        where: { publishedOn: { gte: dayDate(from), lte: dayDate(to) } },
        orderBy: [{ registerYear: "asc" }, { registerSeq: "asc" }],
        include: { topics: { include: { topic: true } } },
      });
      return rows.map(toRecord);
    },

    /** The replies asked of the clippings published in a range (the period reports): due, closed. */
    async repliesOfPublishedBetween(from: string, to: string) {
      const rows = await prisma.clipping.findMany({
        where: { publishedOn: { gte: dayDate(from), lte: dayDate(to) }, needsReply: true, withdrawnAt: null },
        select: { id: true, replyDueOn: true, replyClosedAt: true },
      });
      return rows.map((r) => ({
        id: r.id,
        dueOn: r.replyDueOn ? isoDay(r.replyDueOn) : null,
        closedAt: r.replyClosedAt,
      }));
    },

    /** Clippings registered in [since, until), not withdrawn, in register order, with topics. */
    async clippingsRegisteredBetween(since: Date, until: Date): Promise<ClippingRecord[]> {
      const rows = await prisma.clipping.findMany({
        where: { createdAt: { gte: since, lt: until }, withdrawnAt: null },
        orderBy: [{ registerYear: "asc" }, { registerSeq: "asc" }],
        include: { topics: { include: { topic: true } } },
      });
      return rows.map(toRecord);
    },

    async findClipping(id: number): Promise<ClippingRecord | null> {
      const row = await prisma.clipping.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    /** The departments a clipping concerns, with their channels. */
    async departmentsOfClipping(clippingId: number) {
      const rows = await prisma.clippingDepartment.findMany({ where: { clippingId }, include: { department: true } });
      return rows.map(({ department }) => ({
        id: department.id,
        nameEl: department.nameEl,
        nameEn: department.nameEn,
        channelId: department.channelId,
      }));
    },

    listWatchTerms: () => prisma.watchTerm.findMany({ orderBy: { term: "asc" } }),

    upsertWatchTerm: ({ term, channelId, by }: { term: string; channelId: string; by: string }) =>
      prisma.watchTerm.upsert({
        where: { term },
        create: { term, channelId, createdBy: by },
        update: { channelId },
      }),

    async deleteWatchTerm(id: number): Promise<void> {
      await prisma.watchTerm.delete({ where: { id } });
    },

    /** The watched terms a clipping matches, by the same stems and skeleton as the search. */
    async watchTermsMatching(clippingId: number) {
      const terms = await prisma.watchTerm.findMany({ orderBy: { id: "asc" } });
      const matched: typeof terms = [];
      for (const term of terms) {
        const hit = await prisma.$queryRaw<{ id: number }[]>`SELECT c.id FROM clippings c WHERE c.id = ${clippingId}
        AND (c.search_fts @@ plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${term.term}))
          OR c.search_phonetic @@ public.grafeio_stem_query(${term.term}))`;
        if (hit.length) matched.push(term);
      }
      return matched;
    },

    /** Clippings registered in [dayStart, dayEnd) and their negative ones; and in the 28 days before. */
    async countsAround({ dayStart, dayEnd }: { dayStart: Date; dayEnd: Date }) {
      const [today] = await prisma.$queryRaw<{ total: bigint | number; negative: bigint | number }[]>`
        SELECT count(*) AS total, count(*) FILTER (WHERE tone = 'negative') AS negative
        FROM clippings WHERE created_at >= ${dayStart} AND created_at < ${dayEnd} AND withdrawn_at IS NULL`;
      const before = new Date(dayStart.getTime() - 28 * 86400_000);
      const [past] = await prisma.$queryRaw<{ total: bigint | number }[]>`
        SELECT count(*) AS total FROM clippings WHERE created_at >= ${before} AND created_at < ${dayStart} AND withdrawn_at IS NULL`;
      return {
        total: Number(today?.total ?? 0),
        negative: Number(today?.negative ?? 0),
        pastTotal: Number(past?.total ?? 0),
      };
    },

    /**
     * Marks a clipping as needing a reply (again, if it had been closed). The same open request
     * made twice changes nothing the second time.
     */
    async markNeedsReply({
      id,
      assignee,
      dueOn,
      by,
    }: {
      id: number;
      assignee: string;
      dueOn: string;
      by: string;
    }): Promise<"requested" | "unchanged" | "not_found"> {
      return prisma.$transaction(async (tx) => {
        const now = clock.now();
        const due = dayDate(dueOn);
        const same = await tx.clipping.count({
          where: { id, needsReply: true, replyClosedAt: null, replyAssignee: assignee, replyDueOn: due },
        });
        if (same > 0) return "unchanged";
        const r = await tx.clipping.updateMany({
          where: { id },
          data: {
            needsReply: true,
            replyAssignee: assignee,
            replyDueOn: due,
            replyClosedAt: null,
            replyClosedBy: null,
            replyText: null,
          },
        });
        if (r.count === 0) return "not_found";
        await tx.clippingChange.create({
          data: {
            clippingId: id,
            changedBy: by,
            changedAt: now,
            field: "reply_requested",
            oldValue: null,
            newValue: `${assignee} ${dueOn}`,
          },
        });
        return "requested";
      });
    },

    async closeOpenReply({ id, text, by }: { id: number; text: string; by: string }): Promise<"closed" | "not_open"> {
      return prisma.$transaction(async (tx) => {
        const now = clock.now();
        const r = await tx.clipping.updateMany({
          where: { id, needsReply: true, replyClosedAt: null },
          data: { replyClosedAt: now, replyClosedBy: by, replyText: text },
        });
        if (r.count === 0) return "not_open";
        await tx.clippingChange.create({
          data: {
            clippingId: id,
            changedBy: by,
            changedAt: now,
            field: "reply_closed",
            oldValue: null,
            newValue: text,
          },
        });
        return "closed";
      });
    },

    /** Open replies, the most urgent first; `dueBy` keeps those due on or before that day. */
    async findOpenReplies({ dueBy }: { dueBy?: string } = {}): Promise<OpenReply[]> {
      const rows = await prisma.clipping.findMany({
        where: {
          needsReply: true,
          replyClosedAt: null,
          withdrawnAt: null,
          ...(dueBy ? { replyDueOn: { lte: dayDate(dueBy) } } : {}),
        },
        orderBy: [{ replyDueOn: "asc" }, { id: "asc" }],
      });
      return rows.map((r) => ({
        id: r.id,
        registerNumber: formatRegisterNumber(r.registerYear, r.registerSeq),
        title: r.title,
        url: r.url,
        assignee: r.replyAssignee,
        dueOn: r.replyDueOn ? isoDay(r.replyDueOn) : null,
      }));
    },
  };
}

export type ClippingStore = ReturnType<typeof createClippingStore>;
