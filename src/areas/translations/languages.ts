// The languages the International Relations office works with: ISO 639-1 codes, with their Greek
// and English names for the forms. The office's twin cities and partners set the list.
export const LANGUAGES: Record<string, { el: string; en: string }> = {
  el: { el: "Ελληνικά", en: "Greek" },
  en: { el: "Αγγλικά", en: "English" },
  fr: { el: "Γαλλικά", en: "French" },
  de: { el: "Γερμανικά", en: "German" },
  it: { el: "Ιταλικά", en: "Italian" },
  es: { el: "Ισπανικά", en: "Spanish" },
  pt: { el: "Πορτογαλικά", en: "Portuguese" },
  nl: { el: "Ολλανδικά", en: "Dutch" },
  sv: { el: "Σουηδικά", en: "Swedish" },
  da: { el: "Δανικά", en: "Danish" },
  fi: { el: "Φινλανδικά", en: "Finnish" },
  pl: { el: "Πολωνικά", en: "Polish" },
  cs: { el: "Τσεχικά", en: "Czech" },
  hu: { el: "Ουγγρικά", en: "Hungarian" },
  ro: { el: "Ρουμανικά", en: "Romanian" },
  bg: { el: "Βουλγαρικά", en: "Bulgarian" },
  sr: { el: "Σερβικά", en: "Serbian" },
  sq: { el: "Αλβανικά", en: "Albanian" },
  mk: { el: "Σλαβομακεδονικά", en: "Macedonian" },
  tr: { el: "Τουρκικά", en: "Turkish" },
  ru: { el: "Ρωσικά", en: "Russian" },
  uk: { el: "Ουκρανικά", en: "Ukrainian" },
  ka: { el: "Γεωργιανά", en: "Georgian" },
  hy: { el: "Αρμενικά", en: "Armenian" },
  ar: { el: "Αραβικά", en: "Arabic" },
  he: { el: "Εβραϊκά", en: "Hebrew" },
  fa: { el: "Περσικά", en: "Persian" },
  zh: { el: "Κινεζικά", en: "Chinese" },
  ja: { el: "Ιαπωνικά", en: "Japanese" },
  ko: { el: "Κορεατικά", en: "Korean" },
};

export function isLanguage(code: string | undefined): code is string {
  return code !== undefined && Object.hasOwn(LANGUAGES, code);
}

/** «Γαλλικά (fr)» / "French (fr)". */
export function languageName(code: string, locale: "el" | "en"): string {
  const names = LANGUAGES[code];
  return names ? `${names[locale]} (${code})` : code;
}
