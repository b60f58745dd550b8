/**
 * Folds text for comparison: accents removed (NFD, combining marks dropped), lower case, final
 * sigma as sigma. «ΔΉΜΑΡΧΟΣ», «δήμαρχος» and «δημαρχος» all fold to «δημαρχοσ».
 */
export function foldGreek(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ").trim();
}

/**
 * Skeleton words (see grafeio_phonetic) → a prefix tsquery: Greek endings vary with the case, so
 * the last letters are dropped. For skeleton vectors that keep whole words only (letters); the
 * clippings' vector keeps prefixes and is searched with exact stems (grafeio_stem_query).
 */
export function phoneticPrefixQuery(skeleton: string): string | undefined {
  const terms = skeleton
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2)
    .slice(0, 12)
    .map((w) => (w.length <= 4 ? w : w.slice(0, Math.max(4, w.length - 2))))
    .map((w) => `${w}:*`);
  return terms.length ? terms.join(" & ") : undefined;
}

// C0 controls but tab, line feed and carriage return; DEL; C1 controls; and halves of a surrogate
// pair standing alone (no character at all).
const CONTROL_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What a person typed, without the control characters nobody types on purpose (a NUL pasted from
 * somewhere): PostgreSQL refuses a NUL in text, so a search for it failed. Each becomes a space,
 * so that the words either side stay apart.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, " ");
}

const greek = new Intl.Collator("el", { sensitivity: "base", numeric: true });

/**
 * Sorted as a Greek reader sorts a list: accents and capitals folded («Ένοπλες δυνάμεις» after
 * «Αδελφοποιημένες πόλεις»; the database's byte order put every accented capital first).
 */
export function inGreekOrder<T extends { nameEl: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => greek.compare(a.nameEl, b.nameEl));
}

/**
 * The parts of a label that say something new, in order: a contact that is an organisation has its
 * name twice (as the person and as the organisation), which a list would otherwise repeat
 * («Τράπεζα Πειραιώς, Τράπεζα Πειραιώς»). Empty parts go too; parts are compared folded.
 */
export function distinctParts(parts: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    const trimmed = part?.trim();
    if (!trimmed) continue;
    const key = foldGreek(trimmed);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(trimmed);
  }
  return kept;
}

/** A name with its Latin spelling after it, as plain text: «Φαέντσα (Faenza)», or the name alone. */
export function nameWithLatin(name: string, latin?: string | null): string {
  return latin ? `${name} (${latin})` : name;
}
