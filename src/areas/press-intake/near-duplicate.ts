// The same story from another outlet: titles compared as sets of folded, stemmed words (token-set
// Jaccard). A word is cut to its first 5 letters: Greek case endings vary in length («Δήμαρχος»,
// «Δήμαρχο», «δημάρχου»; «ποδηλατόδρομος», «ποδηλατόδρομο»), so the search's length-dependent
// cut (max(4, length − 2)) would keep them apart, where a fixed truncation makes them one word.

import { foldGreek } from "../../lib/text.js";

export const NEAR_DUPLICATE_THRESHOLD = 0.5;
const STEM_LETTERS = 5;

// Words that say nothing about the story (folded).
const STOP = new Set(
  (
    "και του της των τον την το τα τη τις τους στο στη στην στον στα στις στους σε με για από απο " +
    "ως που οι ο η ενα ενας μια μιασ ειναι θα να δεν μη μην κατα μετα προς επι ποιο τι ολα " +
    "the a an of to in on for and or with at by from is are was new"
  ).split(" "),
);

/** A title's words as the rule compares them: folded, stop words out, stemmed, sorted, unique. */
export function titleWords(title: string): string[] {
  const words = foldGreek(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w))
    .map((w) => w.slice(0, STEM_LETTERS));
  return [...new Set(words)].sort();
}

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const common = a.filter((w) => setB.has(w)).length;
  return common / (a.length + b.length - common);
}

/** The earlier title this one resembles most, if at or above the threshold. */
export function mostSimilar<T extends { words: readonly string[] }>(
  words: readonly string[],
  earlier: readonly T[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): { item: T; score: number } | undefined {
  let best: { item: T; score: number } | undefined;
  for (const item of earlier) {
    const score = jaccard(words, item.words);
    if (score >= threshold && (!best || score > best.score)) best = { item, score };
  }
  return best;
}
