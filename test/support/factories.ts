// Realistic test data with only what a test cares about spelt out.
import type { ContactDraft } from "../../src/areas/contacts/contact-validation.js";

/** A contact as the form would store it, every optional field empty: `contactDraft({ nameEl: "…" })`. */
export function contactDraft(fields: Partial<ContactDraft> & { nameEl: string }): ContactDraft {
  return {
    nameLatin: null,
    title: null,
    organisation: null,
    categorySlug: null,
    country: null,
    language: null,
    email: null,
    phone: null,
    address: null,
    vip: false,
    nameDayKey: null,
    notes: null,
    consent: null,
    source: null,
    optOutGreetings: false,
    ...fields,
  };
}
