// The calendar after its reconciliation with two independent name-day lists, and what `/giortes`
// shows of a day: the names the office says, accented, first.
import { describe, expect, it } from "vitest";
import { decideNameDay } from "../../src/areas/contacts/name-day-choice.js";
import { feastNamesLine } from "../../src/areas/office-calendar/slack/name-day-views.js";
import { foldName } from "../../src/calendar/namedays/name-forms.js";
import { dateOf, NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { PRINCIPAL_NAMES } from "../../src/calendar/namedays/principal-names.js";
import { RECONCILED_NAMES } from "../../src/calendar/namedays/reconciled.js";

const calendar = NameDayCalendar.load();
const namesOn = (date: string) => calendar.feastsOn(date).flatMap((f) => f.names);
const datesOf = (name: string, year: number) =>
  calendar
    .lookup(name)
    .filter((m) => !m.secondary)
    .map((m) => dateOf(m.rule, year))
    .sort();

describe("names both independent lists agree on, which the dataset lacked", () => {
  it.each([
    ["Μαίρη", ["2026-08-15", "2026-11-21"]],
    ["Φωτεινή", ["2026-01-06", "2026-02-06", "2026-02-26"]],
    ["Πελαγία", ["2026-05-04"]],
    ["Σέργιος", ["2026-05-13"]],
    ["Αρσένιος", ["2026-05-08"]],
    ["Σεραφείμ", ["2026-01-02", "2026-05-06", "2026-11-08"]],
    ["Ματθίλδη", ["2026-03-14", "2026-11-16"]],
    ["Αιμίλιος", ["2026-05-22", "2026-07-18"]],
  ])("%s is celebrated on %j", (name, dates) => {
    expect(datesOf(name, 2026)).toEqual(expect.arrayContaining(dates));
  });

  it("Χλόη: the first Sunday from 13 February (2026: Sunday 15 February; 2022: 13 February itself)", () => {
    expect(calendar.lookup("Χλόη").map((m) => m.key)).toEqual(["sunday:02-13"]);
    expect(namesOn("2026-02-15")).toContain("Χλόη");
    expect(namesOn("2022-02-13")).toContain("Χλόη");
    expect(namesOn("2026-02-13")).not.toContain("Χλόη");
  });

  it("the Forefathers' Sunday gains Ααρών, Νώε, Εσθήρ, Δανάη as one feast, not a line each", () => {
    const forefathers = calendar.feastsOn("2026-12-13").filter((f) => f.label?.el === "Κυριακή των Προπατόρων");
    expect(forefathers).toHaveLength(1);
    expect(forefathers[0]?.names).toEqual(expect.arrayContaining(["Αδάμ", "Ααρών", "Νώε", "Εσθήρ", "Δανάη"]));
  });

  it("Bright Tuesday's Νίκος and Ρένα celebrate there too, but a Νίκος is still suggested 6 December", () => {
    const nikos = calendar.lookup("Νίκος");
    expect(nikos.find((m) => m.key === "easter:+2")?.secondary).toBe(true);
    expect(decideNameDay({ calendar, fullName: "Νίκος Ρήγας", noneValue: "none" })).toEqual({
      kind: "set",
      key: "fixed:12-06",
      confirmed: false,
    });
    expect(namesOn("2026-04-14")).toEqual(expect.arrayContaining(["Ραφαήλ", "Νίκος", "Ρένα", "Ραφαήλος"]));
  });

  it("adds no day's name twice, and nothing that is not a name", () => {
    for (const [key, names] of Object.entries(RECONCILED_NAMES)) {
      const folded = calendar.feasts.filter((f) => f.key === key).flatMap((f) => f.names.map((n) => foldName(n)));
      expect(new Set(folded).size, key).toBe(folded.length);
      for (const name of names) expect(folded, `${name} on ${key}`).toContain(foldName(name));
    }
    expect(calendar.feasts.flatMap((f) => f.names)).not.toContain("Λαμπροτρίτη");
    // «Ειρήνγκω», a typo both lists share on Bright Tuesday, is left out there.
    expect(namesOn("2026-04-14")).not.toContain("Ειρήνγκω");
  });
});

describe("what a day shows", () => {
  const all = new Set(calendar.feasts.flatMap((f) => f.names));

  it("15 August: Μαρία, Παναγιώτης, Δέσποινα first, accented; not «Μάριος (Μάρω, Μαριώ, …)»", () => {
    const feasts = calendar.feastsOn("2026-08-15");
    expect(feasts.slice(0, 3).map((f) => f.principal[0])).toEqual(["Μαρία", "Παναγιώτης", "Δέσποινα"]);
    const lines = feasts.map((f) => feastNamesLine(f, "el"));
    expect(lines[0]).toMatch(/^• \*Μαρία\*, \*Μάριος\*, \*Μαίρη\* \(Μάρω, /);
    expect(lines[1]).toMatch(/^• \*Παναγιώτης\*, \*Παναγιώτα\* \(Πάνος, /);
    expect(lines[2]).toMatch(/^• \*Δέσποινα\* \(Δέσπω, /);
  });

  it.each([
    ["2026-01-06", ["Φώτιος", "Φώτης", "Φωτεινή", "Θεοφάνης", "Θεοφανία", "Ιορδάνης"]],
    ["2026-11-08", ["Μιχαήλ", "Μιχάλης", "Γαβριήλ", "Άγγελος", "Αγγελική"]],
    ["2026-07-25", ["Άννα"]],
    ["2026-04-14", ["Ραφαήλ", "Νικόλαος", "Ειρήνη"]],
    ["2026-12-13", ["Αδάμ", "Εύα", "Αβραάμ", "Σάρα", "Ισαάκ", "Δαβίδ"]],
  ])("%s shows %j first", (date, principal) => {
    const shown = calendar.feastsOn(date).flatMap((f) => f.principal);
    expect(shown.slice(0, principal.length)).toEqual(principal);
  });

  it("every principal name in the table is one of that feast's names", () => {
    for (const [key, names] of Object.entries(PRINCIPAL_NAMES)) {
      const ofKey = calendar.feasts.filter((f) => f.key === key);
      expect(ofKey.length, key).toBeGreaterThan(0);
      // Each once, in one family or spread over several.
      const found = ofKey.flatMap((f) => f.principal).sort((a, b) => names.indexOf(a) - names.indexOf(b));
      expect(found, key).toEqual(names);
    }
  });

  it("repairs the unaccented names («Αννα» → «Άννα», «Αγγελος», «Μιχαηλ») and leaves none of two syllables or more", () => {
    for (const name of ["Άννα", "Άγγελος", "Μιχαήλ", "Μαρία", "Δέσποινα", "Όλγα", "Έκτωρ", "Γερόντιος"])
      expect(all, name).toContain(name);
    for (const name of ["Αννα", "Αγγελος", "Μιχαηλ", "Μαρια", "Δεσποινα"]) expect(all, name).not.toContain(name);
    const syllables = (s: string) => (foldName(s).match(/[αεηιουω]+/g) ?? []).length;
    const unaccented = [...all].filter((n) => n.normalize("NFD") === n && syllables(n) >= 2);
    expect(unaccented).toEqual([]);
    // Greek letters only: the dataset had a Latin «o» inside «Γερoντιος».
    expect([...all].filter((n) => !/^[\p{Script=Greek}]+$/u.test(n))).toEqual([]);
  });

  it("repairs the truncated ones («Γόλη», «Τόμα», «Κάρολ», «Πάν») and accents no monosyllable", () => {
    for (const name of ["Γόλη", "Τόμα", "Κάρολ", "Πάν", "Γή", "Λώτ", "Πώλ"]) expect(all, name).not.toContain(name);
    for (const name of ["Γόλης", "Τόμας", "Κάρολος", "Γη", "Λωτ"]) expect(all, name).toContain(name);
    expect(calendar.lookup("Γόλης").map((m) => m.key)).toEqual(expect.arrayContaining(["fixed:01-25", "easter:-35"]));
  });
});
