// The period parser as plain computation: what it reads, the office's midnights it gives (across
// the daylight-saving changes), the labels, and a clear sentence for what it cannot read.
import { describe, expect, it } from "vitest";
import { type Period, type PeriodResult, parsePeriod, periodErrorText } from "../../src/calendar/period.js";

const context = { today: "2026-12-01", timeZone: "Europe/Athens" };
const parse = (text: string) => parsePeriod(text, context);
function period(text: string): Period {
  const r = parse(text);
  if (!r.ok) throw new Error(`${text}: ${periodErrorText(r.error, "en")}`);
  return r.period;
}
const days = (p: Period) => [p.from, p.to];
const error = (r: PeriodResult) => (r.ok ? undefined : r.error.code);

describe("parsePeriod", () => {
  it("reads a quarter in every usual spelling", () => {
    for (const text of [
      "2026-Q1",
      "2026 q1",
      "Q1 2026",
      "q1-2026",
      "2026/Τ1",
      "Τ1 2026",
      "1ο τρίμηνο 2026",
      "α' τρίμηνο 2026",
      "πρώτο τρίμηνο 2026",
      "1st quarter 2026",
      "first quarter of 2026",
    ]) {
      const p = period(text);
      expect([p.kind, ...days(p), p.key], text).toEqual(["quarter", "2026-01-01", "2026-03-31", "2026-Q1"]);
    }
    expect(days(period("2026-Q4"))).toEqual(["2026-10-01", "2026-12-31"]);
    expect(period("2026-Q1").label).toEqual({ el: "1ο τρίμηνο 2026", en: "1st quarter 2026" });
    expect(period("3ο τρίμηνο 2026").label.en).toBe("3rd quarter 2026");
  });

  it("reads a year, a half and a month", () => {
    const year = period("2026");
    expect([year.kind, ...days(year), year.key, year.label.el]).toEqual([
      "year",
      "2026-01-01",
      "2026-12-31",
      "2026",
      "2026",
    ]);
    const half = period("2026-H2");
    expect([half.kind, ...days(half), half.label.el]).toEqual(["half", "2026-07-01", "2026-12-31", "2ο εξάμηνο 2026"]);
    expect(days(period("1ο εξάμηνο 2026"))).toEqual(["2026-01-01", "2026-06-30"]);
    for (const text of [
      "2026-11",
      "11/2026",
      "2026/11",
      "Νοέμβριος 2026",
      "νοεμβριος 2026",
      "Νοεμβρίου 2026",
      "November 2026",
      "nov 2026",
      "Νοέ 2026",
      "2026 November",
    ]) {
      const p = period(text);
      expect([p.kind, ...days(p), p.key], text).toEqual(["month", "2026-11-01", "2026-11-30", "2026-11"]);
    }
    expect(period("2026-11").label).toEqual({ el: "Νοέμβριος 2026", en: "November 2026" });
    expect(days(period("2028-02"))).toEqual(["2028-02-01", "2028-02-29"]);
    expect(days(period("Μάιος 2026"))).toEqual(["2026-05-01", "2026-05-31"]);
    expect(days(period("Σεπτέμβρη 2026"))).toEqual(["2026-09-01", "2026-09-30"]);
  });

  it("reads two days, ISO or Greek, with or without a word between", () => {
    for (const text of [
      "2026-01-15 2026-03-31",
      "15/1/2026 31/3/2026",
      "15/1/2026 έως 31/3/2026",
      "από 15/1/2026 έως 31/3/2026",
      "15.1.2026 - 31.3.2026",
      "15/1/2026-31/3/2026",
      "from 2026-01-15 to 2026-03-31",
      "15/1/2026 – 31/3/2026",
    ]) {
      const p = period(text);
      expect([p.kind, ...days(p), p.key], text).toEqual(["range", "2026-01-15", "2026-03-31", "2026-01-15_2026-03-31"]);
    }
    expect(period("15/1/2026 31/3/2026").label.el).toBe("15/1/2026 – 31/3/2026");
    // A range that is exactly a quarter (or a month) is named so.
    expect(period("1/1/2026 31/3/2026").label.el).toBe("1ο τρίμηνο 2026");
    expect(period("2026-11-01 2026-11-30").kind).toBe("month");
    expect(period("2026-01-01 2026-12-31").kind).toBe("year");
    // One day is a period of one day.
    expect(days(period("25/3/2026"))).toEqual(["2026-03-25", "2026-03-25"]);
  });

  it("reads back every key it gives (a button carries the key)", () => {
    for (const text of ["2026", "2026-H2", "2026-Q3", "2026-11", "15/1/2026 31/3/2026", "25/3/2026"]) {
      const p = period(text);
      expect(period(p.key), text).toEqual(p);
    }
  });

  it("reads words relative to today", () => {
    expect(days(period("φέτος"))).toEqual(["2026-01-01", "2026-12-31"]);
    expect(days(period("πέρσι"))).toEqual(["2025-01-01", "2025-12-31"]);
    expect(days(period("last month"))).toEqual(["2026-11-01", "2026-11-30"]);
    expect(days(period("Αυτός ο μήνας"))).toEqual(["2026-12-01", "2026-12-31"]);
    expect(days(period("τρέχον τρίμηνο"))).toEqual(["2026-10-01", "2026-12-31"]);
    expect(days(period("προηγούμενο τρίμηνο"))).toEqual(["2026-07-01", "2026-09-30"]);
    const january = { today: "2027-01-10", timeZone: "Europe/Athens" };
    const last = parsePeriod("last quarter", january);
    expect(last.ok && days(last.period)).toEqual(["2026-10-01", "2026-12-31"]);
    const lastMonth = parsePeriod("last month", january);
    expect(lastMonth.ok && days(lastMonth.period)).toEqual(["2026-12-01", "2026-12-31"]);
  });

  it("gives [start, end) at the office's midnights, DST-correct", () => {
    // Athens is UTC+2 in winter, UTC+3 in summer (from the last Sunday of March, 29/3/2026).
    const q1 = period("2026-Q1");
    expect(q1.start.toISOString()).toBe("2025-12-31T22:00:00.000Z");
    expect(q1.end.toISOString()).toBe("2026-03-31T21:00:00.000Z");
    const march = period("2026-03");
    expect((march.end.getTime() - march.start.getTime()) / 3600_000).toBe(31 * 24 - 1);
    const october = period("2026-10");
    expect(october.end.toISOString()).toBe("2026-10-31T22:00:00.000Z");
    expect((october.end.getTime() - october.start.getTime()) / 3600_000).toBe(31 * 24 + 1);
    const day = period("2026-03-29 2026-03-29");
    expect((day.end.getTime() - day.start.getTime()) / 3600_000).toBe(23);
    // Another office's zone gives other instants for the same days.
    const utc = parsePeriod("2026-Q1", { ...context, timeZone: "UTC" });
    expect(utc.ok && utc.period.start.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("says what is wrong with what it cannot read", () => {
    expect(error(parse(""))).toBe("empty");
    expect(error(parse("   "))).toBe("empty");
    expect(error(parse("2026-Q5"))).toBe("bad_quarter");
    expect(error(parse("5ο τρίμηνο 2026"))).toBe("bad_quarter");
    expect(error(parse("2026-H3"))).toBe("bad_half");
    expect(error(parse("2026-13"))).toBe("bad_month");
    expect(error(parse("13/2026"))).toBe("bad_month");
    expect(error(parse("1066"))).toBe("bad_year");
    expect(error(parse("31/2/2026 31/3/2026"))).toBe("bad_day");
    expect(error(parse("2026-02-30"))).toBe("bad_day");
    expect(error(parse("31/3/2026 1/1/2026"))).toBe("reversed");
    expect(error(parse("αύριο το πρωί"))).toBe("unrecognised");
    expect(error(parse("Φλεβάρης"))).toBe("unrecognised");
    expect(error(parse("1/1/2026 2/1/2026 3/1/2026"))).toBe("unrecognised");

    const reversed = parse("31/3/2026 1/1/2026");
    if (reversed.ok) throw new Error("expected an error");
    expect(periodErrorText(reversed.error, "el")).toBe("Η περίοδος τελειώνει (1/1/2026) πριν αρχίσει (31/3/2026).");
    expect(periodErrorText(reversed.error, "en")).toBe("The period ends (1/1/2026) before it starts (31/3/2026).");
    const unknown = parse("χθες");
    if (unknown.ok) throw new Error("expected an error");
    expect(periodErrorText(unknown.error, "el")).toContain("«χθες»");
    expect(periodErrorText(unknown.error, "el")).toContain("`2026-Q1`");
  });
});
