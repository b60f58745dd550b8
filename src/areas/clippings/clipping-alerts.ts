// Alerts about clippings: the watch list (a new clipping mentioning a watched term is announced at
// once in that term's channel), the departments' channels, and the surge check (more clippings in
// a day than usual, or several negative ones). Matching uses the same stems and skeleton as search.
// This service says what to announce; the listeners and jobs render it and post it.

import { foldGreek } from "../../lib/text.js";
import type { DomainDeps } from "../deps.js";
import { type SurgeKind, surgeKinds } from "./rules.js";
import { type ClippingRecord, createClippingStore } from "./store.js";

/** What a new clipping is to be announced with, and where. */
export interface NewClippingNotices {
  clipping: ClippingRecord;
  /** The departments it concerns that have a channel, each announced there once. */
  departments: { id: number; nameEl: string; nameEn: string; channelId: string }[];
  /** The watched terms it matches, each announced in its channel once. */
  watchHits: { id: number; term: string; channelId: string }[];
}

export interface DayStats {
  total: number;
  negative: number;
  /** Clippings on a usual day: the mean of the 28 days before. */
  usual: number;
}

export function createClippingAlerts({ prisma, clock }: Pick<DomainDeps, "prisma" | "clock">) {
  const store = createClippingStore({ prisma, clock });

  /** Today's clippings against the usual day (the 28 days before), in the office's time zone. */
  async function dayStats({ dayStart, dayEnd }: { dayStart: Date; dayEnd: Date }): Promise<DayStats> {
    const counts = await store.countsAround({ dayStart, dayEnd });
    return { total: counts.total, negative: counts.negative, usual: counts.pastTotal / 28 };
  }

  return {
    async addWatchTerm({ term, channelId, by }: { term: string; channelId: string; by: string }) {
      return store.upsertWatchTerm({ term: term.replace(/\s+/g, " ").trim(), channelId, by });
    },
    async removeWatchTerm(term: string): Promise<boolean> {
      const found = (await store.listWatchTerms()).find((w) => foldGreek(w.term) === foldGreek(term));
      if (!found) return false;
      await store.deleteWatchTerm(found.id);
      return true;
    },
    listWatchTerms: () => store.listWatchTerms(),

    /** Where a new clipping is to be announced: its departments' channels and its watched terms'. */
    async noticesForNewClipping(clippingId: number): Promise<NewClippingNotices | null> {
      const clipping = await store.findClipping(clippingId);
      if (!clipping) return null;
      const departments = (await store.departmentsOfClipping(clippingId)).flatMap((d) =>
        d.channelId ? [{ ...d, channelId: d.channelId }] : [],
      );
      const watchHits = (await store.watchTermsMatching(clippingId)).map((w) => ({
        id: w.id,
        term: w.term,
        channelId: w.channelId,
      }));
      return { clipping, departments, watchHits };
    },

    dayStats,

    /** The day's stats and what is unusual about them (nothing: an empty list). */
    async surgeOf(window: { dayStart: Date; dayEnd: Date }): Promise<{ stats: DayStats; kinds: SurgeKind[] }> {
      const stats = await dayStats(window);
      return { stats, kinds: surgeKinds(stats) };
    },
  };
}

export type ClippingAlerts = ReturnType<typeof createClippingAlerts>;
