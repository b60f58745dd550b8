import { describe, expect, it } from "vitest";
import { centsToDecimal, decimalToCents, formatEuros, parseEuros } from "../../src/lib/money.js";

describe("euros", () => {
  it("reads amounts the Greek way and the English way, exactly", () => {
    const cases: [string, bigint][] = [
      ["2500", 250000n],
      ["2.500", 250000n],
      ["2,500", 250000n],
      ["1.234,56 €", 123456n],
      ["€1,234.56", 123456n],
      ["12,5", 1250n],
      ["12.50", 1250n],
      ["1,234,567.89", 123456789n],
      ["1.234.567,89", 123456789n],
      ["1 234,56", 123456n],
      ["0,01", 1n],
      ["300 ευρώ", 30000n],
    ];
    for (const [text, cents] of cases) expect(parseEuros(text), text).toEqual({ cents });
  });

  it("refuses what is not an amount, a negative, nothing and the absurd", () => {
    const cases: [string, string][] = [
      ["-5", "negative"],
      ["abc", "invalid"],
      ["1.2.3", "invalid"],
      ["12,345,6", "invalid"],
      ["1,5.3", "invalid"],
      ["0", "zero"],
      ["20000000", "tooLarge"],
      ["", "invalid"],
      ["1e6", "invalid"],
    ];
    for (const [text, error] of cases) expect(parseEuros(text), text).toEqual({ error });
  });

  it("stores and shows cents without floating point", () => {
    expect(centsToDecimal(123456n)).toBe("1234.56");
    expect(centsToDecimal(5n)).toBe("0.05");
    expect(decimalToCents("1234.5")).toBe(123450n);
    expect(decimalToCents({ toString: () => "0.10" })).toBe(10n);
    // 0.1 + 0.2 in cents is 30, not 30.000000000000004.
    expect(decimalToCents("0.1") + decimalToCents("0.2")).toBe(30n);
    expect(formatEuros(123456789n, "el")).toBe("1.234.567,89 €");
    expect(formatEuros(123456789n, "en")).toBe("€1,234,567.89");
  });
});
