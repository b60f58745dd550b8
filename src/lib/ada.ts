// Diavgeia's internet-unique number of a published decision (ΑΔΑ): its one written form and its
// page. Pure: the agreements' council decisions and the networks' memberships check it alike.

// Diavgeia's ΑΔΑ: ten characters, a hyphen, three; Greek capitals and digits (Ψ4ΛΚ46ΜΤΛ6-ΞΣ4).
const ADA = /^[0-9Α-ΡΣ-Ω]{10}-[0-9Α-ΡΣ-Ω]{3}$/u;
// What a Latin keyboard types for the Greek capitals that look the same.
const LATIN_LOOKALIKES: Record<string, string> = {
  A: "Α",
  B: "Β",
  E: "Ε",
  Z: "Ζ",
  H: "Η",
  I: "Ι",
  K: "Κ",
  M: "Μ",
  N: "Ν",
  O: "Ο",
  P: "Ρ",
  T: "Τ",
  Y: "Υ",
  X: "Χ",
};

/**
 * An ΑΔΑ as typed (lower case, accents, Latin look-alikes, a dash or spaces), in its one written
 * form, or undefined when it cannot be one. Only the form is checked: Diavgeia is not asked.
 */
export function normaliseAda(text: string): string | undefined {
  const upper = text
    .trim()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, "")
    .replace(/[ABEZHIKMNOPTYX]/g, (c) => LATIN_LOOKALIKES[c] ?? c);
  return ADA.test(upper) ? upper : undefined;
}

export function diavgeiaUrl(ada: string): string {
  return `https://diavgeia.gov.gr/decision/view/${encodeURIComponent(ada)}`;
}
