// What a GDPR erasure looks for in the office's free text, and what it leaves in its place. Pure:
// each area's store applies it to its own columns (see the contacts area's PersonalDataHolder).

/**
 * What stands where an erased person was named: stored in the registers (a letter's counterpart, a
 * gift's recipient), so it is data in the office's language, like the registers themselves, not a
 * text of the interface.
 */
export const ERASED_MARK = "[διαγράφηκε]";

/**
 * A person being erased, as every area is told about them: the contact's id and the ids of the
 * duplicates merged into it, and every name, email address and phone number those rows held.
 */
export interface ErasedPerson {
  ids: number[];
  names: string[];
  emails: string[];
  phones: string[];
}

/** What an area's erasure step changed: a table and how many of its rows were deleted or anonymised. */
export interface ErasedRows {
  table: string;
  rows: number;
}

export interface Redactor {
  /** The text with every mention of the person (name, email, phone) replaced by ERASED_MARK. */
  redact(text: string): string;
  redact(text: string | null): string | null;
  /** Whether the text mentions the person at all. */
  mentions(text: string | null | undefined): boolean;
}

// Letters and digits: a name matches only as whole words («Νίκος» not inside «Νίκοσθένης»).
const BEFORE = "(?<![\\p{L}\\p{N}])";
const AFTER = "(?![\\p{L}\\p{N}])";
const SEPARATORS = "[\\s.\\-/()]*";
/** Fewer digits than this are not a phone number one can find in free text without false hits. */
const MIN_PHONE_DIGITS = 7;
/** Greek numbers have 10 digits after the country code; the last 10 are what people write. */
const NATIONAL_DIGITS = 10;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A word as a pattern over NFD text: each letter with whatever accents follow it, any case. */
function wordPattern(word: string): string {
  return [...word.normalize("NFD").replace(/\p{M}/gu, "")].map((ch) => `${escapeRegExp(ch)}\\p{M}*`).join("");
}

/**
 * A name as written in the archive, and with its words the other way round (offices write the
 * surname first as often as last); accents, capitals and final sigma do not matter.
 */
function namePatterns(name: string): string[] {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.join("").length < 3) return [];
  const orders = words.length > 1 ? [words, [...words].reverse()] : [words];
  return orders.map((w) => `${BEFORE}${w.map(wordPattern).join("[\\s,]+")}${AFTER}`);
}

function phonePattern(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < MIN_PHONE_DIGITS) return undefined;
  const national = digits.slice(-NATIONAL_DIGITS);
  // An optional country code (+30, 0030) before the national number, separators anywhere.
  return `(?:(?:\\+|00)\\d{1,3}${SEPARATORS}|(?<!\\d))${[...national].join(SEPARATORS)}(?!\\d)`;
}

export function personRedactor(person: Pick<ErasedPerson, "names" | "emails" | "phones">): Redactor {
  const patterns = [
    ...person.emails.filter((e) => e.trim()).map((e) => escapeRegExp(e.trim().normalize("NFD"))),
    ...person.phones.flatMap((p) => phonePattern(p) ?? []),
    ...person.names.flatMap(namePatterns),
  ];
  // Emails first, then phones, then names: an email that contains the name goes whole.
  const pattern = patterns.length ? new RegExp(patterns.join("|"), "giu") : undefined;
  function redact(text: string): string;
  function redact(text: string | null): string | null;
  function redact(text: string | null): string | null {
    if (text === null || !pattern) return text;
    const nfd = text.normalize("NFD");
    const replaced = nfd.replace(pattern, ERASED_MARK);
    return replaced === nfd ? text : replaced.normalize("NFC");
  }
  return {
    redact,
    mentions(text) {
      if (!text || !pattern) return false;
      pattern.lastIndex = 0;
      return pattern.test(text.normalize("NFD"));
    },
  };
}

/** Every string inside a JSON value redacted (an import's stored plan); the same value when none changed. */
export function redactJson(value: unknown, redactor: Redactor): unknown {
  if (typeof value === "string") return redactor.redact(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => redactJson(v, redactor));
    return items.every((v, i) => v === value[i]) ? value : items;
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => [k, redactJson(v, redactor)] as const);
    return entries.every(([k, v]) => v === (value as Record<string, unknown>)[k]) ? value : Object.fromEntries(entries);
  }
  return value;
}
