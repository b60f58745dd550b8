// The record of what the bot meant to post: intent first, then the Slack ts once it is sent.
import type { PrismaClient } from "../generated/prisma/client.js";

export function createOutboundStore({ prisma }: { prisma: PrismaClient }) {
  return {
    /** The row for this key, created as pending if it is new. */
    async begin(key: string, channel: string, threadTs: string | undefined) {
      await prisma.outboundMessage.createMany({
        data: [{ idempotencyKey: key, channel, threadTs: threadTs ?? null, status: "pending" }],
        skipDuplicates: true,
      });
      return prisma.outboundMessage.findUniqueOrThrow({ where: { idempotencyKey: key } });
    },
    /** Recorded before each send: after a crash, attempts > 0 says "look in the channel first". */
    async recordAttempt(id: number, postedChannel: string) {
      await prisma.outboundMessage.update({ where: { id }, data: { attempts: { increment: 1 }, postedChannel } });
    },
    async markSent(id: number, ts: string, postedChannel: string, now: Date) {
      await prisma.outboundMessage.update({
        where: { id },
        data: { status: "sent", ts, postedChannel, sentAt: now, lastError: null },
      });
    },
    async markFailed(id: number, error: string) {
      await prisma.outboundMessage.update({
        where: { id },
        data: { status: "failed", lastError: error.slice(0, 2000) },
      });
    },
    async find(key: string) {
      return prisma.outboundMessage.findUnique({ where: { idempotencyKey: key } });
    },
  };
}

export type OutboundStore = ReturnType<typeof createOutboundStore>;
