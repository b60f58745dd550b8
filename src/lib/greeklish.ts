// Greek and Greeklish to one Latin "skeleton": the one set of rules by which a name or a word is
// compared, whatever script or spelling it was typed in. «Παύλος», "Pavlos" and "Paulos" give
// `pavlos`; «Γιάννης», "Giannis", "Yiannis" and "Yannis" give `gianis`.
//
// The database computes the same skeleton with public.grafeio_phonetic() (the greeklish_rules
// migration), for the stored search columns (clippings, letters, contacts) and the searches of
// every area; test/lib/greeklish-sql.test.ts runs both on the same words, on PGlite and PostgreSQL.
// A change here is a change there: a new migration that redefines the function and rebuilds the
// stored skeletons.
//
// The steps, in order (each is a line of the SQL function):
//  1. A diaeresis keeps a vowel on its own: «Μαΐου», «προϋπολογισμός», "Maïou" (the marked vowel
//     becomes a letter of the other script, which no digraph rule joins to the vowel before it).
//  2. Lower case, accents off.
//  3. "8" before a Latin letter is θ (8eatro, a8hna; not 8th, nor 8ο).
//  4. Latin pairs read as the Greek letters they stand for: th θ, ch kh χ, ph φ, ks ξ;
//     h before a vowel or r χ (Haralambos, Mihalis, Hristos), any other h η (dhmarxos, Hlias);
//     y before a vowel at the start of a word or after a vowel, and yi before a vowel, γι
//     (Yannis, Panayiotis, Panayotis);
//     ay ey before a consonant αυ ευ (ASCII Greeklish's y for υ; not oy: proypologismos is
//     προϋπολογισμός); au eu αυ ευ; ou ου;
//     ai ei oi αι ει οι.
//  5. αυ ευ ηυ are said av ev iv, or af ef if before a voiceless consonant or at the end
//     (Παύλος pavlos, Ευαγγελία evagelia, ευρώ evro, Ελευθερία eleftheria, Ευτυχία eftixia).
//  6. Sounds written in several ways fold together: ου u; αι e; ει οι υι i; μπ μβ mp mb mv v;
//     ντ νδ nt nd d; γγ γκ gg gk ng g; ξ χ ks x; θ th; ψ ps; τσ ts; τζ tz.
//  7. Letter by letter: η ι υ y → i, ο ω w → o, β b → v, c q → k, j → z, ς → s, the rest as Latin.
//  8. A doubled letter is one (Vassilis, Tassos, Άννα).
//
// What one skeleton cannot decide, skeletonReadings() lists: Latin "oi", "ai", "ei" are a digraph
// (politikoi, Aikaterini, Eirini) or two vowels (Zoi = Ζωή, Maiou = Μαΐου, Nikolaidis).

const LATIN_VOWEL = "aeiouy";
/** Letters a skeleton is made of, Greek or Latin, as a regular-expression class body. */
const LETTER = "α-ωa-z";
/** After αυ/ευ/ηυ these make υ sound f: θ κ ξ π σ τ φ χ ψ, and their Latin spellings. */
const VOICELESS = "θκξπσςτφχψkxpstfcq";

type Step = (s: string) => string;

const re = (pattern: string) => new RegExp(pattern, "g");
const swap =
  (from: string, to: string): Step =>
  (s) =>
    s.split(from).join(to);
// Compiled once: a global expression is used from its start by every replace().
const rx = (pattern: string, to: string): Step => {
  const expression = re(pattern);
  return (s) => s.replace(expression, to);
};
function letters(from: string, to: string): Step {
  const map = new Map<string, string>();
  [...from].forEach((ch, i) => {
    map.set(ch, [...to][i] ?? "");
  });
  return (s) => [...s].map((ch) => map.get(ch) ?? ch).join("");
}

/** What PostgreSQL's unaccent does and NFD alone does not. */
const UNACCENT_EXTRA: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ŀ: "l", þ: "th" };

const STEPS: Step[] = [
  // 1. The diaeresis: Greek ϊ ΐ ϋ ΰ become Latin i; Latin ï ü become Greek ι υ.
  (s) => letters("ϊΐϋΰïü", "iiiiιυ")(s.normalize("NFC").toLowerCase()),
  // 2. Accents off (as unaccent), lower case again (unaccent may give capitals back).
  (s) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[ßæœøłđŀþ]/g, (ch) => UNACCENT_EXTRA[ch] ?? ch)
      .toLowerCase(),
  // 3. 8 for θ.
  rx("(^|[^0-9])8(?=[a-su-z])", "$1θ"),
  // 4. Latin pairs.
  swap("th", "θ"),
  swap("ch", "χ"),
  swap("kh", "χ"),
  swap("ph", "φ"),
  swap("ks", "ξ"),
  rx(`h(?=[${LATIN_VOWEL}r])`, "χ"),
  swap("h", "η"),
  rx(`yi(?=[${LATIN_VOWEL}])`, "γι"),
  rx(`(^|[^${LETTER}]|[aeiou])y(?=[aeou])`, "$1γι"),
  rx(`ay(?![${LATIN_VOWEL}])`, "αυ"),
  rx(`ey(?![${LATIN_VOWEL}])`, "ευ"),
  swap("au", "αυ"),
  swap("eu", "ευ"),
  swap("ou", "ου"),
  swap("ai", "αι"),
  swap("ei", "ει"),
  swap("oi", "οι"),
  // 5. αυ ευ ηυ.
  rx(`([αεη])υ(?=[${VOICELESS}]|$|[^${LETTER}])`, "$1f"),
  rx("([αεη])υ", "$1v"),
  // 6. Sounds written in several ways.
  swap("ου", "u"),
  swap("αι", "e"),
  swap("ει", "i"),
  swap("οι", "i"),
  swap("υι", "i"),
  ...["μπ", "μβ", "mp", "mb", "mv"].map((pair) => swap(pair, "v")),
  ...["ντ", "νδ", "nt", "nd"].map((pair) => swap(pair, "d")),
  ...["γγ", "γκ", "gg", "gk", "ng"].map((pair) => swap(pair, "g")),
  rx("ξ|χ", "x"),
  swap("θ", "th"),
  swap("ψ", "ps"),
  // 7. Letter by letter.
  letters("αβγδεζηικλμνοπρστυφωςbcjqwy", "avgdeziiklmnoprstifosvkzkoi"),
  // 8. Doubled letters.
  rx("([a-z])\\1+", "$1"),
];

/**
 * The Latin-letter skeleton of a text in Greek, Greeklish or English, word for word the same as
 * SQL `public.grafeio_phonetic()`: «Δήμαρχος Αμαρουσίου», "dimarxos amarousiou" and
 * "dhmarxos amarousioy" all give `dimarxos amarusiu`.
 */
export function greeklishSkeleton(text: string): string {
  let s = text;
  for (const step of STEPS) s = step(s);
  return s;
}

/** Latin pairs that are a digraph as a rule but two vowels in some words, and how to keep them apart. */
const TWO_VOWELS: [string, string][] = [
  ["oi", "oï"],
  ["ai", "aï"],
  ["ei", "eï"],
];

const GREEK_SCRIPT = /[\u0370-\u03ff\u1f00-\u1fff]/u;

/**
 * Every skeleton a word may stand for, the usual reading first: "Zoi" is `zi` (οι, as in
 * politikoi) or `zoi` (Ζωή); "Maiou" is `meu` or `maiu` (Μαΐου). Greek script has one reading.
 * For look-ups of a word or a name against a list (the name days); a search of the register uses
 * the one skeleton, on both sides.
 */
export function skeletonReadings(word: string): string[] {
  const readings = [greeklishSkeleton(word)];
  const lower = word.normalize("NFC").toLowerCase();
  if (!GREEK_SCRIPT.test(lower)) {
    let apart = lower;
    for (const [pair, split] of TWO_VOWELS) {
      if (!lower.includes(pair)) continue;
      readings.push(greeklishSkeleton(lower.split(pair).join(split)));
      apart = apart.split(pair).join(split);
    }
    readings.push(greeklishSkeleton(apart));
  }
  return [...new Set(readings)];
}

/**
 * English names and the Greek name they stand for, for the name look-ups (the name days, a
 * contact's name day): "Helen" is Ελένη, "Peter" Πέτρος. Spellings a skeleton already reads right
 * (Thomas, Sophia, Christina) are not needed here.
 */
export const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  helen: "Ελένη",
  helena: "Ελένη",
  ellen: "Ελένη",
  peter: "Πέτρος",
  mary: "Μαρία",
  marie: "Μαρία",
  john: "Ιωάννης",
  george: "Γεώργιος",
  nicholas: "Νικόλαος",
  nicolas: "Νικόλαος",
  nick: "Νικόλαος",
  michael: "Μιχαήλ",
  catherine: "Αικατερίνη",
  katherine: "Αικατερίνη",
  kate: "Αικατερίνη",
  constantine: "Κωνσταντίνος",
  alexander: "Αλέξανδρος",
  alex: "Αλέξανδρος",
  andrew: "Ανδρέας",
  anthony: "Αντώνιος",
  antony: "Αντώνιος",
  demetrios: "Δημήτριος",
  demetrius: "Δημήτριος",
  theodore: "Θεόδωρος",
  stephen: "Στέφανος",
  steven: "Στέφανος",
  paul: "Παύλος",
  philip: "Φίλιππος",
  phillip: "Φίλιππος",
  basil: "Βασίλειος",
  gregory: "Γρηγόριος",
  luke: "Λουκάς",
  mark: "Μάρκος",
  matthew: "Ματθαίος",
  james: "Ιάκωβος",
  jacob: "Ιάκωβος",
  joseph: "Ιωσήφ",
  irene: "Ειρήνη",
  sophie: "Σοφία",
  elizabeth: "Ελισάβετ",
  margaret: "Μαργαρίτα",
  christine: "Χριστίνα",
  anne: "Άννα",
  daniel: "Δανιήλ",
  gabriel: "Γαβριήλ",
  raphael: "Ραφαήλ",
  elias: "Ηλίας",
  elijah: "Ηλίας",
  timothy: "Τιμόθεος",
  dennis: "Διονύσιος",
  denis: "Διονύσιος",
  harry: "Χαράλαμπος",
  eugene: "Ευγένιος",
  angela: "Αγγελική",
  barbara: "Βαρβάρα",
  eve: "Εύα",
  susan: "Σουζάνα",
  emmanuel: "Εμμανουήλ",
  manuel: "Εμμανουήλ",
  spyridon: "Σπυρίδων",
  zachary: "Ζαχαρίας",
  cyril: "Κύριλλος",
  hercules: "Ηρακλής",
  achilles: "Αχιλλέας",
  jason: "Ιάσων",
  penelope: "Πηνελόπη",
  dorothy: "Δωροθέα",
  theresa: "Θηρεσία",
};

/**
 * The skeletons a first name may stand for, in order: its Greeklish readings (skeletonReadings),
 * then those of the Greek name an English one stands for ("Helen" → Ελένη).
 */
export function nameSkeletons(name: string): string[] {
  const readings = skeletonReadings(name);
  const greek = ENGLISH_NAMES[name.normalize("NFC").toLowerCase().trim()];
  if (greek) readings.push(greeklishSkeleton(greek));
  return [...new Set(readings)];
}

/**
 * Words a search leaves out: Greek articles, prepositions, conjunctions and particles, compared by
 * their skeleton, so that the Greeklish spelling is one too (sto, tou, kai, apo, gia). PostgreSQL's
 * `greek` configuration has none: «στο θέατρο» asked for «στο» as well and found a third of what
 * «θέατρο» finds. English ones are left out by the English stemmer.
 */
export const GREEK_STOP_WORDS: readonly string[] = [
  ..."ο η το οι τα του της των τον την τους τις".split(" "),
  ..."στο στη στην στον στα στου στης στων στους στις σε".split(" "),
  ..."με για από προς ως και κι ή να θα ότι που αν ενώ αλλά".split(" "),
  ..."ένα ένας έναν μια μία μιας ενός δεν μη μην".split(" "),
];
const STOP_SKELETONS = new Set(GREEK_STOP_WORDS.map(greeklishSkeleton));

/** Whether a word is one a search leaves out (στο, «ΤΟΥ», tou, kai). */
export function isStopWord(word: string): boolean {
  const skeleton = greeklishSkeleton(word.replace(/[^\p{L}\p{N}]+/gu, ""));
  return skeleton !== "" && STOP_SKELETONS.has(skeleton);
}

/**
 * What a search looks for: the words without the stop words, or, when nothing else is left (a
 * search for «Το Βήμα» is a title, «η» a letter someone wants), the words as they are.
 */
export function searchWords(words: string): string {
  const all = words.split(/\s+/).filter((w) => w !== "");
  const kept = all.filter((w) => !isStopWord(w));
  return (kept.some((w) => /[\p{L}\p{N}]/u.test(w)) ? kept : all).join(" ");
}

/** A word's skeleton stem, as the search cuts it (the last two letters go, down to four). */
const stemOf = (skeleton: string) =>
  skeleton.length <= 4 ? skeleton : skeleton.slice(0, Math.max(4, skeleton.length - 2));
/** Two skeleton words are one word in different cases: each begins with the other's stem. */
const sameWord = (a: string, b: string) => a.startsWith(stemOf(b)) && b.startsWith(stemOf(a));

export interface Synonym {
  term: string;
  synonym: string;
}

/**
 * The query, and the query with a synonym in place of each word or phrase that is one side of a
 * pair (either side, in any case or spelling): «Μαρούσι πάρκο» → also «Αμαρούσιο πάρκο»,
 * "marousiou" → also «Αμαρούσιο». At most `max` in all, the query itself first.
 */
export function withSynonyms(words: string, synonyms: readonly Synonym[], max = 4): string[] {
  const tokens = words.split(/\s+/).filter((w) => w !== "");
  const skeletons = tokens.map((w) => greeklishSkeleton(w).replace(/[^a-z0-9]+/g, ""));
  const variants = [tokens.join(" ")];
  for (const { term, synonym } of synonyms) {
    for (const [from, to] of [
      [term, synonym],
      [synonym, term],
    ] as const) {
      const phrase = greeklishSkeleton(from)
        .split(/[^a-z0-9]+/)
        .filter((w) => w !== "");
      if (phrase.length === 0) continue;
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (!phrase.every((p, k) => sameWord(skeletons[i + k] ?? "", p))) continue;
        variants.push([...tokens.slice(0, i), to, ...tokens.slice(i + phrase.length)].join(" "));
      }
    }
  }
  return [...new Set(variants)].slice(0, max);
}
