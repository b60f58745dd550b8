// A name as people type it, read against the calendar: in another case («Γιώργο», «Γιάννη»,
// «Μαρίας», «Γιώργου», «Σπυρίδωνος»), double («Μαρία-Ελένη»: both), abbreviated the way
// official lists abbreviate («Κυρ.», «Κων/νος», «Χαρ/πος»), and in Greeklish («Giorgo») through the
// calendar's own look-up. Pure: the calendar in, the names it knows out.

import { foldName } from "./name-forms.js";
import type { NameDayCalendar, NameDayMatch } from "./nameday-calendar.js";
import { PRINCIPAL_NAMES } from "./principal-names.js";

export interface TypedName {
  /** What was typed, as typed («Γιώργο», «Κυρ.»). */
  typed: string;
  /** The calendar's spelling of the name it stands for («Γιώργος», «Κυριακή»). */
  name: string;
  /** `asTyped`: a form the calendar has; `inflected`: another case of one; `abbreviation`: one of the names it may stand for. */
  how: "asTyped" | "inflected" | "abbreviation";
  /** Which space-separated word it came from: a double name («Μαρία-Ελένη») is one word. */
  word: number;
  matches: NameDayMatch[];
}

/**
 * Endings of another case and the nominative they come from, tried in this order once the word as
 * typed is not a name (the calendar compares without accents, so «Αλεξάνδρου» finds Αλέξανδρος).
 * Greek folded (no accents, final σ as σ), then Greeklish.
 */
const CASE_ENDINGS: readonly [string, string][] = [
  ["ωνοσ", "ων"], // Σπυρίδωνος → Σπυρίδων
  ["ωνα", "ων"], // Σπυρίδωνα, Πλάτωνα
  ["ονα", "ων"], // Αγαμέμνονα
  ["ου", "οσ"], // Γιώργου, Αλεξάνδρου, Νικολάου
  ["ο", "οσ"], // Γιώργο, Νίκο
  ["ε", "οσ"], // Αλέξανδρε, Νικόλαε
  ["η", "ησ"], // Γιάννη, Βασίλη
  ["α", "ασ"], // Ηλία, Κώστα, Ανδρέα, Θωμά
  ["ασ", "α"], // Μαρίας, Σοφίας
  ["ησ", "η"], // Ελένης, Αικατερίνης
  ["ωσ", "ω"], // Φρόσως
  ["onos", "on"],
  ["ona", "on"],
  ["ou", "os"],
  ["o", "os"],
  ["e", "os"],
  ["i", "is"],
  ["a", "as"],
  ["as", "a"],
  ["is", "i"],
];

/** Weekday words that are also names: typed alone, they are read as the name (see day-argument). */
export const WEEKDAY_NAMES: ReadonlySet<string> = new Set(["κυριακη", "παρασκευη"]);

const MAX_ABBREVIATED = 5;
/** The names the office greets most (the principal names of the feasts): first among an abbreviation's. */
const principal = new Set(Object.values(PRINCIPAL_NAMES).flat());
const collator = new Intl.Collator("el", { sensitivity: "base" });

/**
 * The names in what was typed. Each word as typed first: if any is a name, only those count (in
 * «Μαρία Γεωργίου» the father's name in the genitive is not hers). Otherwise other cases and
 * abbreviations. `unknown`: the words that were no name either way.
 */
export function readTypedNames(calendar: NameDayCalendar, text: string): { names: TypedName[]; unknown: string[] } {
  const words = text
    .split(/[\s,;]+/u)
    .map((w) => w.trim())
    .filter(Boolean)
    .slice(0, 12);
  const parts = words.map((word, i) =>
    word
      .split(/[-‐‑‒–—]+/u)
      .map((p) => p.replace(/^[^\p{L}]+/u, "").replace(/[^\p{L}./]+$/u, ""))
      .filter((p) => /\p{L}/u.test(p))
      .map((typed) => ({ typed, word: i })),
  );
  const flat = parts.flat();
  const asTyped: TypedName[] = [];
  for (const { typed, word } of flat) {
    const plain = typed.replace(/\.$/, "");
    if (plain !== typed || plain.includes("/")) continue; // an abbreviation
    const matches = calendar.lookup(plain);
    const name = calendar.spellingOf(plain);
    if (matches.length > 0 && name) asTyped.push({ typed, name, how: "asTyped", word, matches });
  }
  const found = asTyped.length > 0 ? asTyped : flat.flatMap(({ typed, word }) => otherForms(calendar, typed, word));
  const foundTyped = new Set(found.map((n) => n.typed));
  return { names: found, unknown: flat.map((p) => p.typed).filter((t) => !foundTyped.has(t)) };
}

function otherForms(calendar: NameDayCalendar, typed: string, word: number): TypedName[] {
  const abbreviated = /^(\p{L}{2,})\.$/u.exec(typed) ?? /^(\p{L}{2,})\/(\p{L}{2,})$/u.exec(typed);
  if (abbreviated) {
    const prefix = foldName(abbreviated[1] ?? "");
    const suffix = foldName(abbreviated[2] ?? "");
    return [...calendar.headNames()]
      .filter((n) => {
        const f = foldName(n);
        return f.startsWith(prefix) && f.endsWith(suffix) && f.length > prefix.length + suffix.length;
      })
      .sort((a, b) => Number(principal.has(b)) - Number(principal.has(a)) || collator.compare(a, b))
      .slice(0, MAX_ABBREVIATED)
      .map((name) => ({ typed, name, how: "abbreviation" as const, word, matches: calendar.lookup(name) }));
  }
  const folded = foldName(typed);
  if (folded.length < 3) return [];
  for (const [ending, nominative] of CASE_ENDINGS) {
    if (!folded.endsWith(ending) || folded.length <= ending.length + 1) continue;
    const candidate = folded.slice(0, -ending.length) + nominative;
    const matches = calendar.lookup(candidate);
    const name = calendar.spellingOf(candidate);
    if (matches.length > 0 && name) return [{ typed, name, how: "inflected", word, matches }];
  }
  return [];
}

/**
 * The feasts a full name celebrates, for a contact: its first word that is a name, and with it the
 * rest of a double name («Μαρία-Ελένη Παπαδοπούλου»: both). The surname may come first, as
 * official lists write it; a first name in another case or abbreviated («Κων/νος») is read too.
 */
export function feastsOfName(calendar: NameDayCalendar, fullName: string): NameDayMatch[] {
  const { names } = readTypedNames(calendar, fullName);
  const first = names[0];
  if (!first) return [];
  const group = names.filter((n) => n.word === first.word);
  // An abbreviation that may stand for several names («Κυρ.») suggests none of them.
  const chosen = group.filter((n) => n.how !== "abbreviation" || group.filter((m) => m.typed === n.typed).length === 1);
  const byKey = new Map<string, NameDayMatch>();
  for (const match of chosen.flatMap((n) => n.matches)) {
    const known = byKey.get(match.key);
    // A feast that is the main one of either name is main for the person.
    if (!known || (known.secondary && !match.secondary)) byKey.set(match.key, match);
  }
  return [...byKey.values()];
}
