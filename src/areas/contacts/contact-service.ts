// The contact archive: entering, correcting, merging, archiving and searching contacts, and the
// data-protection requests (a person's full record, and its erasure leaving an audit line).

import { isUniqueViolation } from "../../db/errors.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { Clock } from "../../lib/clock.js";
import type { ContactDraft } from "./contact-validation.js";

export type ContactRecord = Prisma.ContactGetPayload<{ include: { category: true } }>;

export interface CategoryOption {
  slug: string;
  nameEl: string;
  nameEn: string;
}

export type CreateContactResult =
  | { status: "created"; contact: ContactRecord }
  /** The same submission (a Slack retry, a double click, a re-applied import row) was stored before. */
  | { status: "already_stored"; contact: ContactRecord };

/** Audit actions. The audit keeps who did what and when, never the personal data itself. */
export type ContactAuditAction = "created" | "updated" | "archived" | "restored" | "merged" | "exported" | "erased";

const DRAFT_FIELDS: (keyof ContactDraft)[] = [
  "nameEl",
  "nameLatin",
  "title",
  "organisation",
  "categorySlug",
  "country",
  "language",
  "email",
  "phone",
  "address",
  "vip",
  "nameDayKey",
  "notes",
  "consent",
  "source",
  "optOutGreetings",
];

export const SEARCH_PAGE_SIZE = 10;

export function createContactService({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  const include = { category: true } as const;

  async function audit(
    tx: Prisma.TransactionClient,
    contactId: number,
    action: ContactAuditAction,
    actor: string,
    detail?: string,
  ) {
    await tx.contactAudit.create({ data: { contactId, action, actor, at: clock.now(), detail: detail ?? null } });
  }

  async function get(id: number): Promise<ContactRecord | null> {
    return prisma.contact.findUnique({ where: { id }, include });
  }

  return {
    get,

    async listCategories(): Promise<CategoryOption[]> {
      return prisma.contactCategory.findMany({
        where: { active: true },
        orderBy: { nameEl: "asc" },
        select: { slug: true, nameEl: true, nameEn: true },
      });
    },

    async addCategory(category: CategoryOption): Promise<"created" | "exists"> {
      const existing = await prisma.contactCategory.findUnique({ where: { slug: category.slug } });
      if (existing?.active) return "exists";
      await prisma.contactCategory.upsert({
        where: { slug: category.slug },
        create: category,
        update: { ...category, active: true },
      });
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
        const earlier = await prisma.contact.findUnique({ where: { submissionKey }, include });
        if (earlier) return { status: "already_stored", contact: earlier };
      }
      try {
        const contact = await prisma.$transaction(async (tx) => {
          const created = await tx.contact.create({
            data: {
              ...draft,
              nameDayConfirmed: options.nameDayConfirmed ?? false,
              submissionKey: submissionKey ?? null,
              createdBy,
              createdAt: clock.now(),
            },
            include,
          });
          await audit(tx, created.id, "created", createdBy);
          return created;
        });
        return { status: "created", contact };
      } catch (error) {
        // Two deliveries of one submission at the same moment: the unique key let one in.
        if (submissionKey && isUniqueViolation(error)) {
          const earlier = await prisma.contact.findUnique({ where: { submissionKey }, include });
          if (earlier) return { status: "already_stored", contact: earlier };
        }
        throw error;
      }
    },

    /** Applies the changed fields; returns their names (empty when nothing changed). */
    async update(
      id: number,
      draft: ContactDraft,
      by: string,
      options: { nameDayConfirmed?: boolean } = {},
    ): Promise<(keyof ContactDraft)[] | null> {
      return prisma.$transaction(async (tx) => {
        const current = await tx.contact.findUnique({ where: { id } });
        if (!current) return null;
        const changed = DRAFT_FIELDS.filter((f) => (current[f] ?? null) !== (draft[f] ?? null));
        const confirm = options.nameDayConfirmed !== undefined && options.nameDayConfirmed !== current.nameDayConfirmed;
        if (changed.length === 0 && !confirm) return [];
        await tx.contact.update({
          where: { id },
          data: {
            ...draft,
            ...(options.nameDayConfirmed !== undefined ? { nameDayConfirmed: options.nameDayConfirmed } : {}),
          },
        });
        await audit(tx, id, "updated", by, changed.join(","));
        return changed;
      });
    },

    /** Sets or confirms the name day; false when the contact is gone or it was already so. */
    async setNameDay(id: number, key: string | null, confirmed: boolean, by: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const changed = await tx.contact.updateMany({
          where: { id, NOT: { nameDayKey: key, nameDayConfirmed: confirmed } },
          data: { nameDayKey: key, nameDayConfirmed: confirmed },
        });
        if (changed.count > 0) await audit(tx, id, "updated", by, confirmed ? "nameDayKey,confirmed" : "nameDayKey");
        return changed.count > 0;
      });
    },

    async setArchived(id: number, archived: boolean, by: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const current = await tx.contact.findUnique({ where: { id } });
        if (!current || (current.archivedAt !== null) === archived) return false;
        await tx.contact.update({ where: { id }, data: { archivedAt: archived ? clock.now() : null } });
        await audit(tx, id, archived ? "archived" : "restored", by);
        return true;
      });
    },

    /**
     * Merges a duplicate into the contact that stays: empty fields of the one that stays are filled
     * from the duplicate, its greetings move over, and the duplicate is archived pointing to it.
     */
    async merge(duplicateId: number, keepId: number, by: string): Promise<"merged" | "same" | "not_found"> {
      if (duplicateId === keepId) return "same";
      return prisma.$transaction(async (tx) => {
        const [dup, keep] = await Promise.all([
          tx.contact.findUnique({ where: { id: duplicateId } }),
          tx.contact.findUnique({ where: { id: keepId } }),
        ]);
        if (!dup || !keep || dup.mergedIntoId !== null) return "not_found";
        const fill: Record<string, unknown> = {};
        for (const f of DRAFT_FIELDS) {
          if ((keep[f] === null || keep[f] === "") && dup[f] !== null) fill[f] = dup[f];
        }
        if (dup.vip && !keep.vip) fill.vip = true;
        if (dup.optOutGreetings && !keep.optOutGreetings) fill.optOutGreetings = true; // an opt-out is never lost
        if (fill.nameDayKey !== undefined) fill.nameDayConfirmed = dup.nameDayConfirmed;
        if (dup.notes && keep.notes && dup.notes !== keep.notes)
          fill.notes = `${keep.notes}\n${dup.notes}`.slice(0, 3000);
        await tx.contact.update({ where: { id: keepId }, data: fill });
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
     * Searches names (Greek and Latin), title, organisation and email, accent-, case- and
     * Greeklish-insensitive, with some tolerance for typos. VIPs first among equals.
     */
    async search(
      text: string,
      options: { includeArchived?: boolean; page?: number; limit?: number } = {},
    ): Promise<{ contacts: ContactRecord[]; hasMore: boolean }> {
      const terms = text
        .split(/\s+/)
        .map((w) => w.replace(/[^\p{L}\p{N}@.'-]/gu, ""))
        .filter((w) => w.length > 0)
        .slice(0, 8);
      const limit = options.limit ?? SEARCH_PAGE_SIZE;
      const offset = ((options.page ?? 1) - 1) * limit;
      if (terms.length === 0) return { contacts: [], hasMore: false };
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
        LIMIT ${limit + 1} OFFSET ${offset}`;
      const ids = rows.slice(0, limit).map((r) => r.id);
      const found = await prisma.contact.findMany({ where: { id: { in: ids } }, include });
      const byId = new Map(found.map((c) => [c.id, c]));
      return {
        contacts: ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as ContactRecord] : [])),
        hasMore: rows.length > limit,
      };
    },

    /** Contacts whose chosen name day is one of `keys`: VIPs first, then by name. */
    async celebrating(keys: string[], options: { includeOptedOut?: boolean } = {}): Promise<ContactRecord[]> {
      if (keys.length === 0) return [];
      return prisma.contact.findMany({
        where: {
          nameDayKey: { in: keys },
          archivedAt: null,
          mergedIntoId: null,
          ...(options.includeOptedOut ? {} : { optOutGreetings: false }),
        },
        include,
        orderBy: [{ vip: "desc" }, { nameEl: "asc" }, { id: "asc" }],
      });
    },

    /** Everyone in the archive that greetings go to (not archived, not opted out). */
    async greetable(): Promise<ContactRecord[]> {
      return prisma.contact.findMany({
        where: { archivedAt: null, mergedIntoId: null, optOutGreetings: false },
        include,
        orderBy: [{ categorySlug: "asc" }, { language: "asc" }, { vip: "desc" }, { nameEl: "asc" }],
      });
    },

    /** Contacts likely to be officials at an event: VIPs first, then those with a title. */
    async officials(): Promise<ContactRecord[]> {
      return prisma.contact.findMany({
        where: { archivedAt: null, mergedIntoId: null, OR: [{ vip: true }, { title: { not: null } }] },
        include,
        orderBy: [{ vip: "desc" }, { nameEl: "asc" }],
        take: 100,
      });
    },

    /** Every contact, archived ones too, for the office's CSV export. */
    async all(): Promise<ContactRecord[]> {
      return prisma.contact.findMany({ where: { mergedIntoId: null }, include, orderBy: { id: "asc" } });
    },

    /** A person's full record (data-protection access request): the contact, its greetings and audit. */
    async personalData(id: number, by: string) {
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
     * Erases a contact on request: the row and its greetings go; one audit line says who erased
     * contact #id and when, with nothing that identifies the person.
     */
    async erase(id: number, by: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.contact.findUnique({ where: { id }, select: { id: true } });
        if (!existing) return false;
        await tx.contact.updateMany({ where: { mergedIntoId: id }, data: { mergedIntoId: null } });
        await tx.contact.delete({ where: { id } });
        // Earlier audit lines keep only field names and ids; they stay as the record of what was done.
        await audit(tx, id, "erased", by);
        return true;
      });
    },

    async auditOf(id: number) {
      return prisma.contactAudit.findMany({ where: { contactId: id }, orderBy: { id: "asc" } });
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
