// The channels the bot was refused in, and since when the admins know (channel-access.ts). One row
// per channel: whoever inserts it tells the admins, so a fan-out of failures, a second process or
// a restart tells them once; the row goes when the channel works again.
import type { PrismaClient } from "../generated/prisma/client.js";

export interface ChannelProblemRow {
  channel: string;
  reason: string;
  toldAt: Date;
}

export function createChannelProblemStore({ prisma }: { prisma: PrismaClient }) {
  return {
    /** Records the problem; undefined when it was already recorded (the admins know). */
    async record(channel: string, reason: string): Promise<ChannelProblemRow | undefined> {
      const rows = await prisma.$queryRaw<ChannelProblemRow[]>`
        INSERT INTO channel_problems (channel, reason) VALUES (${channel}, ${reason})
        ON CONFLICT (channel) DO NOTHING
        RETURNING channel, reason, told_at AS "toldAt"`;
      return rows[0];
    },
    list(): Promise<ChannelProblemRow[]> {
      return prisma.channelProblem.findMany({ orderBy: { channel: "asc" } });
    },
    /** True when there was a problem recorded for the channel. */
    async clear(channel: string): Promise<boolean> {
      return (await prisma.channelProblem.deleteMany({ where: { channel } })).count > 0;
    },
  };
}

export type ChannelProblemStore = ReturnType<typeof createChannelProblemStore>;
