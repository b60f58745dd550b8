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

    async findImport(id: number): Promise<{ requestedBy: string; plan: unknown } | null> {
      return prisma.contactImport.findUnique({ where: { id }, select: { requestedBy: true, plan: true } });
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

    /** Marks the import applied; false when it already was (a second click, a Slack retry). */
    async claimImport(id: number, at: Date): Promise<boolean> {
      const claimed = await prisma.contactImport.updateMany({
        where: { id, appliedAt: null },
        data: { appliedAt: at },
      });
      return claimed.count > 0;
    },
  };
}

export type ImportStore = ReturnType<typeof createImportStore>;
