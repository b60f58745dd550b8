// The rules a contact must meet. Pure: no database, no Slack. The form, the import and the edit
// all come through here, so a contact is the same whichever way it entered the archive.
import { parseRuleKey } from "../../calendar/namedays/nameday-calendar.js";

export const CONTACT_LIMITS = {
  nameEl: 200,
  nameLatin: 200,
  title: 200,
  organisation: 200,
  country: 80,
  language: 40,
  email: 254,
  phone: 40,
  address: 500,
  notes: 3000,
  consent: 300,
  source: 300,
} as const;

/** What a form or a CSV row holds, as text, before validation. */
export interface ContactInput {
  nameEl?: string;
  nameLatin?: string;
  title?: string;
  organisation?: string;
  categorySlug?: string;
  country?: string;
  language?: string;
  email?: string;
  phone?: string;
  address?: string;
  vip?: boolean;
  nameDayKey?: string;
  notes?: string;
  consent?: string;
  source?: string;
  optOutGreetings?: boolean;
}

export type ContactField = keyof ContactInput;

export type ContactError =
  | { code: "required" }
  | { code: "tooLong"; max: number }
  | { code: "emailInvalid" }
  | { code: "phoneInvalid" }
  | { code: "unknownCategory" }
  | { code: "nameDayInvalid" }
  | { code: "nameNotGreekOrLatin" };

export interface ContactDraft {
  nameEl: string;
  nameLatin: string | null;
  title: string | null;
  organisation: string | null;
  categorySlug: string | null;
  country: string | null;
  language: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  vip: boolean;
  nameDayKey: string | null;
  notes: string | null;
  consent: string | null;
  source: string | null;
  optOutGreetings: boolean;
}

export type ContactValidation =
  | { ok: true; draft: ContactDraft }
  | { ok: false; errors: Partial<Record<ContactField, ContactError>> };

const oneLine = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
// Greek and international numbers as people write them: +30 210 123 4567, (210) 6150-000, 6971234567.
const PHONE = /^\+?[0-9 ().-]{5,}$/;

export function validateContact(
  input: ContactInput,
  { knownCategories }: { knownCategories: ReadonlySet<string> },
): ContactValidation {
  const errors: Partial<Record<ContactField, ContactError>> = {};
  const text = (field: keyof typeof CONTACT_LIMITS, multiline = false): string | null => {
    const raw = input[field];
    const value = multiline ? (typeof raw === "string" ? raw.trim() : "") : oneLine(raw as string | undefined);
    if (value.length > CONTACT_LIMITS[field]) errors[field] = { code: "tooLong", max: CONTACT_LIMITS[field] };
    return value || null;
  };
  const nameEl = text("nameEl");
  if (!nameEl) errors.nameEl = { code: "required" };
  else if (!/\p{L}/u.test(nameEl)) errors.nameEl = { code: "nameNotGreekOrLatin" };
  const nameLatin = text("nameLatin");
  const email = text("email")?.toLowerCase() ?? null;
  if (email && !errors.email && !EMAIL.test(email)) errors.email = { code: "emailInvalid" };
  const phone = text("phone");
  if (phone && !errors.phone && (!PHONE.test(phone) || phone.replace(/\D/g, "").length < 5))
    errors.phone = { code: "phoneInvalid" };
  const categorySlug = oneLine(input.categorySlug) || null;
  if (categorySlug && !knownCategories.has(categorySlug)) errors.categorySlug = { code: "unknownCategory" };
  const nameDayKey = oneLine(input.nameDayKey) || null;
  if (nameDayKey && !parseRuleKey(nameDayKey)) errors.nameDayKey = { code: "nameDayInvalid" };
  const draft: ContactDraft = {
    nameEl: nameEl ?? "",
    nameLatin,
    title: text("title"),
    organisation: text("organisation"),
    categorySlug,
    country: text("country"),
    language: text("language"),
    email,
    phone,
    address: text("address", true),
    vip: input.vip ?? false,
    nameDayKey,
    notes: text("notes", true),
    consent: text("consent"),
    source: text("source"),
    optOutGreetings: input.optOutGreetings ?? false,
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, draft };
}
