// Clippings that need the municipality's reply: assigned to someone, due on a day, closed with the
// reply. Every step is recorded in the clipping's history.

import { localDate } from "../../lib/clock.js";
import type { DomainDeps } from "../deps.js";
import { createClippingStore, type OpenReply } from "./store.js";

export type { OpenReply } from "./store.js";

export function createClippingReplies({ prisma, clock, timeZone }: DomainDeps) {
  const store = createClippingStore({ prisma, clock });
  return {
    /**
     * Marks a clipping as needing a reply (again, if it had been closed). The same open request
     * made twice (a double click, a retry) changes nothing the second time.
     */
    requestReply: (request: { id: number; assignee: string; dueOn: string; by: string }) =>
      store.markNeedsReply(request),

    closeReply: (close: { id: number; text: string; by: string }) => store.closeOpenReply(close),

    /** Open replies, the most urgent first; `dueBy` keeps those due on or before that day. */
    openReplies: (options: { dueBy?: string } = {}): Promise<OpenReply[]> => store.findOpenReplies(options),

    /** What the digest says about replies: every open one, and how many are overdue on `date`. */
    async owedOn(date: string): Promise<{ open: OpenReply[]; overdue: number } | null> {
      const open = await store.findOpenReplies();
      if (open.length === 0) return null;
      return { open, overdue: open.filter((r) => r.dueOn !== null && r.dueOn < date).length };
    },

    today: () => localDate(clock.now(), timeZone),
  };
}

export type ClippingReplies = ReturnType<typeof createClippingReplies>;
