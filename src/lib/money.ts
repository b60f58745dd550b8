// Euros as people type them in Greece and abroad («1.234,56 €», "€1,234.56", "2500"), held as whole
// cents in a bigint and stored as an exact decimal: a sponsor's money is never a float.

export const MAX_CENTS = 10_000_000_00n; // ten million euros: anything above is a typo

export type MoneyError = "invalid" | "negative" | "tooLarge" | "zero";

export function parseEuros(text: string): { cents: bigint } | { error: MoneyError } {
  let s = text.replace(/[€\s\u00a0]|eur(o|os)?|ευρ[ωώ]/gi, "");
  if (!s) return { error: "invalid" };
  if (s.startsWith("-")) return { error: "negative" };
  if (!/^[0-9.,]+$/.test(s)) return { error: "invalid" };
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let decimalMark: "." | "," | undefined;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? "." : ",";
  else {
    const mark = lastDot >= 0 ? "." : lastComma >= 0 ? "," : undefined;
    // One mark followed by one or two digits is the decimal mark; followed by three, a thousands mark.
    if (mark && s.split(mark).length === 2 && /^[0-9]{1,2}$/.test(s.slice(s.lastIndexOf(mark) + 1))) decimalMark = mark;
  }
  const [whole = "", fraction = ""] = decimalMark
    ? [s.slice(0, s.lastIndexOf(decimalMark)), s.slice(s.lastIndexOf(decimalMark) + 1)]
    : [s, ""];
  const thousands = decimalMark === "," ? "." : ",";
  // Thousands marks must group by three (1.234.567), or the text is not an amount.
  const digits = whole.split(decimalMark === undefined ? /[.,]/ : thousands);
  if (digits.length > 1 && (digits.slice(1).some((g) => g.length !== 3) || !/^[0-9]{1,3}$/.test(digits[0] ?? "")))
    return { error: "invalid" };
  if (decimalMark === undefined && s.includes(".") && s.includes(",")) return { error: "invalid" };
  s = digits.join("");
  if (!/^[0-9]+$/.test(s) || !/^[0-9]{0,2}$/.test(fraction)) return { error: "invalid" };
  const cents = BigInt(s) * 100n + BigInt(fraction.padEnd(2, "0") || "0");
  if (cents === 0n) return { error: "zero" };
  if (cents > MAX_CENTS) return { error: "tooLarge" };
  return { cents };
}

/** Cents as the decimal the database stores: 123456n → "1234.56". */
export function centsToDecimal(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** A stored decimal ("1234.56", or Prisma's Decimal) back to cents. */
export function decimalToCents(value: { toString(): string } | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  const [whole = "0", fraction = ""] = value.toString().split(".");
  const negative = whole.startsWith("-");
  const cents = BigInt(whole.replace("-", "")) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2) || "0");
  return negative ? -cents : cents;
}

/** «1.234,56 €» in Greek, "€1,234.56" in English. */
export function formatEuros(cents: bigint, locale: "el" | "en"): string {
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, locale === "el" ? "." : ",");
  const fraction = String(cents % 100n).padStart(2, "0");
  return locale === "el" ? `${whole},${fraction} €` : `€${whole}.${fraction}`;
}
