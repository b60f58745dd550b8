// The press intake's tables: feeds, the items proposed from them, the office's outlets and the
// intake's settings. The only file of the area that talks to Prisma.

import { isUniqueViolation } from "../../db/errors.js";
import type { PressItemStatus, PrismaClient } from "../../generated/prisma/client.js";

export type FeedRecord = Awaited<ReturnType<PrismaClient["pressFeed"]["findFirstOrThrow"]>>;
export type ItemRecord = Awaited<ReturnType<PrismaClient["pressItem"]["findFirstOrThrow"]>>;

export interface NewItem {
  feedId: number;
  urlKey: string;
  url: string;
  title: string;
  titleWords: string;
  outlet: string;
  publishedAt: Date | null;
  excerpt: string;
  matchedTerms: string[];
  status: PressItemStatus;
  similarToId: number | null;
  channelId: string | null;
  createdAt: Date;
}

export function createPressIntakeStore(prisma: PrismaClient) {
  return {
    // --- feeds
    async addFeed({ url, channelId, by }: { url: string; channelId: string | null; by: string }) {
      try {
        return {
          created: true as const,
          feed: await prisma.pressFeed.create({ data: { url, channelId, createdBy: by } }),
        };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { created: false as const, feed: await prisma.pressFeed.findUniqueOrThrow({ where: { url } }) };
      }
    },
    listFeeds: () => prisma.pressFeed.findMany({ orderBy: { id: "asc" } }),
    findFeed: (id: number) => prisma.pressFeed.findUnique({ where: { id } }),
    async setPaused(id: number, paused: boolean): Promise<boolean> {
      const { count } = await prisma.pressFeed.updateMany({ where: { id }, data: { paused } });
      return count > 0;
    },
    async removeFeed(id: number): Promise<boolean> {
      const { count } = await prisma.pressFeed.deleteMany({ where: { id } });
      return count > 0;
    },
    /** Feeds due: not paused, and not waiting out a backoff. */
    dueFeeds: (now: Date) =>
      prisma.pressFeed.findMany({
        where: { paused: false, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
        orderBy: { id: "asc" },
      }),
    feedSucceeded: (
      id: number,
      data: { etag: string | null; lastModified: string | null; title?: string | null; at: Date },
    ) =>
      prisma.pressFeed.update({
        where: { id },
        data: {
          etag: data.etag,
          lastModified: data.lastModified,
          ...(data.title ? { title: data.title.slice(0, 200) } : {}),
          lastFetchedAt: data.at,
          failures: 0,
          failingSince: null,
          lastError: null,
          nextAttemptAt: null,
          failureReported: false,
        },
      }),
    feedFailed: (id: number, data: { error: string; at: Date; nextAttemptAt: Date; failingSince: Date }) =>
      prisma.pressFeed.update({
        where: { id },
        data: {
          failures: { increment: 1 },
          lastError: data.error.slice(0, 300),
          lastFetchedAt: data.at,
          nextAttemptAt: data.nextAttemptAt,
          failingSince: data.failingSince,
        },
      }),
    markFailureReported: (id: number) => prisma.pressFeed.update({ where: { id }, data: { failureReported: true } }),

    // --- items
    async knownUrlKeys(keys: readonly string[]): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      const rows = await prisma.pressItem.findMany({ where: { urlKey: { in: [...keys] } }, select: { urlKey: true } });
      return new Set(rows.map((r) => r.urlKey));
    },
    /** Items since `since` (for the near-duplicate rule): their titles' words. */
    recentTitles: (since: Date) =>
      prisma.pressItem.findMany({
        where: { createdAt: { gte: since } },
        select: { id: true, feedId: true, titleWords: true, outlet: true, title: true },
        orderBy: { id: "asc" },
      }),
    /** Inserts the items; one already there (the same link, a re-run) is left as it was. */
    async insertItems(items: readonly NewItem[]): Promise<number> {
      if (items.length === 0) return 0;
      const { count } = await prisma.pressItem.createMany({ data: [...items], skipDuplicates: true });
      return count;
    },
    /** Proposed and not yet posted, oldest first. */
    unposted: () =>
      prisma.pressItem.findMany({ where: { status: "proposed", postedAt: null }, orderBy: { id: "asc" } }),
    postedSince: (since: Date) => prisma.pressItem.count({ where: { postedAt: { gte: since }, batched: false } }),
    /** The key an item is posted under, given once and reused by any later try. */
    async assignPostKey(id: number, key: string, batched: boolean): Promise<string> {
      await prisma.pressItem.updateMany({ where: { id, postKey: null }, data: { postKey: key, batched } });
      const item = await prisma.pressItem.findUniqueOrThrow({ where: { id }, select: { postKey: true } });
      return item.postKey ?? key;
    },
    markPosted: (id: number, data: { channelId: string; ts: string; at: Date }) =>
      prisma.pressItem.update({
        where: { id },
        data: { channelId: data.channelId, messageTs: data.ts, postedAt: data.at },
      }),
    findItem: (id: number) => prisma.pressItem.findUnique({ where: { id } }),
    /** Proposals posted and not decided yet: the oldest `limit`, and how many there are. */
    async waitingForReview(limit: number) {
      const where = { status: "proposed" as const, postedAt: { not: null } };
      const [count, items] = await Promise.all([
        prisma.pressItem.count({ where }),
        prisma.pressItem.findMany({
          where,
          orderBy: [{ postedAt: "asc" }, { id: "asc" }],
          take: limit,
          select: { id: true, title: true, outlet: true, channelId: true, messageTs: true, postedAt: true },
        }),
      ]);
      return { count, items };
    },
    /** Whether the person decided a proposal (or registered its link) since then. */
    async reviewedSince(slackUserId: string, since: Date): Promise<boolean> {
      const n = await prisma.pressItem.count({
        where: { decidedBy: slackUserId, decidedAt: { gte: since }, status: { in: ["logged", "dismissed"] } },
      });
      return n > 0;
    },
    /** Decides an item still proposed; false if someone else decided it first. */
    async decide(
      id: number,
      data: { status: PressItemStatus; by: string; at: Date; clippingId?: number | null },
    ): Promise<boolean> {
      const { count } = await prisma.pressItem.updateMany({
        where: { id, status: "proposed" },
        data: { status: data.status, decidedBy: data.by, decidedAt: data.at, clippingId: data.clippingId ?? null },
      });
      return count > 0;
    },
    /** Proposed items whose link is now in the register: logged (by whoever registered it). */
    proposedWithKeys: (since: Date) =>
      prisma.pressItem.findMany({
        where: { status: "proposed", createdAt: { gte: since } },
        select: { id: true, urlKey: true },
      }),
    /** What happened in [from, to): proposed (created), logged, dismissed. */
    async countsBetween(from: Date, to: Date) {
      const [proposed, logged, dismissed] = await Promise.all([
        prisma.pressItem.count({ where: { createdAt: { gte: from, lt: to }, status: { not: "duplicate" } } }),
        prisma.pressItem.count({ where: { status: "logged", decidedAt: { gte: from, lt: to } } }),
        prisma.pressItem.count({ where: { status: "dismissed", decidedAt: { gte: from, lt: to } } }),
      ]);
      return { proposed, logged, dismissed };
    },

    // --- outlets and settings
    async outlets(): Promise<Record<string, string>> {
      const rows = await prisma.pressOutlet.findMany();
      return Object.fromEntries(rows.map((r) => [r.host, r.name]));
    },
    addOutlet: ({ host, name, by }: { host: string; name: string; by: string }) =>
      prisma.pressOutlet.upsert({
        where: { host },
        create: { host, name, addedBy: by },
        update: { name, addedBy: by },
      }),
    async settings() {
      return (
        (await prisma.pressIntakeSetting.findUnique({ where: { id: 1 } })) ?? {
          quietFrom: "22:00",
          quietTo: "07:00",
          burstPerHour: 8,
        }
      );
    },
    saveSettings: ({ by, ...data }: { quietFrom?: string; quietTo?: string; burstPerHour?: number; by: string }) =>
      prisma.pressIntakeSetting.upsert({
        where: { id: 1 },
        create: { id: 1, ...data, updatedBy: by },
        update: { ...data, updatedBy: by },
      }),
  };
}

export type PressIntakeStore = ReturnType<typeof createPressIntakeStore>;
