// The record of what the bot meant to post: intent first, then the Slack ts once it is sent.
//
// A fan-out (a digest to every manager, a job's hundreds of notices) starts all its posts at once,
// and each must record its intent before its first send. One statement each queued hundreds of
// statements ahead of the first message (2.5 s for 600 on PGlite, with the channels idle
// meanwhile); the intents made in one turn of the event loop are written as one statement instead.
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";

/** What the sender needs of a message's record to decide whether and how to send it. */
export interface OutboundRow {
  id: number;
  status: "pending" | "sent" | "failed";
  attempts: number;
  ts: string | null;
  postedChannel: string | null;
  createdAt: Date;
}

// Rows per statement: three parameters each, well under PostgreSQL's 65,535.
const BATCH = 500;

/** Calls made in the same turn of the event loop, run together by `run` (answers in order). */
function batched<I, O>(run: (items: I[]) => Promise<O[]>): (item: I) => Promise<O> {
  const waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  const flush = async () => {
    const batch = waiting.splice(0, BATCH);
    if (waiting.length > 0) setImmediate(flush);
    try {
      const out = await run(batch.map((b) => b.item));
      for (const [i, b] of batch.entries()) b.resolve(out[i] as O);
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (waiting.length === 1) setImmediate(flush);
    });
}

export function createOutboundStore({ prisma }: { prisma: PrismaClient }) {
  const begin = batched(async (items: { key: string; channel: string; threadTs: string | null }[]) => {
    // One row per key (the same key twice in one INSERT … ON CONFLICT DO UPDATE is an error); DO
    // UPDATE of nothing rather than DO NOTHING, so that an existing row is returned too.
    const unique = [...new Map(items.map((i) => [i.key, i])).values()];
    const rows = await prisma.$queryRaw<(OutboundRow & { key: string })[]>`
      INSERT INTO outbound_messages (idempotency_key, channel, thread_ts, status)
      VALUES ${Prisma.join(unique.map((i) => Prisma.sql`(${i.key}, ${i.channel}, ${i.threadTs}, 'pending')`))}
      ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
      RETURNING idempotency_key AS key, id, status::text AS status, attempts, ts,
        posted_channel AS "postedChannel", created_at AS "createdAt"`;
    const byKey = new Map(rows.map(({ key, ...row }) => [key, row]));
    return items.map((i) => {
      const row = byKey.get(i.key);
      if (!row) throw new Error(`outbound message ${i.key} was neither created nor found`);
      return row;
    });
  });
  const recordAttempt = batched(async (items: { id: number; postedChannel: string }[]) => {
    const unique = [...new Map(items.map((i) => [i.id, i])).values()];
    await prisma.$executeRaw`
      UPDATE outbound_messages AS o SET attempts = o.attempts + 1, posted_channel = v.posted_channel
      FROM (VALUES ${Prisma.join(unique.map((i) => Prisma.sql`(${i.id}::int, ${i.postedChannel}::text)`))})
        AS v(id, posted_channel)
      WHERE o.id = v.id`;
    return items.map(() => undefined);
  });

  return {
    /** The row for this key, created as pending if it is new. */
    begin(key: string, channel: string, threadTs: string | undefined): Promise<OutboundRow> {
      return begin({ key, channel, threadTs: threadTs ?? null });
    },
    /** Recorded before each send: after a crash, attempts > 0 says "look in the channel first". */
    recordAttempt(id: number, postedChannel: string): Promise<void> {
      return recordAttempt({ id, postedChannel });
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
