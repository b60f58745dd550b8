// Greetings owed to contacts and what became of them: name-day wishes (sent or skipped), Christmas
// and Easter cards, thank-you letters. The first answer stands.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { createGreetingStore, type GreetingKind, type GreetingOutcome, type GreetingStore } from "./greeting-store.js";

export type { GreetingKind, GreetingOutcome } from "./greeting-store.js";

export interface RecordedGreeting {
  contactId: number;
  status: "pending" | GreetingOutcome;
  doneBy: string | null;
  doneAt: Date | null;
  /** False when someone had already recorded it: the first answer stands. */
  recordedNow: boolean;
}

export function createGreetingService(deps: { clock: Clock } & ({ store: GreetingStore } | { prisma: PrismaClient })) {
  const { clock } = deps;
  const store = "store" in deps ? deps.store : createGreetingStore(deps.prisma);

  async function record(options: {
    contactId: number;
    kind: GreetingKind;
    occasion: string;
    outcome: GreetingOutcome;
    by: string;
  }): Promise<RecordedGreeting | null> {
    const { contactId, kind, occasion } = options;
    if (!(await store.contactExists(contactId))) return null;
    const row = { ...options, at: clock.now() };
    const created = await store.insertDoneOnce(row);
    // A pending row (a thank-you letter another area asked for) is completed; a done one stays.
    const completed = await store.completePending(row);
    const stored = await store.findOne(contactId, kind, occasion);
    return {
      contactId,
      status: stored.status,
      doneBy: stored.doneBy,
      doneAt: stored.doneAt,
      recordedNow: created || completed,
    };
  }

  return {
    record,

    /** What has been recorded for these contacts on this occasion. */
    statusOf: (kind: GreetingKind, occasion: string, contactIds?: number[]) =>
      store.findByOccasion(kind, occasion, contactIds),

    /** Another area (events, sponsors) asks for a thank-you letter; asking twice is one request. */
    async requestThankYou(options: { contactId: number; occasion: string; reason: string }) {
      await store.insertThankYouRequest({ ...options, at: clock.now() });
    },

    /** Thank-you letters not yet written, oldest first. */
    pendingThankYous: () => store.findPendingThankYous(),
  };
}

export type GreetingService = ReturnType<typeof createGreetingService>;
