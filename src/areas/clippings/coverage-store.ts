// The coverage report's own rows: the managers who asked for it every Monday, and each Monday
// report sent (one row per week and manager, so that a retried run sends it once).

import { isUniqueViolation } from "../../db/errors.js";
import type { PrismaClient } from "../../generated/prisma/client.js";

export function createCoverageStore(prisma: PrismaClient) {
  return {
    /** True when added, false when already there. */
    async subscribe(slackUserId: string, at: Date): Promise<boolean> {
      try {
        await prisma.coverageSubscription.create({ data: { slackUserId, createdAt: at } });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** True when removed, false when there was none. */
    async unsubscribe(slackUserId: string): Promise<boolean> {
      const { count } = await prisma.coverageSubscription.deleteMany({ where: { slackUserId } });
      return count > 0;
    },

    async subscribers(): Promise<string[]> {
      const rows = await prisma.coverageSubscription.findMany({ orderBy: { slackUserId: "asc" } });
      return rows.map((r) => r.slackUserId);
    },

    /** A delivery's record: claimed (an attempt began) and, once it was posted, sent. */
    async delivery(key: string): Promise<{ claimedAt: Date; sentAt: Date | null } | null> {
      const row = await prisma.coverageDelivery.findUnique({ where: { key } });
      return row ? { claimedAt: row.claimedAt, sentAt: row.sentAt } : null;
    },

    async claim(key: string, at: Date): Promise<void> {
      await prisma.coverageDelivery.upsert({
        where: { key },
        create: { key, claimedAt: at },
        update: { claimedAt: at },
      });
    },

    async markSent(key: string, at: Date): Promise<void> {
      await prisma.coverageDelivery.update({ where: { key }, data: { sentAt: at } });
    },
  };
}
