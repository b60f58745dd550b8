// The correspondence register in the database: the only file of the area that speaks Prisma (and
// SQL). No rules here; the service decides, this reads and writes.
import { redactTextColumns, touchedRows } from "../../db/personal-data.js";
import { takeNextNumber } from "../../db/register-number.js";
import { type Letter, Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { ERASED_MARK, type ErasedPerson, type ErasedRows, personRedactor } from "../../lib/personal-data.js";
import type { LetterDraft } from "./letter-validation.js";

export type { Letter };
export type LetterOutcome = "answered" | "declined" | "filed";

/** The register's name for its yearly counter (shared with the clippings' register). */
export const LETTERS_REGISTER = "correspondence";

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function createLetterStore(prisma: PrismaClient) {
  return {
    findById: (id: number) => prisma.letter.findUnique({ where: { id } }),

    findBySubmissionKey: (submissionKey: string) => prisma.letter.findUnique({ where: { submissionKey } }),

    /**
     * Entries with one of the contacts, or whose counterpart's name holds one of `names` (through the
     * phonetic skeleton, so any spelling meets), newest first: a partner's timeline.
     */
    async findWith(names: string[], contactIds: number[], limit: number): Promise<Letter[]> {
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT l.id FROM letters l
        WHERE l.contact_id = ANY(${contactIds}::int[])
           OR EXISTS (SELECT 1 FROM unnest(${names}::text[]) AS n
                      WHERE length(public.grafeio_phonetic(n)) >= 4
                        AND public.grafeio_phonetic(l.counterpart) LIKE '%' || public.grafeio_phonetic(n) || '%')
        ORDER BY l.letter_date DESC, l.id DESC LIMIT ${limit}`;
      const byId = new Map(
        (await prisma.letter.findMany({ where: { id: { in: rows.map((r) => r.id) } } })).map((l) => [l.id, l]),
      );
      return rows.flatMap((r) => byId.get(r.id) ?? []);
    },

    /** The entry with the next protocol number of `year`, taken in the same transaction. */
    insertNumbered(entry: {
      draft: LetterDraft;
      year: number;
      contactId: number | null;
      country: string | null;
      createdBy: string;
      submissionKey: string;
      at: Date;
    }): Promise<Letter> {
      const { draft } = entry;
      return prisma.$transaction(async (tx) => {
        const seq = await takeNextNumber(tx, LETTERS_REGISTER, entry.year);
        return tx.letter.create({
          data: {
            ...draft,
            contactId: entry.contactId,
            country: entry.country,
            letterDate: asDate(draft.letterDate),
            dueOn: draft.dueOn ? asDate(draft.dueOn) : null,
            registerYear: entry.year,
            registerSeq: seq,
            createdBy: entry.createdBy,
            submissionKey: entry.submissionKey,
            createdAt: entry.at,
          },
        });
      });
    },

    /** Closes the entry if it is still open; false when it was not (closed already, or no such entry). */
    async closeIfOpen(id: number, outcome: LetterOutcome, by: string, at: Date): Promise<boolean> {
      const changed = await prisma.letter.updateMany({
        where: { id, status: "open" },
        data: { status: outcome, closedBy: by, closedAt: at },
      });
      return changed.count > 0;
    },

    /** The phonetic skeleton of a text (the same function the search columns are built with). */
    async phoneticSkeleton(text: string): Promise<string> {
      const [row] = await prisma.$queryRaw<{ s: string | null }[]>`SELECT public.grafeio_phonetic(${text}) AS s`;
      return row?.s ?? "";
    },

    /**
     * Ids of entries matching the words (Greek or English full text, or the phonetic prefixes), the
     * newest protocol numbers first.
     */
    async findIdsMatching(text: string, prefixQuery: string | undefined, limit: number, offset: number) {
      const fts = Prisma.sql`(plainto_tsquery('pg_catalog.greek', public.grafeio_unaccent(${text}))
                            || plainto_tsquery('pg_catalog.english', public.grafeio_unaccent(${text})))`;
      const match = prefixQuery
        ? Prisma.sql`(l.search_fts @@ ${fts} OR l.search_phonetic @@ to_tsquery('pg_catalog.simple', ${prefixQuery}))`
        : Prisma.sql`l.search_fts @@ ${fts}`;
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT l.id FROM letters l WHERE ${match}
        ORDER BY l.register_year DESC, l.register_seq DESC LIMIT ${limit} OFFSET ${offset}`;
      return rows.map((r) => r.id);
    },

    findByIds: (ids: number[]) => prisma.letter.findMany({ where: { id: { in: ids } } }),

    /** The period reports: entries registered in [from, until), in protocol order. */
    findRegisteredBetween: (from: Date, until: Date) =>
      prisma.letter.findMany({
        where: { createdAt: { gte: from, lt: until } },
        orderBy: [{ registerYear: "asc" }, { registerSeq: "asc" }],
      }),

    findOfYear: (year: number) =>
      prisma.letter.findMany({ where: { registerYear: year }, orderBy: { registerSeq: "asc" } }),

    /**
     * The person out of the register. An entry is never deleted: the protocol number is a public
     * record and the register stays gap-free. So an entry whose counterpart is the person (linked to
     * their contact and named like them, spelt any way) gets ERASED_MARK as its counterpart; one
     * linked to them through their organisation keeps it (the organisation is not the person) and
     * loses only the link; and every mention of them (name, email, phone) in the counterpart,
     * subject or briefing is replaced by the mark. The search columns follow (generated).
     */
    async eraseContact(person: ErasedPerson): Promise<ErasedRows[]> {
      const named = await prisma.$queryRaw<{ id: number }[]>`
        UPDATE letters SET counterpart = ${ERASED_MARK}, contact_id = NULL
        WHERE contact_id = ANY(${person.ids}::int[])
          AND public.grafeio_phonetic(counterpart) IN
            (SELECT public.grafeio_phonetic(n) FROM unnest(${person.names}::text[]) AS n)
        RETURNING id`;
      const linked = await prisma.$queryRaw<{ id: number }[]>`
        UPDATE letters SET contact_id = NULL WHERE contact_id = ANY(${person.ids}::int[]) RETURNING id`;
      const mentioned = await redactTextColumns(
        prisma,
        "letters",
        ["counterpart", "subject", "briefing"],
        personRedactor(person),
      );
      const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
      return [touchedRows("letters", ids(named), ids(linked), mentioned)];
    },

    /** Open entries with a due date, soonest first. */
    findOpenWithDue: () =>
      prisma.letter.findMany({
        where: { status: "open", dueOn: { not: null } },
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      }),
  };
}

export type LetterStore = ReturnType<typeof createLetterStore>;
