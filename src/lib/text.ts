/**
 * Folds text for comparison: accents removed (NFD, combining marks dropped), lower case, final
 * sigma as sigma. «ΔΉΜΑΡΧΟΣ», «δήμαρχος» and «δημαρχος» all fold to «δημαρχοσ».
 */
export function foldGreek(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ").trim();
}
