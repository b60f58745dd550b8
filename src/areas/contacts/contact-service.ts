// The contact archive: entering, correcting, merging, archiving and searching contacts, and the
// data-protection requests (a person's full record, and its erasure leaving an audit line).

import { isUniqueViolation } from "../../db/errors.js";
import { type AuditLog, noAudit } from "../../lib/audit.js";
import type { ErasedPerson, ErasedRows } from "../../lib/personal-data.js";
import { changedFields, mergedFields, SEARCH_PAGE_SIZE, searchTerms } from "./contact-rules.js";
import type { CategoryOption, ContactRecord, ContactStore } from "./contact-store.js";
import type { ContactDraft } from "./contact-validation.js";

export { SEARCH_PAGE_SIZE } from "./contact-rules.js";
export type { CategoryOption, ContactAuditAction, ContactRecord } from "./contact-store.js";
export { contactVersion } from "./contact-store.js";

export type CreateContactResult =
  | { status: "created"; contact: ContactRecord }
  /** The same submission (a Slack retry, a double click, a re-applied import row) was stored before. */
  | { status: "already_stored"; contact: ContactRecord };

/** A data-protection request refused: only managers may see or erase a person's full record. */
export type DataRequestRefusal = { status: "refused"; reason: "not_manager" };

export type { ErasedPerson, ErasedRows };

/**
 * An area that keeps something about contacts (the register's counterparts, the sponsors' contact
 * people, the events' guests…) and knows how to erase or anonymise it. Each area implements it in
 * its own service and store and decides there, row by row, what goes and what stays anonymised;
 * the composition root hands the contacts area the list. `eraseContact` must be idempotent: run
 * again after a crash, it finds nothing left and changes nothing.
 */
export interface PersonalDataHolder {
  eraseContact(person: ErasedPerson): Promise<ErasedRows[]>;
}

export type ErasureOutcome =
  /** `touched`: each table and how many of its rows were deleted or anonymised (no personal data). */
  { status: "erased"; touched: ErasedRows[]; reclaimed: boolean } | { status: "not_found" };

/** A changed archive during an erasure (a duplicate merged in meanwhile) is erased on another pass. */
const ERASURE_PASSES = 3;

export function createContactService(deps: {
  store: ContactStore;
  /** Who is a manager: only managers make the data-protection requests. */
  roles: { hasRole(slackUserId: string, role: "manager"): Promise<boolean> };
  /**
   * Every area holding personal data about contacts, as the erasure asks them (read at each erasure:
   * the composition root fills the list once the other areas are built).
   */
  holders?: () => readonly PersonalDataHolder[];
  /** Where the exports, the record requests and the erasures are recorded (ids and counts only). */
  audit?: AuditLog;
}) {
  const { store, roles } = deps;
  const holders = deps.holders ?? (() => []);
  const audit = deps.audit ?? noAudit;
  const isManager = (actor: string) => roles.hasRole(actor, "manager");

  async function celebrating(keys: string[], options: { includeOptedOut?: boolean } = {}): Promise<ContactRecord[]> {
    if (keys.length === 0) return [];
    return store.findCelebrating(keys, options.includeOptedOut ?? false);
  }

  /**
   * Erases a person on request, everywhere the office keeps them: the contact and the duplicates
   * merged into it, and what every other area holds about them (each holder decides what it
   * deletes and what it keeps anonymised). The contact rows go last, so that an erasure stopped
   * halfway (a crash) is finished by asking again: the holders find the person by the contact's
   * data, which is still there. One audit line says who erased contact #id, when, and how many
   * rows of which tables; then the space of the deleted and rewritten rows is reclaimed.
   */
  async function erase(id: number, by: string): Promise<ErasureOutcome> {
    for (let pass = 1; pass <= ERASURE_PASSES; pass++) {
      const person = await store.findPerson(id);
      if (!person) return { status: "not_found" };
      const touched: ErasedRows[] = [];
      for (const holder of holders()) touched.push(...(await holder.eraseContact(person)));
      touched.push(await store.redactOtherContacts(person));
      const erased = await store.eraseContacts(person, by, touched);
      if (erased === "changed") continue;
      if (erased === "not_found") return { status: "not_found" };
      let reclaimed = true;
      try {
        await store.reclaimSpace(erased.map((t) => t.table));
      } catch {
        // The person is erased; only the space is not given back yet (the listener says so in the log).
        reclaimed = false;
      }
      audit.record("contact.erased", {
        by,
        contact: id,
        tables: erased.length,
        rows: erased.reduce((sum, t) => sum + t.rows, 0),
      });
      return { status: "erased", touched: erased, reclaimed };
    }
    return { status: "not_found" };
  }

  return {
    get: (id: number) => store.findById(id),

    /** The period reports' data: the contacts entered in [from, until), without personal data. */
    addedBetween: (from: Date, until: Date) => store.findAddedBetween(from, until),

    listCategories: () => store.findActiveCategories(),

    async addCategory(category: CategoryOption): Promise<"created" | "exists"> {
      const existing = await store.findCategory(category.slug);
      if (existing?.active) return "exists";
      await store.saveCategory(category);
      return "created";
    },

    async create(options: {
      draft: ContactDraft;
      createdBy: string;
      submissionKey?: string;
      /** The name day was chosen or confirmed by a person (not only suggested). */
      nameDayConfirmed?: boolean;
    }): Promise<CreateContactResult> {
      const { draft, createdBy, submissionKey } = options;
      if (submissionKey) {
        const earlier = await store.findBySubmissionKey(submissionKey);
        if (earlier) return { status: "already_stored", contact: earlier };
      }
      try {
        const contact = await store.insertContact({
          draft,
          nameDayConfirmed: options.nameDayConfirmed ?? false,
          submissionKey: submissionKey ?? null,
          createdBy,
        });
        return { status: "created", contact };
      } catch (error) {
        // Two deliveries of one submission at the same moment: the unique key let one in.
        if (submissionKey && isUniqueViolation(error)) {
          const earlier = await store.findBySubmissionKey(submissionKey);
          if (earlier) return { status: "already_stored", contact: earlier };
        }
        throw error;
      }
    },

    /**
     * Applies the changed fields; returns their names (empty when nothing changed), null when the
     * contact is gone. With `version` (contactVersion when the form was opened): "stale" when it
     * changed since, and nothing is written.
     */
    async update(
      id: number,
      draft: ContactDraft,
      by: string,
      options: { nameDayConfirmed?: boolean; version?: number } = {},
    ): Promise<(keyof ContactDraft)[] | null | "stale"> {
      return store.updateContact(
        id,
        by,
        (current) => {
          const changed = changedFields(current, draft);
          const confirm =
            options.nameDayConfirmed !== undefined && options.nameDayConfirmed !== current.nameDayConfirmed;
          if (changed.length === 0 && !confirm) return { result: [] };
          return {
            data: {
              ...draft,
              ...(options.nameDayConfirmed !== undefined ? { nameDayConfirmed: options.nameDayConfirmed } : {}),
            },
            detail: changed.join(","),
            result: changed,
          };
        },
        options.version,
      );
    },

    /** Sets or confirms the name day; false when the contact is gone or it was already so. */
    setNameDay: (id: number, key: string | null, confirmed: boolean, by: string): Promise<boolean> =>
      store.setNameDay(id, key, confirmed, by, confirmed ? "nameDayKey,confirmed" : "nameDayKey"),

    setArchived: (id: number, archived: boolean, by: string) => store.setArchived(id, archived, by),

    /**
     * Staff's correction of how the person is addressed (the name in the vocative), or `null` to go
     * back to the grammar's. "unchanged" when it was already so; null when the contact is gone.
     */
    setVocative: (id: number, vocative: string | null, by: string): Promise<"set" | "unchanged" | null | "stale"> =>
      store.updateContact(id, by, (current) =>
        (current.vocative ?? null) === vocative
          ? { result: "unchanged" as const }
          : { data: { vocative }, detail: "vocative", result: "set" as const },
      ),

    /**
     * Merges a duplicate into the contact that stays: empty fields of the one that stays are filled
     * from the duplicate, its greetings move over, and the duplicate is archived pointing to it.
     */
    async merge(duplicateId: number, keepId: number, by: string): Promise<"merged" | "same" | "not_found"> {
      if (duplicateId === keepId) return "same";
      return store.mergeContacts(duplicateId, keepId, by, mergedFields);
    },

    /**
     * Searches names (Greek and Latin), title, organisation and email, accent-, case- and
     * Greeklish-insensitive, with some tolerance for typos. VIPs first among equals.
     */
    async search(
      text: string,
      options: { includeArchived?: boolean; page?: number; limit?: number } = {},
    ): Promise<{ contacts: ContactRecord[]; hasMore: boolean }> {
      const terms = searchTerms(text);
      const limit = options.limit ?? SEARCH_PAGE_SIZE;
      const offset = ((options.page ?? 1) - 1) * limit;
      if (terms.length === 0) return { contacts: [], hasMore: false };
      const found = await store.searchIds(terms, {
        includeArchived: options.includeArchived ?? false,
        limit: limit + 1,
        offset,
      });
      const ids = found.slice(0, limit);
      const byId = new Map((await store.findByIds(ids)).map((c) => [c.id, c]));
      return {
        contacts: ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as ContactRecord] : [])),
        hasMore: found.length > limit,
      };
    },

    /** Contacts whose chosen name day is one of `keys`: VIPs first, then by name. */
    celebrating,
    /** The same, as the office calendar's greetings ask it (ContactsForGreetings). */
    celebratingOn: celebrating,

    /** Everyone in the archive that greetings go to (not archived, not opted out). */
    greetable: () => store.findGreetable(),

    /** The live contact whose name, Latin name or organisation sounds like `name` (VIPs first). */
    soundingLike: (name: string) => store.findSoundingLike(name),

    /**
     * The organisation's contact, entered from another area's record (a sponsorship) when the
     * archive has none yet, so that its thank-you letter and next year's greetings have somewhere to
     * go. Found by its name spelt any way, so entering the same organisation again adds nobody.
     */
    async organisationContact(options: {
      organisation: string;
      categorySlug: string;
      source: string;
      actor: string;
      auditDetail: string;
    }): Promise<ContactRecord> {
      const { actor, ...fields } = options;
      return (
        (await store.findSoundingLike(options.organisation)) ??
        store.insertOrganisation({ ...fields, createdBy: actor })
      );
    },

    /** Contacts likely to be officials at an event: VIPs first, then those with a title. */
    officials: () => store.findOfficials(),

    /** Every contact, archived ones too (the import matches rows against them). */
    all: () => store.findAll(),

    /**
     * The office's CSV export: every contact's personal data, so a manager's, like one person's
     * record; audited with who and how many.
     */
    async exportFor(actor: string): Promise<{ status: "ok"; contacts: ContactRecord[] } | DataRequestRefusal> {
      if (!(await isManager(actor))) return { status: "refused", reason: "not_manager" };
      const contacts = await store.findAll();
      audit.record("contacts.exported", { by: actor, contacts: contacts.length });
      return { status: "ok", contacts };
    },

    /** A person's full record (data-protection access request): the contact, its greetings and audit. */
    personalData: (id: number, by: string) => store.exportPersonalData(id, by),

    erase,

    auditOf: (id: number) => store.findAudit(id),

    /** A manager's access request for a person's full record (the request itself is audited). */
    async personalDataFor(
      id: number,
      actor: string,
    ): Promise<
      | { status: "ok"; record: NonNullable<Awaited<ReturnType<ContactStore["exportPersonalData"]>>> }
      | { status: "not_found" }
      | DataRequestRefusal
    > {
      if (!(await isManager(actor))) return { status: "refused", reason: "not_manager" };
      const record = await store.exportPersonalData(id, actor);
      if (!record) return { status: "not_found" };
      audit.record("contact.personal_data_requested", { by: actor, contact: id });
      return { status: "ok", record };
    },

    /** A manager erases a person on request. */
    async eraseFor(id: number, actor: string): Promise<ErasureOutcome | DataRequestRefusal> {
      if (!(await isManager(actor))) return { status: "refused", reason: "not_manager" };
      return erase(id, actor);
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
