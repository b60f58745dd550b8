// The register of correspondence with abroad: yearly gap-free protocol numbers (as the clippings
// register), closing an entry, search in Greek, Greeklish and English, and what reminders and the
// digest need. Returns data; the views render it.

import { isUniqueViolation } from "../../db/errors.js";
import { formatRegisterNumber } from "../../db/register-number.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type Clock, localDate } from "../../lib/clock.js";
import { searchWords } from "../../lib/greeklish.js";
import { phoneticPrefixQuery } from "../../lib/text.js";
import { createLetterStore, LETTERS_REGISTER, type Letter, type LetterOutcome } from "./letter-store.js";
import type { LetterDraft } from "./letter-validation.js";

export type { Letter, LetterOutcome };
export { LETTERS_REGISTER };

export const protocolNumber = (l: { registerYear: number; registerSeq: number }) =>
  formatRegisterNumber(l.registerYear, l.registerSeq);

/** Only the office's staff work with the register: a refusal is a value the listener renders. */
export type LetterRefusal = { status: "refused"; reason: "staff_only" };
const refused: LetterRefusal = { status: "refused", reason: "staff_only" };

export type CloseOutcome = { status: "closed"; letter: Letter } | { status: "not_open" } | LetterRefusal;

const PAGE = 10;

/** What the register needs of the contact archive: the counterpart, when it is there. */
export interface ContactsForLetters {
  soundingLike(name: string): Promise<{ id: number; country: string | null } | null>;
}

export function createLetterService({
  prisma,
  clock,
  timeZone,
  contacts,
  roles,
}: {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  contacts: ContactsForLetters;
  /** Who is staff (from the users area). */
  roles: { hasRole(slackUserId: string, role: "staff"): Promise<boolean> };
}) {
  const store = createLetterStore(prisma);
  const today = () => localDate(clock.now(), timeZone);
  const isStaff = (actor: string) => roles.hasRole(actor, "staff");

  async function search(words: string, page = 1): Promise<{ letters: Letter[]; hasMore: boolean }> {
    // Articles and prepositions say nothing («η επιστολή του Δημάρχου»), unless they are all there is.
    const text = searchWords(words.trim());
    if (!text) return { letters: [], hasMore: false };
    const prefix = phoneticPrefixQuery(await store.phoneticSkeleton(text));
    const found = await store.findIdsMatching(text, prefix, PAGE + 1, (page - 1) * PAGE);
    const ids = found.slice(0, PAGE);
    const byId = new Map((await store.findByIds(ids)).map((l) => [l.id, l]));
    return { letters: ids.flatMap((id) => byId.get(id) ?? []), hasMore: found.length > PAGE };
  }

  return {
    today,
    get: store.findById,

    /** Registers an entry once per submission (by staff), with the next protocol number of its year. */
    async create(options: { draft: LetterDraft; createdBy: string; submissionKey: string }) {
      const { draft, createdBy, submissionKey } = options;
      if (!(await isStaff(createdBy))) return refused;
      const earlier = await store.findBySubmissionKey(submissionKey);
      if (earlier) return { status: "already_stored" as const, letter: earlier };
      // The protocol year is the year it enters the register, as a protocol office numbers.
      const year = Number(today().slice(0, 4));
      // The counterpart, when it is in the contact archive (by name or organisation, spelt any
      // way): the entry links to it, and takes its country when none was given.
      const contact = await contacts.soundingLike(draft.counterpart);
      try {
        const letter = await store.insertNumbered({
          draft,
          year,
          contactId: contact?.id ?? null,
          country: draft.country ?? contact?.country ?? null,
          createdBy,
          submissionKey,
          at: clock.now(),
        });
        return { status: "created" as const, letter };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const raced = await store.findBySubmissionKey(submissionKey);
        if (!raced) throw error;
        return { status: "already_stored" as const, letter: raced };
      }
    },

    /** Answered, declined or filed, by `actor`: once; a second click finds it closed. */
    async close(options: { actor: string; id: number; outcome: LetterOutcome }): Promise<CloseOutcome> {
      if (!(await isStaff(options.actor))) return refused;
      if (!(await store.closeIfOpen(options.id, options.outcome, options.actor, clock.now())))
        return { status: "not_open" };
      const letter = await store.findById(options.id);
      return letter ? { status: "closed", letter } : { status: "not_open" };
    },

    /** One entry, as the actor asks for it (a meeting's link back to its invitation). */
    async show(
      actor: string,
      id: number,
    ): Promise<{ status: "found"; letter: Letter } | { status: "not_found" } | LetterRefusal> {
      if (!(await isStaff(actor))) return refused;
      const letter = await store.findById(id);
      return letter ? { status: "found", letter } : { status: "not_found" };
    },

    /** The actor's search of the register (names spelt any way), a page at a time. */
    async searchFor(
      actor: string,
      words: string,
      page = 1,
    ): Promise<{ status: "found"; letters: Letter[]; hasMore: boolean } | LetterRefusal> {
      if (!(await isStaff(actor))) return refused;
      return { status: "found", ...(await search(words, page)) };
    },

    /** The year's register for the actor's export. */
    async yearFor(actor: string, year: number): Promise<{ status: "found"; letters: Letter[] } | LetterRefusal> {
      if (!(await isStaff(actor))) return refused;
      return { status: "found", letters: await store.findOfYear(year) };
    },

    /** The period reports' data: the entries registered in [from, until). */
    reportData: (from: Date, until: Date) => store.findRegisteredBetween(from, until),

    /** Open entries with a due date, soonest first, as the actor asks for them. */
    async openFor(actor: string): Promise<{ status: "found"; letters: Letter[] } | LetterRefusal> {
      if (!(await isStaff(actor))) return refused;
      return { status: "found", letters: await store.findOpenWithDue() };
    },

    /**
     * The entries exchanged with a partner (its contacts, or a counterpart named like it), newest
     * first: the partners area's timeline (LettersForPartners).
     */
    lettersWith: (o: { names: string[]; contactIds: number[] }) => store.findWith(o.names, o.contactIds, 200),

    /** A GDPR erasure's step here (the contacts area's PersonalDataHolder): see the store. */
    eraseContact: store.eraseContact,

    /** Open entries with a due date, soonest first (the reminders' job). */
    openWithDue: store.findOpenWithDue,

    /** Calls for interest and invitations still open with their deadline: the managers' digest. */
    async openInvitations(): Promise<Letter[]> {
      return (await store.findOpenWithDue()).filter((l) => l.kind !== "letter");
    },
  };
}

export type LetterService = ReturnType<typeof createLetterService>;
