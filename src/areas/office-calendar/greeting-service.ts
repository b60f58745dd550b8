// Greetings owed to contacts and what became of them: name-day wishes (sent or skipped), Christmas
// and Easter cards, thank-you letters. One row per contact, kind and occasion, so a double click or
// a second process records once.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";

export type GreetingKind = "name_day" | "card" | "thank_you";
export type GreetingOutcome = "sent" | "skipped";

export interface RecordedGreeting {
  contactId: number;
  status: "pending" | GreetingOutcome;
  doneBy: string | null;
  doneAt: Date | null;
  /** False when someone had already recorded it: the first answer stands. */
  recordedNow: boolean;
}

export function createGreetingService({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  async function record(options: {
    contactId: number;
    kind: GreetingKind;
    occasion: string;
    outcome: GreetingOutcome;
    by: string;
  }): Promise<RecordedGreeting | null> {
    const { contactId, kind, occasion, outcome, by } = options;
    const contact = await prisma.contact.findUnique({ where: { id: contactId }, select: { id: true } });
    if (!contact) return null;
    const now = clock.now();
    const created = await prisma.greeting.createMany({
      data: [{ contactId, kind, occasion, status: outcome, doneBy: by, doneAt: now, createdAt: now }],
      skipDuplicates: true,
    });
    // A pending row (a thank-you letter another area asked for) is completed; a done one stays.
    const completed = await prisma.greeting.updateMany({
      where: { contactId, kind, occasion, status: "pending" },
      data: { status: outcome, doneBy: by, doneAt: now },
    });
    const row = await prisma.greeting.findUniqueOrThrow({
      where: { contactId_kind_occasion: { contactId, kind, occasion } },
    });
    return {
      contactId,
      status: row.status,
      doneBy: row.doneBy,
      doneAt: row.doneAt,
      recordedNow: created.count + completed.count > 0,
    };
  }

  return {
    record,

    /** What has been recorded for these contacts on this occasion. */
    async statusOf(kind: GreetingKind, occasion: string, contactIds?: number[]) {
      return prisma.greeting.findMany({
        where: { kind, occasion, ...(contactIds ? { contactId: { in: contactIds } } : {}) },
      });
    },

    /** Another area (events, sponsors) asks for a thank-you letter; asking twice is one request. */
    async requestThankYou(options: { contactId: number; occasion: string; reason: string }) {
      await prisma.greeting.upsert({
        where: {
          contactId_kind_occasion: { contactId: options.contactId, kind: "thank_you", occasion: options.occasion },
        },
        create: {
          contactId: options.contactId,
          kind: "thank_you",
          occasion: options.occasion,
          reason: options.reason,
          createdAt: clock.now(),
        },
        update: {},
      });
    },

    /** Thank-you letters not yet written, oldest first. */
    async pendingThankYous() {
      return prisma.greeting.findMany({
        where: { kind: "thank_you", status: "pending", contact: { archivedAt: null } },
        include: { contact: true },
        orderBy: { createdAt: "asc" },
      });
    },
  };
}

export type GreetingService = ReturnType<typeof createGreetingService>;
