// The register of correspondence with abroad: yearly gap-free protocol numbers (as the clippings
// register), closing an entry, search in Greek, Greeklish and English, and what reminders need.

import { isUniqueViolation } from "../../db/errors.js";
import { formatRegisterNumber, takeNextNumber } from "../../db/register-number.js";
import { type Letter, Prisma } from "../../generated/prisma/client.js";
import { localDate } from "../../lib/clock.js";
import { phoneticPrefixQuery } from "../../lib/text.js";
import type { DomainDeps } from "../deps.js";
import type { LetterDraft } from "./letter-validation.js";

export const LETTERS_REGISTER = "correspondence";
export type { Letter };
export type LetterOutcome = "answered" | "declined" | "filed";

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const protocolNumber = (l: { registerYear: number; registerSeq: number }) =>
  formatRegisterNumber(l.registerYear, l.registerSeq);

export function createLetterService({ prisma, clock, timeZone }: DomainDeps) {
  return {
    today: () => localDate(clock.now(), timeZone),

    async get(id: number) {
      return prisma.letter.findUnique({ where: { id } });
    },

    /** Registers an entry once per submission, with the next protocol number of the letter's year. */
    async create(options: { draft: LetterDraft; createdBy: string; submissionKey: string }) {
      const { draft, createdBy, submissionKey } = options;
      const earlier = await prisma.letter.findUnique({ where: { submissionKey } });
      if (earlier) return { status: "already_stored" as const, letter: earlier };
      // The protocol year is the year it enters the register, as a protocol office numbers.
      const year = Number(localDate(clock.now(), timeZone).slice(0, 4));
      // The counterpart, when it is in the contact archive (by name or organisation, spelt any
      // way): the entry links to it, and takes its country when none was given.
      const [contact] = await prisma.$queryRaw<{ id: number; country: string | null }[]>`
        SELECT id, country FROM contacts
        WHERE archived_at IS NULL AND merged_into_id IS NULL
          AND (public.grafeio_phonetic(name_el) = public.grafeio_phonetic(${draft.counterpart})
            OR public.grafeio_phonetic(coalesce(organisation, '')) = public.grafeio_phonetic(${draft.counterpart})
            OR public.grafeio_phonetic(coalesce(name_latin, '')) = public.grafeio_phonetic(${draft.counterpart}))
        ORDER BY vip DESC, id LIMIT 1`;
      try {
        const letter = await prisma.$transaction(async (tx) => {
          const seq = await takeNextNumber(tx, LETTERS_REGISTER, year);
          return tx.letter.create({
            data: {
              ...draft,
              contactId: contact?.id ?? null,
              country: draft.country ?? contact?.country ?? null,
              letterDate: asDate(draft.letterDate),
              dueOn: draft.dueOn ? asDate(draft.dueOn) : null,
              registerYear: year,
              registerSeq: seq,
              createdBy,
              submissionKey,
              createdAt: clock.now(),
            },
          });
        });
        return { status: "created" as const, letter };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await prisma.letter.findUnique({ where: { submissionKey } });
        if (!raced) throw error;
        return { status: "already_stored" as const, letter: raced };
      }
    },

    /** Answered, declined or filed: once; a second click changes nothing. */
    async close(id: number, outcome: LetterOutcome, by: string): Promise<boolean> {
      const changed = await prisma.letter.updateMany({
        where: { id, status: "open" },
        data: { status: outcome, closedBy: by, closedAt: clock.now() },
      });
      return changed.count > 0;
    },

    async search(words: string, page = 1): Promise<{ letters: Letter[]; hasMore: boolean }> {
      const text = words.trim();
      if (!text) return { letters: [], hasMore: false };
      const [skeleton] = await prisma.$queryRaw<{ s: string | null }[]>`SELECT public.grafeio_phonetic(${text}) AS s`;
      const prefix = phoneticPrefixQuery(skeleton?.s ?? "");
      const fts = Prisma.sql`(plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${text}))
                            || plainto_tsquery('pg_catalog.english', public.grafeio_unaccent(${text})))`;
      const match = prefix
        ? Prisma.sql`(l.search_fts @@ ${fts} OR l.search_phonetic @@ to_tsquery('pg_catalog.simple', ${prefix}))`
        : Prisma.sql`l.search_fts @@ ${fts}`;
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT l.id FROM letters l WHERE ${match}
        ORDER BY l.register_year DESC, l.register_seq DESC LIMIT 11 OFFSET ${(page - 1) * 10}`;
      const ids = rows.slice(0, 10).map((r) => r.id);
      const letters = await prisma.letter.findMany({ where: { id: { in: ids } } });
      const byId = new Map(letters.map((l) => [l.id, l]));
      return { letters: ids.flatMap((id) => byId.get(id) ?? []), hasMore: rows.length > 10 };
    },

    async forYear(year: number): Promise<Letter[]> {
      return prisma.letter.findMany({ where: { registerYear: year }, orderBy: { registerSeq: "asc" } });
    },

    /** Open entries with a due date, soonest first. */
    async openWithDue(): Promise<Letter[]> {
      return prisma.letter.findMany({
        where: { status: "open", dueOn: { not: null } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      });
    },
  };
}

export type LetterService = ReturnType<typeof createLetterService>;
