// The vocative (κλητική) of Greek first names and surnames, and the name-day wishes built on it:
// «Χρόνια πολλά, Γιώργο!», «Αγαπητέ κύριε Παπαδόπουλε,», «Σεβασμιώτατε,». Pure.
//
// The grammar (Τριανταφυλλίδης, Νεοελληνική Γραμματική §§ 300–330): only masculine names change.
// - -ος: -ο in names of two syllables (Γιώργο, Νίκο, Πέτρο) and in everyday forms in -άκος, -έκος,
//   -ίκος (Αλέκο, Σπυράκο); -ε in longer ones (Αλέξανδρε, Παπαδόπουλε, Κωνσταντίνε), and in the
//   learned -ιος, -ειος of four syllables or more (Γρηγόριε, Βασίλειε; but Στέλιο); oxytone -ός → -έ
//   (Ρωμανέ).
// - -ης → -η, -ής → -ή (Γιάννη, Παναγιώτη, Καραμανλή); -ας → -α (Κώστα, Ανδρέα, Σαμαρά);
//   -ούς → -ού; -εύς → -εύ (Αχιλλεύ).
// - Feminine names and surnames (Μαρία, Ελένη, Παπαδοπούλου), -ων (Σπυρίδων) and names in another
//   script stay as they are.

import { readTypedNames } from "./name-query.js";
import type { NameDayCalendar } from "./nameday-calendar.js";

const VOWELS = "αεηιουω";
const DIGRAPHS = ["αι", "ει", "οι", "ου", "υι", "αυ", "ευ", "ηυ"];

interface Letter {
  base: string;
  accent: boolean;
  diaeresis: boolean;
}

function letters(word: string): Letter[] {
  const out: Letter[] = [];
  for (const ch of word.toLowerCase().normalize("NFD")) {
    if (/\p{M}/u.test(ch)) {
      const last = out.at(-1);
      if (!last) continue;
      if (ch === "\u0301" || ch === "\u0384") last.accent = true;
      if (ch === "\u0308") last.diaeresis = true;
      continue;
    }
    out.push({ base: ch === "ς" ? "σ" : ch, accent: false, diaeresis: false });
  }
  return out;
}

/**
 * The syllables' vowel groups of a word, each with whether it carries the accent. An unaccented ι
 * or υ before another vowel after a consonant is a glide (Γιώργος: two syllables), as is the ι of a
 * popular -ιος (Στέλιος) — `learned` reads it as a syllable of its own (Γρη-γό-ρι-ος).
 */
function syllables(word: string, learned = false): boolean[] {
  const ls = letters(word);
  const out: boolean[] = [];
  let i = 0;
  while (i < ls.length) {
    const l = ls[i] as Letter;
    if (!VOWELS.includes(l.base)) {
      i++;
      continue;
    }
    const next = ls[i + 1];
    // A digraph is one vowel, unless the second letter has a diaeresis or the first the accent.
    if (next && DIGRAPHS.includes(l.base + next.base) && !next.diaeresis && !l.accent) {
      out.push(next.accent);
      i += 2;
      continue;
    }
    const prev = ls[i - 1];
    const glide =
      (l.base === "ι" || l.base === "υ") &&
      !l.accent &&
      !l.diaeresis &&
      next !== undefined &&
      VOWELS.includes(next.base) &&
      prev !== undefined &&
      !VOWELS.includes(prev.base) &&
      !(learned && i === ls.length - 3);
    if (glide) {
      i++;
      continue;
    }
    out.push(l.accent);
    i++;
  }
  return out;
}

const isUpper = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();

/** `ending` of `word` replaced, keeping the word's capitals: ΓΙΩΡΓΟΣ → ΓΙΩΡΓΟ. */
function replaceEnding(word: string, length: number, by: string): string {
  const stem = [...word].slice(0, -length).join("");
  return (
    stem +
    (isUpper(word) && word.length > 1
      ? by
          .toUpperCase()
          .normalize("NFD")
          .replace(/\u0301/g, "")
          .normalize()
      : by)
  );
}

/** The vocative of one Greek name, first name or surname: Γιώργος → Γιώργο, Παπαδόπουλος → Παπαδόπουλε. */
export function vocativeOfWord(word: string): string {
  const w = word.trim();
  if (!/^\p{Script=Greek}+$/u.test(w)) return w;
  const ls = letters(w);
  const ending = ls
    .slice(-3)
    .map((l) => l.base + (l.accent ? "\u0301" : ""))
    .join("")
    .normalize();
  const last2 = ls
    .slice(-2)
    .map((l) => l.base)
    .join("");
  const finalAccent = ls.at(-2)?.accent === true;
  if (last2 === "οσ") {
    if (finalAccent) return replaceEnding(w, 2, "έ"); // Ρωμανός → Ρωμανέ
    const popular = syllables(w);
    const learned = /[ι]οσ$/.test(ls.map((l) => l.base).join("")) ? syllables(w, true) : popular;
    const accentAt = learned.length - 1 - learned.lastIndexOf(true); // 0 ultima, 1 penult, 2 antepenult
    if (learned !== popular && learned.length >= 4 && accentAt >= 2) return replaceEnding(w, 2, "ε"); // Γρηγόριε
    if (/(ακ|εκ|ικ)οσ$/.test(ls.map((l) => l.base).join("")) && accentAt === 1) return replaceEnding(w, 2, "ο"); // Αλέκο
    if (popular.length <= 2) return replaceEnding(w, 2, "ο"); // Γιώργο, Νίκο, Στέλιο
    // Αλέξανδρε, Παπαδόπουλε, Κωνσταντίνε; in capitals, without accents, the same default.
    return replaceEnding(w, 2, "ε");
  }
  if (last2 === "ησ") return replaceEnding(w, 1, ""); // Γιάννη, Καραμανλή
  if (last2 === "ασ") return replaceEnding(w, 1, ""); // Κώστα, Σαμαρά
  if (ending === "ούσ" || last2 === "υσ") {
    if (ending === "ούσ" || ls.at(-3)?.base === "ο") return replaceEnding(w, 1, ""); // -ούς → -ού
    if (ls.at(-3)?.base === "ε") return replaceEnding(w, 1, ""); // Αχιλλεύς → Αχιλλεύ
  }
  return w;
}

/** Whether a first name is a woman's, by its ending: -α, -η, -ω, -ού, -ις (Μαρία, Ελένη, Φρόσω, Θέμις). */
export function isFeminineName(name: string): boolean {
  const base = letters(name.trim())
    .map((l) => l.base)
    .join("");
  if (!/^\p{Script=Greek}+$/u.test(name.trim())) return false;
  return /(α|η|ω|ου|ισ|ιδα)$/.test(base) && !/(ασ|ησ|οσ)$/.test(base);
}

/** The vocative of a full name, word by word: «Γιώργος Παπαδόπουλος» → «Γιώργο Παπαδόπουλε». */
export function vocativeOfName(fullName: string): string {
  return fullName
    .trim()
    .split(/(\s+|-)/)
    .map((part) => (/^\s+$|^-$/.test(part) ? part : vocativeOfWord(part)))
    .join("");
}

/** How protocol addresses an office («Μητροπολίτης Κηφισίας» → «Σεβασμιώτατε»). First match wins. */
const PROTOCOL: readonly { starts: string[]; m: string; f: string }[] = [
  { starts: ["αρχιεπισκοποσ", "πατριαρχησ", "archbishop"], m: "Μακαριώτατε", f: "Μακαριώτατε" },
  { starts: ["μητροπολιτησ", "metropolitan"], m: "Σεβασμιώτατε", f: "Σεβασμιώτατε" },
  { starts: ["επισκοποσ", "bishop"], m: "Θεοφιλέστατε", f: "Θεοφιλέστατε" },
  { starts: ["πρεσβησ", "πρεσβειρα", "ambassador"], m: "Εξοχότατε κύριε Πρέσβη", f: "Εξοχοτάτη κυρία Πρέσβη" },
  {
    starts: ["προεδροσ τησ δημοκρατιασ", "president of the republic"],
    m: "Εξοχότατε κύριε Πρόεδρε",
    f: "Εξοχοτάτη κυρία Πρόεδρε",
  },
  { starts: ["πρωθυπουργοσ", "prime minister"], m: "Εξοχότατε κύριε Πρωθυπουργέ", f: "Εξοχοτάτη κυρία Πρωθυπουργέ" },
  { starts: ["υφυπουργοσ"], m: "Αξιότιμε κύριε Υφυπουργέ", f: "Αξιότιμη κυρία Υφυπουργέ" },
  { starts: ["υπουργοσ", "minister"], m: "Αξιότιμε κύριε Υπουργέ", f: "Αξιότιμη κυρία Υπουργέ" },
  { starts: ["βουλευτησ", "βουλευτρια"], m: "Αξιότιμε κύριε Βουλευτά", f: "Αξιότιμη κυρία Βουλευτά" },
  { starts: ["περιφερειαρχησ"], m: "Αξιότιμε κύριε Περιφερειάρχα", f: "Αξιότιμη κυρία Περιφερειάρχη" },
  { starts: ["δημαρχοσ", "mayor"], m: "Αξιότιμε κύριε Δήμαρχε", f: "Αξιότιμη κυρία Δήμαρχε" },
  { starts: ["προξενοσ", "consul"], m: "Αξιότιμε κύριε Πρόξενε", f: "Αξιότιμη κυρία Πρόξενε" },
];

const foldTitle = (s: string) =>
  s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ς/g, "σ").replace(/\s+/g, " ").trim();

export interface GreetingPerson {
  /** The name as in the archive; the surname may come first. */
  nameEl: string;
  /** The office («Μητροπολίτης Κηφισίας», «Πρέσβης της Ιαπωνίας»), which protocol may require. */
  title?: string | null;
  /** Staff's correction: the name in the vocative as the office addresses the person (same word order as the name). */
  vocative?: string | null;
}

export interface NameParts {
  /** The first name as the greeting writes it (the calendar's spelling when it was typed in capitals). */
  first?: string;
  /** Which word of the name it is. */
  firstIndex?: number;
  surname?: string;
  surnameIndex?: number;
  feminine: boolean;
}

/**
 * The greetings for a name day, ready to copy: `informal` «Χρόνια πολλά, Γιώργο!», `formal` «Αγαπητέ
 * κύριε Παπαδόπουλε, …», `official` «Αξιότιμε κύριε Παπαδόπουλε, …», or the title protocol requires
 * («Σεβασμιώτατε, …»). `parts` tells which word is the first name (found by the caller in the
 * name-day calendar), the other the surname.
 */
export function nameDayGreetings(
  person: GreetingPerson,
  parts: NameParts,
): { informal: string; formal: string; official: string } {
  const corrected = person.vocative?.trim().split(/\s+/);
  const words = person.nameEl.trim().split(/\s+/);
  const sameShape = corrected !== undefined && corrected.length === words.length;
  const vocativeOf = (word: string | undefined, index: number | undefined): string | undefined => {
    if (!word) return undefined;
    if (sameShape && index !== undefined) return corrected[index];
    return parts.feminine ? word : vocativeOfName(word);
  };
  const whole = corrected && !sameShape ? person.vocative?.trim() : undefined;
  const first = whole ?? vocativeOf(parts.first, parts.firstIndex);
  const surname = whole ?? vocativeOf(parts.surname, parts.surnameIndex) ?? first;
  const wish = "με την ευκαιρία της ονομαστικής σας εορτής, σας ευχόμαστε χρόνια πολλά, υγεία και κάθε επιτυχία.";
  const informal = first ? `Χρόνια πολλά, ${first}!` : "Χρόνια πολλά!";
  const title = person.title ? foldTitle(person.title) : "";
  const protocol = title ? PROTOCOL.find((p) => p.starts.some((s) => title.startsWith(s))) : undefined;
  const mr = parts.feminine ? "κυρία" : "κύριε";
  const dear = parts.feminine ? "Αγαπητή" : "Αγαπητέ";
  const honoured = parts.feminine ? "Αξιότιμη" : "Αξιότιμε";
  const formalAddress = protocol
    ? parts.feminine
      ? protocol.f
      : protocol.m
    : surname
      ? `${dear} ${mr} ${surname}`
      : dear;
  const officialAddress = protocol
    ? parts.feminine
      ? protocol.f
      : protocol.m
    : surname
      ? `${honoured} ${mr} ${surname}`
      : honoured;
  return { informal, formal: `${formalAddress},\n${wish}`, official: `${officialAddress},\n${wish}` };
}

/**
 * Which word of a full name is the first name (the first the name-day calendar knows, the surname
 * may come first), which the surname (the first other word), and whether she is a woman (by the
 * first name, else by the surname: Παπαδοπούλου).
 */
export function nameParts(calendar: NameDayCalendar, fullName: string): NameParts {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const { names } = readTypedNames(calendar, fullName);
  const found = names.find((n) => n.how !== "abbreviation");
  const firstIndex = found?.word;
  const typed = firstIndex === undefined ? undefined : words[firstIndex];
  // «ΝΙΚΟΛΑΟΣ» is greeted «Νικόλαε», in the calendar's spelling; a double name keeps its form.
  const first = typed && isUpper(typed) && !/[-–]/.test(typed) ? (calendar.spellingOf(typed) ?? typed) : typed;
  // The first word the calendar does not know; when it knows them all (Βενιζέλος is a name too), the last other one.
  const unknownIndex = words.findIndex((_, i) => !names.some((n) => n.word === i));
  const lastOther = words.length - 1 === firstIndex ? words.length - 2 : words.length - 1;
  const surnameIndex = unknownIndex >= 0 ? unknownIndex : words.length > 1 ? lastOther : -1;
  const surname = surnameIndex >= 0 ? words[surnameIndex] : undefined;
  const feminine = first ? isFeminineName(first.split(/[-–]/)[0] ?? first) : surname ? isFeminineName(surname) : false;
  return {
    first,
    feminine,
    ...(firstIndex !== undefined ? { firstIndex } : {}),
    ...(surname ? { surname, surnameIndex } : {}),
  };
}

/** The greetings of a contact's name day, from the archive's record (see `nameDayGreetings`). */
export function greetingsOf(calendar: NameDayCalendar, person: GreetingPerson) {
  return nameDayGreetings(person, nameParts(calendar, person.nameEl));
}
