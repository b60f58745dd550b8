// The contact archive's rows: contacts, their categories and their audit lines (who did what and
// when, never the personal data itself). Each change and its audit line are written in one
// transaction; what a change is (which fields, what a merge keeps) is decided by contact-rules.ts.

import { reclaimSpace, redactTextColumns, touchedRows } from "../../db/personal-data.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import { type ErasedPerson, type ErasedRows, personRedactor } from "../../lib/personal-data.js";
import { inGreekOrder } from "../../lib/text.js";
import type { ContactDraft } from "./contact-validation.js";

export type ContactRecord = Prisma.ContactGetPayload<{ include: { category: true } }>;

/** A contact's version, as the edit form carries it: its last change's time in milliseconds. */
export const contactVersion = (contact: { updatedAt: Date }): number => contact.updatedAt.getTime();
type ContactRow = Prisma.ContactGetPayload<object>;

export interface CategoryOption {
  slug: string;
  nameEl: string;
  nameEn: string;
}

/** Audit actions. */
export type ContactAuditAction = "created" | "updated" | "archived" | "restored" | "merged" | "exported" | "erased";

const include = { category: true } as const;

export function createContactStore({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  async function audit(
    tx: Prisma.TransactionClient,
    contactId: number,
    action: ContactAuditAction,
    actor: string,
    detail?: string,
  ) {
    await tx.contactAudit.create({ data: { contactId, action, actor, at: clock.now(), detail: detail ?? null } });
  }

  return {
    findById: (id: number): Promise<ContactRecord | null> => prisma.contact.findUnique({ where: { id }, include }),

    /** The period reports: contacts entered in [from, until), as counts' material (no personal data). */
    findAddedBetween: (from: Date, until: Date) =>
      prisma.contact.findMany({
        where: { createdAt: { gte: from, lt: until } },
        select: { id: true, vip: true, country: true, archivedAt: true, mergedIntoId: true, category: true },
        orderBy: { id: "asc" },
      }),

    findBySubmissionKey: (submissionKey: string): Promise<ContactRecord | null> =>
      prisma.contact.findUnique({ where: { submissionKey }, include }),

    findActiveCategories: async (): Promise<CategoryOption[]> =>
      inGreekOrder(
        await prisma.contactCategory.findMany({
          where: { active: true },
          select: { slug: true, nameEl: true, nameEn: true },
        }),
      ),

    findCategory: (slug: string) => prisma.contactCategory.findUnique({ where: { slug } }),

    async saveCategory(category: CategoryOption): Promise<void> {
      await prisma.contactCategory.upsert({
        where: { slug: category.slug },
        create: category,
        update: { ...category, active: true },
      });
    },

    /** Creates a contact and its "created" line. */
    insertContact(options: {
      draft: ContactDraft;
      nameDayConfirmed: boolean;
      submissionKey: string | null;
      createdBy: string;
    }): Promise<ContactRecord> {
      return prisma.$transaction(async (tx) => {
        const created = await tx.contact.create({
          data: {
            ...options.draft,
            nameDayConfirmed: options.nameDayConfirmed,
            submissionKey: options.submissionKey,
            createdBy: options.createdBy,
            createdAt: clock.now(),
          },
          include,
        });
        await audit(tx, created.id, "created", options.createdBy);
        return created;
      });
    },

    /**
     * The live contact (not archived, not merged) whose name, Latin name or organisation sounds
     * like `name`, spelt any way; VIPs first.
     */
    async findSoundingLike(name: string): Promise<ContactRecord | null> {
      const [found] = await prisma.$queryRaw<{ id: number }[]>`
        SELECT id FROM contacts WHERE archived_at IS NULL AND merged_into_id IS NULL
          AND (public.grafeio_phonetic(name_el) = public.grafeio_phonetic(${name})
            OR public.grafeio_phonetic(coalesce(organisation, '')) = public.grafeio_phonetic(${name})
            OR public.grafeio_phonetic(coalesce(name_latin, '')) = public.grafeio_phonetic(${name}))
        ORDER BY vip DESC, id LIMIT 1`;
      return found ? prisma.contact.findUnique({ where: { id: found.id }, include }) : null;
    },

    /** Creates an organisation's contact from another area's record, and its "created" line. */
    insertOrganisation(options: {
      organisation: string;
      categorySlug: string;
      source: string;
      createdBy: string;
      auditDetail: string;
    }): Promise<ContactRecord> {
      const { organisation, categorySlug, source, createdBy, auditDetail } = options;
      return prisma.$transaction(async (tx) => {
        const created = await tx.contact.create({
          data: { nameEl: organisation, organisation, categorySlug, source, createdBy, createdAt: clock.now() },
          include,
        });
        await audit(tx, created.id, "created", createdBy, auditDetail);
        return created;
      });
    },

    /**
     * Reads the contact and writes what `plan` decides from it, with its "updated" line, in one
     * transaction. Null when the contact is gone; what `plan` returned otherwise. With a `version`
     * (the contact's versionOf when the form was opened), a change applies only if the contact is
     * still at it: "stale" otherwise, and nothing is written (a replayed or late form must not put
     * back what someone changed since).
     */
    updateContact<R>(
      id: number,
      by: string,
      plan: (current: ContactRow) => { data: Prisma.ContactUpdateInput; detail: string; result: R } | { result: R },
      version?: number,
    ): Promise<R | null | "stale"> {
      return prisma.$transaction(async (tx) => {
        const current = await tx.contact.findUnique({ where: { id } });
        if (!current) return null;
        const decided = plan(current);
        if ("data" in decided) {
          let stamp: Date | undefined;
          if (version !== undefined) {
            if (contactVersion(current) !== version) return "stale";
            // The version moves with every edit, even two in one millisecond; the condition lets
            // only one of two edits racing from the same version write.
            stamp = new Date(Math.max(clock.now().getTime(), current.updatedAt.getTime() + 1));
            const claimed = await tx.contact.updateMany({
              where: { id, updatedAt: current.updatedAt },
              data: { updatedAt: stamp },
            });
            if (claimed.count === 0) return "stale";
          }
          await tx.contact.update({ where: { id }, data: { ...decided.data, ...(stamp ? { updatedAt: stamp } : {}) } });
          await audit(tx, id, "updated", by, decided.detail);
        }
        return decided.result;
      });
    },

    /** Sets the name day unless it is already so; false then, or when the contact is gone. */
    setNameDay(id: number, key: string | null, confirmed: boolean, by: string, detail: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const changed = await tx.contact.updateMany({
          where: { id, NOT: { nameDayKey: key, nameDayConfirmed: confirmed } },
          data: { nameDayKey: key, nameDayConfirmed: confirmed },
        });
        if (changed.count > 0) await audit(tx, id, "updated", by, detail);
        return changed.count > 0;
      });
    },

    setArchived(id: number, archived: boolean, by: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const current = await tx.contact.findUnique({ where: { id } });
        if (!current || (current.archivedAt !== null) === archived) return false;
        await tx.contact.update({ where: { id }, data: { archivedAt: archived ? clock.now() : null } });
        await audit(tx, id, archived ? "archived" : "restored", by);
        return true;
      });
    },

    /**
     * Merges a duplicate into the contact that stays: `fill` (from both rows) is written to the one
     * that stays, the duplicate's greetings move over (one per occasion), and the duplicate is
     * archived pointing to it.
     */
    mergeContacts(
      duplicateId: number,
      keepId: number,
      by: string,
      fill: (dup: ContactRow, keep: ContactRow) => Record<string, unknown>,
    ): Promise<"merged" | "not_found"> {
      return prisma.$transaction(async (tx) => {
        const [dup, keep] = await Promise.all([
          tx.contact.findUnique({ where: { id: duplicateId } }),
          tx.contact.findUnique({ where: { id: keepId } }),
        ]);
        if (!dup || !keep || dup.mergedIntoId !== null) return "not_found";
        await tx.contact.update({ where: { id: keepId }, data: fill(dup, keep) });
        const greetings = await tx.greeting.findMany({ where: { contactId: duplicateId } });
        for (const g of greetings) {
          const clash = await tx.greeting.findUnique({
            where: { contactId_kind_occasion: { contactId: keepId, kind: g.kind, occasion: g.occasion } },
          });
          if (clash) await tx.greeting.delete({ where: { id: g.id } });
          else await tx.greeting.update({ where: { id: g.id }, data: { contactId: keepId } });
        }
        await tx.contact.update({
          where: { id: duplicateId },
          data: { mergedIntoId: keepId, archivedAt: dup.archivedAt ?? clock.now() },
        });
        await audit(tx, duplicateId, "merged", by, `into ${keepId}`);
        await audit(tx, keepId, "merged", by, `from ${duplicateId}`);
        return "merged";
      });
    },

    /**
     * The ids of contacts matching every term (names, title, organisation, email, through their
     * phonetic skeleton, with some tolerance for typos), best first, VIPs first among equals.
     */
    async searchIds(
      terms: string[],
      options: { includeArchived: boolean; limit: number; offset: number },
    ): Promise<number[]> {
      const whole = terms.join(" ");
      const matches = terms.map(
        (term) => Prisma.sql`(c.search_skeleton LIKE '%' || public.grafeio_phonetic(${term}) || '%'
          OR (length(${term}) >= 4 AND public.grafeio_phonetic(${term}) <% c.search_skeleton))`,
      );
      const archived = options.includeArchived ? Prisma.empty : Prisma.sql`AND c.archived_at IS NULL`;
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        SELECT c.id FROM contacts c
        WHERE ${Prisma.join(matches, " AND ")} ${archived} AND c.merged_into_id IS NULL
        ORDER BY word_similarity(public.grafeio_phonetic(${whole}), c.search_skeleton) DESC, c.vip DESC, c.name_el, c.id
        LIMIT ${options.limit} OFFSET ${options.offset}`;
      return rows.map((r) => r.id);
    },

    findByIds: (ids: number[]): Promise<ContactRecord[]> =>
      prisma.contact.findMany({ where: { id: { in: ids } }, include }),

    /** Contacts whose chosen name day is one of `keys`: VIPs first, then by name. */
    findCelebrating(keys: string[], includeOptedOut: boolean): Promise<ContactRecord[]> {
      return prisma.contact.findMany({
        where: {
          nameDayKey: { in: keys },
          archivedAt: null,
          mergedIntoId: null,
          ...(includeOptedOut ? {} : { optOutGreetings: false }),
        },
        include,
        orderBy: [{ vip: "desc" }, { nameEl: "asc" }, { id: "asc" }],
      });
    },

    /** Not archived, not merged, not opted out: by category, language, VIPs first. */
    findGreetable: (): Promise<ContactRecord[]> =>
      prisma.contact.findMany({
        where: { archivedAt: null, mergedIntoId: null, optOutGreetings: false },
        include,
        orderBy: [{ categorySlug: "asc" }, { language: "asc" }, { vip: "desc" }, { nameEl: "asc" }],
      }),

    /** VIPs first, then those with a title (at most 100). */
    findOfficials: (): Promise<ContactRecord[]> =>
      prisma.contact.findMany({
        where: { archivedAt: null, mergedIntoId: null, OR: [{ vip: true }, { title: { not: null } }] },
        include,
        orderBy: [{ vip: "desc" }, { nameEl: "asc" }],
        take: 100,
      }),

    /** Every contact not merged away, archived ones too. */
    findAll: (): Promise<ContactRecord[]> =>
      prisma.contact.findMany({ where: { mergedIntoId: null }, include, orderBy: { id: "asc" } }),

    /** A person's full record with its greetings and audit lines, and the "exported" line written. */
    exportPersonalData(id: number, by: string) {
      return prisma.$transaction(async (tx) => {
        const contact = await tx.contact.findUnique({ where: { id }, include: { category: true, greetings: true } });
        if (!contact) return null;
        const history = await tx.contactAudit.findMany({ where: { contactId: id }, orderBy: { id: "asc" } });
        await audit(tx, id, "exported", by);
        const { submissionKey: _internal, ...record } = contact;
        return { contact: record, history };
      });
    },

    /**
     * The person behind a contact, as an erasure looks for them: the contact and every duplicate
     * merged into it (and into those), with all their names, addresses and numbers. Null when the
     * contact is not there (erased already).
     */
    async findPerson(id: number): Promise<ErasedPerson | null> {
      const select = { id: true, nameEl: true, nameLatin: true, email: true, phone: true } as const;
      const main = await prisma.contact.findUnique({ where: { id }, select });
      if (!main) return null;
      const rows = [main];
      const seen = new Set([id]);
      for (let frontier = [id]; frontier.length > 0; ) {
        const merged = await prisma.contact.findMany({ where: { mergedIntoId: { in: frontier } }, select });
        const fresh = merged.filter((m) => !seen.has(m.id));
        for (const m of fresh) seen.add(m.id);
        rows.push(...fresh);
        frontier = fresh.map((m) => m.id);
      }
      const present = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v?.trim()))];
      return {
        ids: rows.map((r) => r.id),
        names: present(rows.flatMap((r) => [r.nameEl, r.nameLatin])),
        emails: present(rows.map((r) => r.email)),
        phones: present(rows.map((r) => r.phone)),
      };
    },

    /**
     * Other contacts' notes that mention the person ("assistant of …"): the mention goes, the note
     * stays. The person's own rows are deleted afterwards.
     */
    async redactOtherContacts(person: ErasedPerson): Promise<ErasedRows> {
      const changed = await redactTextColumns(prisma, "contacts", ["notes"], personRedactor(person));
      const own = new Set(person.ids);
      return touchedRows(
        "contacts",
        changed.filter((id) => !own.has(id)),
      );
    },

    /**
     * The last step of an erasure: deletes the contact and its merged duplicates (their greetings
     * go with them, by cascade), and writes the one "erased" line of each: who and when, and on the
     * contact's the tables touched with their counts, never a value. "changed" when a duplicate was
     * merged into the person meanwhile (the erasure runs again, with it); "not_found" when another
     * erasure finished first. Otherwise every table touched, with its count.
     */
    eraseContacts(
      person: ErasedPerson,
      by: string,
      touched: ErasedRows[],
    ): Promise<ErasedRows[] | "changed" | "not_found"> {
      const [id] = person.ids;
      return prisma.$transaction(async (tx) => {
        if (id === undefined || !(await tx.contact.findUnique({ where: { id }, select: { id: true } })))
          return "not_found";
        const late = await tx.contact.count({
          where: { mergedIntoId: { in: person.ids }, id: { notIn: person.ids } },
        });
        if (late > 0) return "changed";
        const greetings = await tx.greeting.count({ where: { contactId: { in: person.ids } } });
        const deleted = await tx.contact.deleteMany({ where: { id: { in: person.ids } } });
        const own = [
          { table: "contacts", rows: deleted.count + (touched.find((t) => t.table === "contacts")?.rows ?? 0) },
          { table: "greetings", rows: greetings },
        ];
        const all = [...touched.filter((t) => t.table !== "contacts"), ...own].filter((t) => t.rows > 0);
        // Earlier audit lines keep only field names and ids; they stay as the record of what was done.
        await audit(tx, id, "erased", by, all.map((t) => `${t.table} ${t.rows}`).join(", "));
        for (const duplicate of person.ids.slice(1)) await audit(tx, duplicate, "erased", by, `with ${id}`);
        return all;
      });
    },

    /** Gives back the space of an erasure's deleted and rewritten rows (see src/db/personal-data.ts). */
    reclaimSpace: (tables: string[]) => reclaimSpace(prisma, tables),

    findAudit: (id: number) => prisma.contactAudit.findMany({ where: { contactId: id }, orderBy: { id: "asc" } }),
  };
}

export type ContactStore = ReturnType<typeof createContactStore>;
