// Tier 1 (no database): the Greek and English catalogues have the same keys, the same argument
// counts and the same list lengths, and ICU plurals follow each language's rules.
import { describe, expect, it } from "vitest";
import { messages } from "../../src/i18n/index.js";
import { defineTexts, icu } from "../../src/i18n/texts.js";

type Shape = string | number | { [key: string]: Shape } | Shape[];

/** The catalogue's shape: a text is "text", a function "fn/<arity>", a list keeps its length. */
function shape(value: unknown): Shape {
  if (typeof value === "function") return `fn/${value.length}`;
  if (typeof value === "string") return "text";
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return typeof value;
}

function texts(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
  return [];
}

describe("catalogues", () => {
  it("have the same keys, arguments and list lengths in Greek and English", () => {
    expect(shape(messages("en"))).toEqual(shape(messages("el")));
  });

  it("have no empty text in either language", () => {
    for (const locale of ["el", "en"] as const) {
      const empty = texts(messages(locale)).filter(([, text]) => text.trim() === "");
      expect(empty, locale).toEqual([]);
    }
  });

  it("have no Greek left in the English catalogue, but for names that are Greek in both", () => {
    // A language's own name is written in that language in every catalogue.
    const greekInBoth = new Set([".admin.languageNames.el"]);
    const el = new Map(texts(messages("el")));
    const en = texts(messages("en"));
    const same = en.filter(([path, text]) => el.get(path) === text && /[α-ω]/i.test(text) && !greekInBoth.has(path));
    expect(same.map(([path]) => path)).toEqual([]);
  });
});

describe("icu", () => {
  const pattern = (one: string, other: string) => `{n, plural, one {# ${one}} other {# ${other}}}`;

  it("chooses the singular for one and the plural otherwise, in Greek", () => {
    expect(icu("el", pattern("χορηγός", "χορηγοί"), { n: 1 })).toBe("1 χορηγός");
    expect(icu("el", pattern("χορηγός", "χορηγοί"), { n: 0 })).toBe("0 χορηγοί");
    expect(icu("el", pattern("χορηγός", "χορηγοί"), { n: 2 })).toBe("2 χορηγοί");
  });

  it("writes numbers as each language does", () => {
    expect(icu("el", pattern("επιστολή", "επιστολές"), { n: 2500 })).toBe("2.500 επιστολές");
    expect(icu("en", pattern("letter", "letters"), { n: 2500 })).toBe("2,500 letters");
    expect(icu("en", pattern("letter", "letters"), { n: 1 })).toBe("1 letter");
  });

  it("gives an area its own typed catalogue", () => {
    const t = defineTexts({ hello: (n: number) => `γεια ${n}` }, { hello: (n: number) => `hello ${n}` });
    expect(t("el").hello(1)).toBe("γεια 1");
    expect(t("en").hello(1)).toBe("hello 1");
  });
});
