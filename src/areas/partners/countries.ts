// Countries (ISO 3166-1 alpha-2) and languages (ISO 639-1) with their Greek and English names, from
// the ICU data Node ships (Intl.DisplayNames): no list of our own to keep up to date. A country is
// typed as its code or its name in either language, with or without accents.
import { foldGreek } from "../../lib/text.js";

type Locale = "el" | "en";

const regionNames = {
  el: new Intl.DisplayNames(["el"], { type: "region", fallback: "none" }),
  en: new Intl.DisplayNames(["en"], { type: "region", fallback: "none" }),
};
const languageNames = {
  el: new Intl.DisplayNames(["el"], { type: "language", fallback: "none" }),
  en: new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }),
};

// Codes ICU names that are not countries (the EU, the UN, "unknown region", private-use ones), and
// withdrawn ones it still names (YU, CS: Serbia's name must give RS).
const NOT_COUNTRIES = new Set([
  ...["EU", "EZ", "UN", "ZZ", "QO", "QU", "XA", "XB", "AC", "CP", "DG", "EA", "IC", "TA", "CQ"],
  ...["AN", "BU", "CS", "DD", "FX", "NT", "SU", "TP", "YD", "YU", "ZR"],
]);

let countryIndex: Map<string, string> | undefined;
/** Every folded name (Greek and English) and code → the code. Built once. */
function index(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const map = new Map<string, string>();
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      const el = regionNames.el.of(code);
      const en = regionNames.en.of(code);
      if (!el || !en || el === code) continue;
      map.set(foldGreek(code), code);
      map.set(foldGreek(el), code);
      map.set(foldGreek(en), code);
    }
  countryIndex = map;
  return map;
}

/** The ISO code of a country typed as `IT`, `Ιταλία` or `Italy`; undefined if unknown. */
export function parseCountry(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return index().get(foldGreek(text));
}

export function countryName(code: string, locale: Locale): string {
  return regionNames[locale].of(code) ?? code;
}

/** A language typed as `it`, `Ιταλικά` or `Italian`; undefined if unknown. */
export function parseLanguage(text: string): string | undefined {
  const folded = foldGreek(text);
  if (/^[a-z]{2}$/.test(folded) && languageNames.en.of(folded) && languageNames.en.of(folded) !== folded) return folded;
  for (const code of COMMON_LANGUAGES)
    if (foldGreek(languageNames.el.of(code) ?? "") === folded || foldGreek(languageNames.en.of(code) ?? "") === folded)
      return code;
  return undefined;
}

export function languageName(code: string, locale: Locale): string {
  return languageNames[locale].of(code) ?? code;
}

/** The languages looked up by name: Europe's and the office's partners'. */
const COMMON_LANGUAGES = [
  "el",
  "en",
  "fr",
  "de",
  "it",
  "es",
  "pt",
  "nl",
  "sv",
  "da",
  "fi",
  "no",
  "pl",
  "cs",
  "sk",
  "sl",
  "hr",
  "hu",
  "ro",
  "bg",
  "sr",
  "sq",
  "mk",
  "tr",
  "ru",
  "uk",
  "ka",
  "hy",
  "ar",
  "he",
  "fa",
  "zh",
  "ja",
  "ko",
  "lt",
  "lv",
  "et",
  "mt",
];
