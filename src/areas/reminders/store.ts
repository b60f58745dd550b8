// The reminders put off with «Αργότερα» (snoozed_reminders): the only Prisma of the area.
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";

export interface SnoozedReminder {
  id: number;
  userId: string;
  channel: string;
  messageTs: string;
  text: string;
  blocks: Prisma.JsonValue | null;
  choice: string;
  dueAt: Date;
  deliveredAt: Date | null;
}

export function createReminderStore(prisma: PrismaClient) {
  return {
    /**
     * Records the choice for one reminder message, once: a Slack retry or a second click (even of
     * another choice) finds the first one's row and records nothing. `created` says which it was.
     */
    async recordOnce(row: {
      userId: string;
      channel: string;
      messageTs: string;
      text: string;
      blocks: Prisma.InputJsonValue | undefined;
      choice: string;
      dueAt: Date;
    }): Promise<{ created: boolean; reminder: SnoozedReminder }> {
      const inserted = await prisma.snoozedReminder.createManyAndReturn({ data: [row], skipDuplicates: true });
      if (inserted[0]) return { created: true, reminder: inserted[0] };
      const existing = await prisma.snoozedReminder.findUniqueOrThrow({
        where: { channel_messageTs: { channel: row.channel, messageTs: row.messageTs } },
      });
      return { created: false, reminder: existing };
    },

    /** Due by `at` and not posted again yet, the oldest first. */
    findDue: (at: Date, limit: number): Promise<SnoozedReminder[]> =>
      prisma.snoozedReminder.findMany({
        where: { deliveredAt: null, dueAt: { lte: at } },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: limit,
      }),

    async markDelivered(id: number, at: Date): Promise<void> {
      await prisma.snoozedReminder.updateMany({ where: { id, deliveredAt: null }, data: { deliveredAt: at } });
    },
  };
}

export type ReminderStore = ReturnType<typeof createReminderStore>;
