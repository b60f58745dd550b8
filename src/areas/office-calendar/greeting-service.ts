// Greetings owed to contacts and what became of them: name-day wishes (sent or skipped), Christmas
// and Easter cards, thank-you letters. The first answer stands.
import { touchedRows } from "../../db/personal-data.js";
import type { Clock } from "../../lib/clock.js";
import { type ErasedPerson, type ErasedRows, personRedactor } from "../../lib/personal-data.js";
import type { GreetingKind, GreetingOutcome, GreetingStore } from "./greeting-store.js";

export type { GreetingKind, GreetingOutcome } from "./greeting-store.js";

export interface RecordedGreeting {
  contactId: number;
  status: "pending" | GreetingOutcome;
  doneBy: string | null;
  doneAt: Date | null;
  /** False when someone had already recorded it: the first answer stands. */
  recordedNow: boolean;
}

export type RecordOutcome =
  | { status: "recorded"; greeting: RecordedGreeting }
  | { status: "not_found" }
  | { status: "refused"; reason: "staff_only" };

export interface GreetingServiceDeps {
  store: GreetingStore;
  clock: Clock;
  /** Who is staff: only staff record what became of a greeting. */
  roles: { hasRole(slackUserId: string, role: "staff"): Promise<boolean> };
  /** Whether a contact is (still) in the archive, and its vocative corrected: from the contacts area. */
  contacts: {
    get(id: number): Promise<unknown | null>;
    setVocative(id: number, vocative: string | null, by: string): Promise<"set" | "unchanged" | null | "stale">;
  };
}

export type VocativeOutcome =
  | { status: "set" | "unchanged" | "not_found" }
  | { status: "refused"; reason: "staff_only" };

/** The longest correction kept: a name in the vocative, with a title at most. */
export const MAX_VOCATIVE = 120;

export function createGreetingService(deps: GreetingServiceDeps) {
  const { clock, store, roles, contacts } = deps;

  /**
   * Staff correct how a contact is addressed in the wishes (the name in the vocative) once, for
   * every greeting after; empty goes back to the grammar's.
   */
  async function correctVocative(options: {
    contactId: number;
    vocative: string;
    by: string;
  }): Promise<VocativeOutcome> {
    if (!(await roles.hasRole(options.by, "staff"))) return { status: "refused", reason: "staff_only" };
    const value = options.vocative.replace(/\s+/g, " ").trim().slice(0, MAX_VOCATIVE) || null;
    const done = await contacts.setVocative(options.contactId, value, options.by);
    return { status: done === "set" || done === "unchanged" ? done : "not_found" };
  }

  /** Records what became of a greeting, `by` being the actor (staff); the first answer stands. */
  async function record(options: {
    contactId: number;
    kind: GreetingKind;
    occasion: string;
    outcome: GreetingOutcome;
    by: string;
  }): Promise<RecordOutcome> {
    const { contactId, kind, occasion } = options;
    if (!(await roles.hasRole(options.by, "staff"))) return { status: "refused", reason: "staff_only" };
    if (!(await contacts.get(contactId))) return { status: "not_found" };
    const row = { ...options, at: clock.now() };
    const created = await store.insertDoneOnce(row);
    // A pending row (a thank-you letter another area asked for) is completed; a done one stays.
    const completed = await store.completePending(row);
    const stored = await store.findOne(contactId, kind, occasion);
    return {
      status: "recorded",
      greeting: {
        contactId,
        status: stored.status,
        doneBy: stored.doneBy,
        doneAt: stored.doneAt,
        recordedNow: created || completed,
      },
    };
  }

  return {
    record,
    correctVocative,

    /** What has been recorded for these contacts on this occasion. */
    statusOf: (kind: GreetingKind, occasion: string, contactIds?: number[]) =>
      store.findByOccasion(kind, occasion, contactIds),

    /** Another area (events, sponsors) asks for a thank-you letter; asking twice is one request. */
    async requestThankYou(options: { contactId: number; occasion: string; reason: string }) {
      await store.insertThankYouRequest({ ...options, at: clock.now() });
    },

    /** Thank-you letters not yet written, oldest first. */
    pendingThankYous: () => store.findPendingThankYous(),

    /**
     * A GDPR erasure's step here (the contacts area's PersonalDataHolder): a greeting is about its
     * contact and nothing else, so the person's greetings are deleted (the contact's deletion
     * would cascade to them too; doing it here makes the step counted and independent of it), and
     * any mention of them in another greeting's reason goes.
     */
    async eraseContact(person: ErasedPerson): Promise<ErasedRows[]> {
      const deleted = await store.deleteOfContacts(person.ids);
      return [touchedRows("greetings", deleted, await store.redactReasons(personRedactor(person)))];
    },
  };
}

export type GreetingService = ReturnType<typeof createGreetingService>;
