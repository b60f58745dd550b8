// The archive's pure rules: which fields an edit changed, what a merge keeps, and how search words
// are read. No database.

import { searchWords } from "../../lib/greeklish.js";
import type { ContactDraft } from "./contact-validation.js";

export const DRAFT_FIELDS: (keyof ContactDraft)[] = [
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

type StoredFields = { [K in keyof ContactDraft]: ContactDraft[K] | null } & { nameDayConfirmed: boolean };

/** The fields of `draft` that differ from the stored contact. */
export function changedFields(current: StoredFields, draft: ContactDraft): (keyof ContactDraft)[] {
  return DRAFT_FIELDS.filter((f) => (current[f] ?? null) !== (draft[f] ?? null));
}

/**
 * What the contact that stays takes from its duplicate: its own empty fields filled, VIP kept, an
 * opt-out never lost, and both notes when they differ.
 */
export function mergedFields(dup: StoredFields, keep: StoredFields): Record<string, unknown> {
  const fill: Record<string, unknown> = {};
  for (const f of DRAFT_FIELDS) {
    if ((keep[f] === null || keep[f] === "") && dup[f] !== null) fill[f] = dup[f];
  }
  if (dup.vip && !keep.vip) fill.vip = true;
  if (dup.optOutGreetings && !keep.optOutGreetings) fill.optOutGreetings = true;
  if (fill.nameDayKey !== undefined) fill.nameDayConfirmed = dup.nameDayConfirmed;
  if (dup.notes && keep.notes && dup.notes !== keep.notes) fill.notes = `${keep.notes}\n${dup.notes}`.slice(0, 3000);
  return fill;
}

/** The words of a search (at most 8), stripped of what cannot match. */
export function searchTerms(text: string): string[] {
  // Articles and prepositions say nothing («ο Δήμαρχος της Λεμεσού»), unless they are all there is.
  return searchWords(text)
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}@.'-]/gu, ""))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}
