// Plurals and numbers in a language's own rules (ICU MessageFormat over Intl.PluralRules), and a
// typed catalogue for an area that keeps its texts to itself.
import { IntlMessageFormat } from "intl-messageformat";
import type { LocaleCode } from "./locale.js";
import type { Widen } from "./widen.js";

const formats = new Map<string, IntlMessageFormat>();

/**
 * An ICU message in a language: `icu("el", "{n, plural, one {# χορηγός} other {# χορηγοί}}", { n })`
 * gives «1 χορηγός», «2.500 χορηγοί». Parsed once per pattern.
 */
export function icu(locale: LocaleCode, pattern: string, values: Record<string, string | number>): string {
  const id = `${locale}\u0000${pattern}`;
  let format = formats.get(id);
  if (!format) {
    format = new IntlMessageFormat(pattern, locale === "el" ? "el-GR" : "en-GB");
    formats.set(id, format);
  }
  return String(format.format(values));
}

/** An area's own catalogue: Greek first, English with the same keys and arguments. */
export function defineTexts<T>(el: T, en: Widen<T>): (locale: LocaleCode) => Widen<T> {
  const catalogues = { el: el as unknown as Widen<T>, en };
  return (locale) => catalogues[locale];
}
