// The contact imports' rows: a file's plan, kept between its preview and its confirmation, and
// claimed once when applied.
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

export function createImportStore(prisma: PrismaClient) {
  return {
    async savePlan(row: { requestedBy: string; fileName: string; plan: unknown; at: Date }): Promise<number> {
      const stored = await prisma.contactImport.create({
        data: {
          requestedBy: row.requestedBy,
          fileName: row.fileName,
          plan: row.plan as Prisma.InputJsonValue,
          createdAt: row.at,
        },
      });
      return stored.id;
    },

    findImport(id: number) {
      return prisma.contactImport.findUnique({
        where: { id },
        select: {
          id: true,
          requestedBy: true,
          plan: true,
          appliedRows: true,
          progress: true,
          finishedAt: true,
          channel: true,
        },
      });
    },

    /** A page of stored imports after `afterId`, by id (an erasure reads them all). */
    findImportsAfter(afterId: number, take: number): Promise<{ id: number; fileName: string; plan: unknown }[]> {
      return prisma.contactImport.findMany({
        where: { id: { gt: afterId } },
        orderBy: { id: "asc" },
        take,
        select: { id: true, fileName: true, plan: true },
      });
    },

    async replacePlan(id: number, row: { fileName: string; plan: unknown }): Promise<void> {
      await prisma.contactImport.update({
        where: { id },
        data: { fileName: row.fileName, plan: row.plan as Prisma.InputJsonValue },
      });
    },

    /**
     * Takes the import for `owner` until `leaseUntil`, unless it is finished or another run's lease
     * is still running; the first claim marks it confirmed (and where). False when not taken.
     */
    async claimImport(id: number, owner: string, now: Date, leaseUntil: Date, channel?: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const claimed = await tx.contactImport.updateMany({
          where: { id, finishedAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
          data: { leaseOwner: owner, leaseUntil },
        });
        if (claimed.count === 0) return false;
        await tx.contactImport.updateMany({
          where: { id, appliedAt: null },
          data: { appliedAt: now, channel: channel ?? null },
        });
        return true;
      });
    },

    /** Saves how far `owner` got and renews its lease; false when the import is no longer its own. */
    async saveProgress(
      id: number,
      owner: string,
      row: { appliedRows: number; progress: unknown; leaseUntil: Date; finishedAt?: Date },
    ): Promise<boolean> {
      const saved = await prisma.contactImport.updateMany({
        where: { id, leaseOwner: owner, finishedAt: null },
        data: {
          appliedRows: row.appliedRows,
          progress: row.progress as Prisma.InputJsonValue,
          ...(row.finishedAt
            ? { finishedAt: row.finishedAt, leaseOwner: null, leaseUntil: null }
            : { leaseUntil: row.leaseUntil }),
        },
      });
      return saved.count > 0;
    },

    /** Confirmed, not finished, and nobody's lease running: imports a crash or a restart stopped. */
    findInterrupted(now: Date): Promise<{ id: number; requestedBy: string }[]> {
      return prisma.contactImport.findMany({
        where: { appliedAt: { not: null }, finishedAt: null, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
        select: { id: true, requestedBy: true },
        orderBy: { id: "asc" },
      });
    },
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
