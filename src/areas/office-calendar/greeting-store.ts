// The greetings' rows: one per contact, kind and occasion (a unique key, so a double click or a
// second process stores one).
import { redactTextColumns } from "../../db/personal-data.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Redactor } from "../../lib/personal-data.js";

export type GreetingKind = "name_day" | "card" | "thank_you";
export type GreetingOutcome = "sent" | "skipped";

export function createGreetingStore(prisma: PrismaClient) {
  return {
    /** Stores a done greeting unless one is stored already; true when this call stored it. */
    async insertDoneOnce(row: {
      contactId: number;
      kind: GreetingKind;
      occasion: string;
      outcome: GreetingOutcome;
      by: string;
      at: Date;
    }): Promise<boolean> {
      const created = await prisma.greeting.createMany({
        data: [
          {
            contactId: row.contactId,
            kind: row.kind,
            occasion: row.occasion,
            status: row.outcome,
            doneBy: row.by,
            doneAt: row.at,
            createdAt: row.at,
          },
        ],
        skipDuplicates: true,
      });
      return created.count > 0;
    },

    /** Completes a pending greeting; true when there was one. */
    async completePending(row: {
      contactId: number;
      kind: GreetingKind;
      occasion: string;
      outcome: GreetingOutcome;
      by: string;
      at: Date;
    }): Promise<boolean> {
      const completed = await prisma.greeting.updateMany({
        where: { contactId: row.contactId, kind: row.kind, occasion: row.occasion, status: "pending" },
        data: { status: row.outcome, doneBy: row.by, doneAt: row.at },
      });
      return completed.count > 0;
    },

    async findOne(contactId: number, kind: GreetingKind, occasion: string) {
      return prisma.greeting.findUniqueOrThrow({ where: { contactId_kind_occasion: { contactId, kind, occasion } } });
    },

    async findByOccasion(kind: GreetingKind, occasion: string, contactIds?: number[]) {
      return prisma.greeting.findMany({
        where: { kind, occasion, ...(contactIds ? { contactId: { in: contactIds } } : {}) },
      });
    },

    /** A pending thank-you letter; asking twice stores one. */
    async insertThankYouRequest(row: { contactId: number; occasion: string; reason: string; at: Date }) {
      await prisma.greeting.upsert({
        where: { contactId_kind_occasion: { contactId: row.contactId, kind: "thank_you", occasion: row.occasion } },
        create: {
          contactId: row.contactId,
          kind: "thank_you",
          occasion: row.occasion,
          reason: row.reason,
          createdAt: row.at,
        },
        update: {},
      });
    },

    /** Deletes these contacts' greetings; the ids deleted. */
    async deleteOfContacts(contactIds: number[]): Promise<number[]> {
      const rows = await prisma.greeting.findMany({ where: { contactId: { in: contactIds } }, select: { id: true } });
      await prisma.greeting.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
      return rows.map((r) => r.id);
    },

    /** Every mention of a person in the greetings' reasons redacted; the ids changed. */
    redactReasons: (redactor: Redactor) => redactTextColumns(prisma, "greetings", ["reason"], redactor),

    /** Thank-you letters not yet written to contacts still in the archive, oldest first. */
    async findPendingThankYous() {
      return prisma.greeting.findMany({
        where: { kind: "thank_you", status: "pending", contact: { archivedAt: null } },
        include: { contact: true },
        orderBy: { createdAt: "asc" },
      });
    },
  };
}

export type GreetingStore = ReturnType<typeof createGreetingStore>;
