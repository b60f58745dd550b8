import Holidays from "date-holidays";
import { describe, expect, it } from "vitest";
import { decideNameDay, nameDayChoicesFor } from "../../src/areas/contacts/name-day-choice.js";
import { phoneticSkeleton } from "../../src/calendar/namedays/name-forms.js";
import {
  dateOf,
  NameDayCalendar,
  nextDateOf,
  parseRuleKey,
  ruleKey,
} from "../../src/calendar/namedays/nameday-calendar.js";
import { easterRelative, orthodoxEaster } from "../../src/calendar/orthodox-easter.js";

const calendar = NameDayCalendar.load();

function namesOn(date: string): string[] {
  return calendar.feastsOn(date).flatMap((f) => f.names);
}

function datesOf(name: string, year: number): string[] {
  return calendar
    .lookup(name)
    .map((m) => dateOf(m.rule, year))
    .sort();
}

describe("Orthodox Easter", () => {
  it("agrees with date-holidays for every year from 2000 to 2100", () => {
    const hd = new Holidays("GR");
    const disagreements: string[] = [];
    for (let year = 2000; year <= 2100; year++) {
      const fromLibrary = hd
        .getHolidays(year, "en")
        .find((h) => h.rule.startsWith("orthodox") && !/[+-]/.test(h.rule.replace("orthodox", "")));
      const ours = orthodoxEaster(year);
      if (fromLibrary?.date.slice(0, 10) !== ours) disagreements.push(`${year}: ${ours} vs ${fromLibrary?.date}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("gives the known Sundays", () => {
    expect(["2024", "2025", "2026", "2027", "2028"].map((y) => orthodoxEaster(Number(y)))).toEqual([
      "2024-05-05",
      "2025-04-20",
      "2026-04-12",
      "2027-05-02",
      "2028-04-16",
    ]);
    expect(easterRelative(2026, -48)).toBe("2026-02-23"); // Καθαρά Δευτέρα
    expect(easterRelative(2026, 50)).toBe("2026-06-01"); // Αγίου Πνεύματος
  });

  it("refuses years it was not made for", () => {
    expect(() => orthodoxEaster(1800)).toThrow(RangeError);
  });
});

describe("the name-day calendar", () => {
  it("moves St George after Easter when Easter is late", () => {
    expect(datesOf("Γεώργιος", 2024)).toEqual(["2024-05-06"]);
    expect(datesOf("Γεώργιος", 2025)).toEqual(["2025-04-23"]);
    expect(datesOf("Γεώργιος", 2027)).toEqual(["2027-05-03"]);
    expect(datesOf("Γεωργία", 2026)).toEqual(["2026-04-23"]);
  });

  it("moves St Mark to Easter Tuesday at the latest", () => {
    expect(datesOf("Μάρκος", 2024)).toEqual(["2024-05-07"]);
    expect(datesOf("Μάρκος", 2025)).toEqual(["2025-04-25"]);
  });

  it("finds the spot-check names on their days", () => {
    expect(namesOn("2026-01-06")).toEqual(expect.arrayContaining(["Φώτιος", "Φωτεινή", "Θεοφάνης", "Ιορδάνης"]));
    expect(namesOn("2026-08-15")).toEqual(expect.arrayContaining(["Μαρία", "Παναγιώτης", "Δέσποινα"]));
    expect(namesOn("2026-12-06")).toContain("Νικόλαος");
    expect(namesOn("2026-10-26")).toEqual(expect.arrayContaining(["Δημήτριος", "Δήμητρα"]));
    expect(namesOn("2026-05-21")).toEqual(expect.arrayContaining(["Κωνσταντίνος", "Ελένη"]));
    expect(namesOn("2026-08-16")).not.toContain("Νικόλαος");
  });

  it("places the Easter-relative feasts from that year's Easter", () => {
    // 2026: Easter 12 April. Βαΐων 5 April, Ζωοδόχου Πηγής 17 April, Θωμά 19 April.
    expect(namesOn("2026-04-05")).toEqual(expect.arrayContaining(["Βάιος", "Δάφνη"]));
    expect(namesOn("2026-04-12")).toEqual(expect.arrayContaining(["Αναστάσιος", "Λάμπρος", "Πασχάλης"]));
    expect(namesOn("2026-04-17")).toEqual(expect.arrayContaining(["Ζωή", "Πηγή", "Ζήσης"]));
    expect(namesOn("2026-04-19")).toContain("Θωμάς");
    expect(namesOn("2026-06-01")).toContain("Τριάδα");
  });

  it("repairs the dataset's truncated variants", () => {
    const all = calendar.feasts.flatMap((f) => f.names);
    expect(all).toContain("Δάφνη");
    expect(all).not.toContain("Δάφν");
    expect(all).not.toContain("Λαμπροτρίτ");
  });

  it("matches a name in its formal, everyday, capital, unaccented and Greeklish spellings", () => {
    const spellings = ["Γεώργιος", "Γιώργος", "ΓΕΩΡΓΙΟΣ", "γεωργιος", "Giorgos", "Γωγώ"];
    const keys = spellings.map((s) => calendar.lookup(s).map((m) => m.key));
    for (const k of keys) expect(k).toEqual(["later:04-23/easter+1"]);
  });

  it("gives every date of a name that has several", () => {
    expect(datesOf("Μαρία", 2026)).toEqual(["2026-08-15", "2026-11-21"]);
    expect(calendar.lookup("Ξψζφ")).toEqual([]);
    expect(calendar.lookup("")).toEqual([]);
  });

  it("keeps 29 February on 28 February outside leap years", () => {
    const rule = parseRuleKey("fixed:02-29");
    expect(rule).toBeDefined();
    if (!rule) return;
    expect(dateOf(rule, 2027)).toBe("2027-02-28");
    expect(dateOf(rule, 2028)).toBe("2028-02-29");
  });

  it("reads back the keys it writes and refuses ones that are not dates", () => {
    for (const f of calendar.feasts.slice(0, 50)) expect(ruleKey(parseRuleKey(f.key) ?? f.rule)).toBe(f.key);
    expect(parseRuleKey("fixed:02-30")).toBeUndefined();
    expect(parseRuleKey("fixed:13-01")).toBeUndefined();
    expect(parseRuleKey("nonsense")).toBeUndefined();
  });

  it("folds Greek and Greeklish to the same skeleton", () => {
    expect(phoneticSkeleton("Γιώργος")).toBe(phoneticSkeleton("giorgos"));
    expect(phoneticSkeleton("Χρήστος")).toBe(phoneticSkeleton("Christos"));
    expect(phoneticSkeleton("Θεόδωρος")).toBe(phoneticSkeleton("Theodoros"));
  });
});

describe("feasts the dataset lacks", () => {
  const namesOn = (date: string) => calendar.feastsOn(date).flatMap((f) => f.names);

  it.each([
    [2024, "2024-05-07"],
    [2026, "2026-04-14"],
    [2027, "2027-05-04"],
  ])("Bright Tuesday %i (%s): Ραφαήλ, Νικόλαος, Ειρήνη, the saints of Lesvos", (year, date) => {
    expect(easterRelative(year, 2)).toBe(date);
    expect(namesOn(date)).toEqual(expect.arrayContaining(["Ραφαήλ", "Νικόλαος", "Ειρήνη"]));
    const feast = calendar.feastsOn(date).find((f) => f.names.includes("Ραφαήλ"));
    expect(feast?.label?.el).toBe("Αγίων Ραφαήλ, Νικολάου και Ειρήνης");
    // The dataset's «Λαμπροτρίτ» (the day's own name, cut short) is not a name.
    expect(namesOn(date).some((n) => n.startsWith("Λαμπροτρ"))).toBe(false);
  });

  it.each([
    [2022, "2022-12-11", "11 December is itself a Sunday"],
    [2023, "2023-12-17", "the Sunday is the last day it can be"],
    [2026, "2026-12-13", "11 December is a Friday"],
  ])("the Sunday of the Forefathers %i falls on %s (%s)", (year, date) => {
    const names = namesOn(date);
    for (const name of ["Αδάμ", "Εύα", "Αβραάμ", "Σάρα", "Ισαάκ", "Δαβίδ", "Ραχήλ"]) expect(names).toContain(name);
    expect(calendar.feastsOn(date).find((f) => f.names.includes("Αδάμ"))?.label?.el).toBe("Κυριακή των Προπατόρων");
    // On no other day of those seven.
    for (let d = 11; d <= 17; d++) {
      const other = `${year}-12-${d}`;
      if (other !== date) expect(namesOn(other), other).not.toContain("Αδάμ");
    }
  });

  it("the Forefathers' key reads back, and Αδάμ finds it", () => {
    expect(parseRuleKey("sunday:12-11")).toEqual({ kind: "sundayFrom", month: 12, day: 11 });
    expect(ruleKey({ kind: "sundayFrom", month: 12, day: 11 })).toBe("sunday:12-11");
    expect(calendar.lookup("ΑΔΑΜ").map((m) => m.key)).toEqual(["sunday:12-11"]);
    expect(calendar.lookup("Νικόλαος").map((m) => m.key)).toEqual(expect.arrayContaining(["fixed:12-06", "easter:+2"]));
  });

  it("a Νικόλαος is still suggested 6 December: Bright Tuesday is offered, not suggested (Ραφαήλ is asked)", () => {
    const nikolaos = calendar.lookup("Νικόλαος");
    expect(nikolaos.find((m) => m.key === "easter:+2")?.secondary).toBe(true);
    expect(nikolaos.find((m) => m.key === "fixed:12-06")?.secondary).toBeUndefined();
    const decide = (fullName: string) => decideNameDay({ calendar, fullName, noneValue: "none" });
    expect(decide("Νικόλαος Παπαδόπουλος")).toEqual({ kind: "set", key: "fixed:12-06", confirmed: false });
    expect(nameDayChoicesFor(calendar, "Νικόλαος Παπαδόπουλος")).toContain("easter:+2");
    expect(decide("Ραφαήλ Σταματίου")).toEqual({
      kind: "ask",
      keys: expect.arrayContaining(["easter:+2", "fixed:11-08"]),
    });
  });
});

describe("the next time a name is celebrated", () => {
  it("is this year's day while it is ahead, today's when it is today, else next year's", () => {
    const george = calendar.lookup("Γιώργος")[0]?.rule;
    if (!george) throw new Error("St George is missing");
    // On 1 December 2026 St George is next in 2027: Easter 2 May, so Monday 3 May.
    expect(nextDateOf(george, "2026-12-01")).toBe("2027-05-03");
    expect(nextDateOf(george, "2026-04-23")).toBe("2026-04-23");
    expect(nextDateOf(george, "2026-03-01")).toBe("2026-04-23");
    const forefathers = { kind: "sundayFrom", month: 12, day: 11 } as const;
    expect(nextDateOf(forefathers, "2026-12-14")).toBe("2027-12-12");
  });
});
