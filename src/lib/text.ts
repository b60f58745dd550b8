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
