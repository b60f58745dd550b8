// The press-clippings register: topics to choose from, and entering a clipping exactly once.

import { isUniqueViolation } from "../../db/errors.js";
import { formatRegisterNumber, takeNextNumber } from "../../db/register-number.js";
import type { LocaleCode } from "../../i18n/index.js";
import { localDate, localYear } from "../../lib/clock.js";
import { foldGreek } from "../../lib/text.js";
import type { DomainDeps } from "../deps.js";
import { clippingsForExport, type ExportRange } from "./clipping-export.js";
import type { ClippingDraft, ClippingInput } from "./validation.js";

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

export type CreateClippingResult =
  | { status: "created"; clipping: RegisteredClipping }
  /** The same submission (a Slack retry or a double click) was stored before. */
  | { status: "already_stored"; clipping: RegisteredClipping }
  /** The link is already in the register; nothing was stored. */
  | { status: "duplicate_url"; existing: RegisteredClipping };

// Every modal lists the topics; they change rarely, so a short cache saves a query per modal.
// Another process's change shows within this time.
const TOPICS_CACHE_MS = 30_000;

export function createClippingService({ prisma, clock, timeZone }: DomainDeps) {
  let topicsCache: { at: number; topics: TopicOption[] } | undefined;
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

  async function findBySubmission(submissionKey: string) {
    const found = await prisma.clipping.findUnique({ where: { submissionKey } });
    return found ? toRegistered(found) : null;
  }

  return {
    /** The office's calendar date today, which bounds publication dates. */
    today: () => localDate(clock.now(), timeZone),

    async listActiveTopics(): Promise<TopicOption[]> {
      const now = clock.now().getTime();
      if (topicsCache && now - topicsCache.at >= 0 && now - topicsCache.at < TOPICS_CACHE_MS) return topicsCache.topics;
      const topics = await prisma.topic.findMany({
        where: { active: true },
        orderBy: { nameEl: "asc" },
        select: { id: true, nameEl: true, nameEn: true },
      });
      topicsCache = { at: now, topics };
      return topics;
    },

    /** Adds a topic the office uses (or brings back one that was retired). */
    async addTopic({
      nameEl,
      nameEn,
    }: {
      nameEl: string;
      nameEn: string;
    }): Promise<TopicOption & { created: boolean }> {
      const slug = foldGreek(nameEl)
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-|-$/g, "");
      const existing = await prisma.topic.findUnique({ where: { slug } });
      const topic = await prisma.topic.upsert({
        where: { slug },
        create: { slug, nameEl, nameEn },
        update: { active: true, nameEl, nameEn },
        select: { id: true, nameEl: true, nameEn: true },
      });
      topicsCache = undefined;
      return { ...topic, created: existing === null };
    },

    /** A clipping as the form shows it, with what decides who may change it. */
    async findForEdit(id: number) {
      const c = await prisma.clipping.findUnique({ where: { id }, include: { topics: true, departments: true } });
      if (!c) return null;
      const values: ClippingInput = {
        title: c.title,
        outlet: c.outlet,
        url: c.url ?? undefined,
        publishedOn: c.publishedOn.toISOString().slice(0, 10),
        medium: c.medium,
        tone: c.tone,
        scope: c.scope,
        summary: c.summary ?? undefined,
        topicIds: c.topics.map((tp) => String(tp.topicId)),
        departmentIds: c.departments.map((d) => String(d.departmentId)),
      };
      return {
        id: c.id,
        registerNumber: formatRegisterNumber(c.registerYear, c.registerSeq),
        title: c.title,
        createdBy: c.createdBy,
        withdrawn: c.withdrawnAt !== null,
        values,
      };
    },

    /**
     * Changes a clipping; every changed field is recorded with who and when, in the same
     * transaction. Its register number never changes.
     */
    async updateClipping({
      id,
      draft,
      by,
    }: {
      id: number;
      draft: ClippingDraft;
      by: string;
    }): Promise<"updated" | "unchanged" | "not_found"> {
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
          publishedOn: c.publishedOn.toISOString().slice(0, 10),
          medium: c.medium,
          tone: c.tone,
          scope: c.scope,
          summary: c.summary,
          topics: c.topics
            .map(({ topic }) => topic.nameEl)
            .sort()
            .join(", "),
          departments: c.departments
            .map(({ department }) => department.nameEl)
            .sort()
            .join(", "),
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
          topics: chosen
            .map((tp) => tp.nameEl)
            .sort()
            .join(", "),
          departments: chosenDepartments
            .map((d) => d.nameEl)
            .sort()
            .join(", "),
        };
        const changed = Object.keys(after).filter((k) => before[k] !== after[k]);
        if (changed.length === 0) return "unchanged";
        const now = clock.now();
        await tx.clipping.update({
          where: { id },
          data: {
            ...draftColumns(draft),
            topicNames: topicNamesOf(chosen),
            updatedAt: now,
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

    /** Withdraws a clipping from the register without deleting it: its number stays taken. */
    async withdrawClipping({
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

    async history(id: number) {
      return prisma.clippingChange.findMany({ where: { clippingId: id }, orderBy: { id: "asc" } });
    },

    /** Clippings published in a range, in register order, as export rows in the reader's language. */
    rowsForExport(range: ExportRange, locale: LocaleCode) {
      return clippingsForExport(prisma, range, locale);
    },

    async listActiveDepartments(): Promise<TopicOption[]> {
      return prisma.department.findMany({
        where: { active: true },
        orderBy: { nameEl: "asc" },
        select: { id: true, nameEl: true, nameEn: true },
      });
    },

    async listDepartments() {
      return prisma.department.findMany({ orderBy: { nameEl: "asc" } });
    },

    /** Gives a department a channel for notices (or none). False if there is no such department. */
    async setDepartmentChannel(slug: string, channelId: string | null): Promise<boolean> {
      const r = await prisma.department.updateMany({ where: { slug }, data: { channelId } });
      return r.count === 1;
    },

    async findByUrlKey(key: string): Promise<RegisteredClipping | null> {
      const found = await prisma.clipping.findFirst({ where: { urlKey: key }, orderBy: { id: "asc" } });
      return found ? toRegistered(found) : null;
    },

    /**
     * Enters a clipping under the next register number of the current year (in the office's time
     * zone). `submissionKey` (the Slack view id) makes a repeated submission return the first one.
     */
    async createClipping(options: {
      draft: ClippingDraft;
      createdBy: string;
      submissionKey: string;
      /** The user saw the duplicate-link warning for this entry and chose to go on. */
      acceptDuplicateOf?: number;
      source?: { channel: string; ts: string };
    }): Promise<CreateClippingResult> {
      const { draft, createdBy, submissionKey, acceptDuplicateOf, source } = options;
      const year = localYear(clock.now(), timeZone);
      try {
        return await prisma.$transaction(async (tx) => {
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
          const topicNames = topicNamesOf(chosen);
          const created = await tx.clipping.create({
            data: {
              registerYear: year,
              registerSeq: seq,
              ...draftColumns(draft),
              createdBy,
              submissionKey,
              sourceChannel: source?.channel,
              sourceTs: source?.ts,
              topicNames,
              topics: { create: draft.topicIds.map((topicId) => ({ topicId })) },
              departments: { create: draft.departmentIds.map((departmentId) => ({ departmentId })) },
            },
          });
          return { status: "created", clipping: toRegistered(created) } as const;
        });
      } catch (error) {
        // Two deliveries of one submission raced: the loser's transaction rolled back (giving its
        // register number back) and the winner's row is the answer.
        if (isUniqueViolation(error)) {
          const winner = await findBySubmission(submissionKey);
          if (winner) return { status: "already_stored", clipping: winner };
        }
        throw error;
      }
    },
  };
}

/** The columns a validated form fills, the same on creation and on correction. */
function draftColumns(draft: ClippingDraft) {
  return {
    title: draft.title,
    outlet: draft.outlet,
    url: draft.url,
    urlKey: draft.urlKey,
    publishedOn: new Date(`${draft.publishedOn}T00:00:00Z`),
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

export type ClippingService = ReturnType<typeof createClippingService>;
