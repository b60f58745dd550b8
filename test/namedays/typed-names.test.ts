// Names as people type them, for `/giortes <name>` and the contact form's name-day suggestion:
// another case, a double name, an abbreviation, a weekday that is also a name.
import { describe, expect, it } from "vitest";
import { decideNameDay, suggestableFeasts } from "../../src/areas/contacts/name-day-choice.js";
import { parseDayArgument } from "../../src/areas/office-calendar/day-argument.js";
import { whenNameCelebrates } from "../../src/areas/office-calendar/slack/name-days-command.js";
import { readTypedNames } from "../../src/calendar/namedays/name-query.js";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { messages } from "../../src/i18n/index.js";

const calendar = NameDayCalendar.load();
const el = { t: messages("el"), locale: "el" as const };
const understood = (text: string) => readTypedNames(calendar, text).names.map((n) => n.name);
const decide = (fullName: string) => decideNameDay({ calendar, fullName, noneValue: "none" });

describe("a name in another case", () => {
  it.each([
    ["Γιώργο", "Γιώργος"],
    ["Γιώργου", "Γιώργος"],
    ["Γιάννη", "Γιάννης"],
    ["Μαρίας", "Μαρία"],
    ["Ελένης", "Ελένη"],
    ["Σοφίας", "Σοφία"],
    ["Αλέξανδρε", "Αλέξανδρος"],
    ["Αλεξάνδρου", "Αλέξανδρος"],
    ["Νικολάου", "Νικόλαος"],
    ["Κώστα", "Κώστας"],
    ["Ηλία", "Ηλίας"],
    ["Δημήτρη", "Δημήτρης"],
    ["Σπυρίδωνος", "Σπυρίδων"],
    ["ΓΙΩΡΓΟ", "Γιώργος"],
    ["Giorgo", "Γιώργος"],
  ])("«%s» is %s", (typed, name) => {
    expect(understood(typed)).toEqual([name]);
  });

  it("answers /giortes Γιώργου with Γιώργος' next feast", () => {
    const answer = whenNameCelebrates(calendar, el, "Γιώργου", "2026-12-01");
    expect(answer).toContain("*Γιώργος*");
    expect(answer).toContain("Δευτέρα 3/5/2027");
  });

  it("reads only the names as written when there are some: in «Μαρία Γεωργίου» the genitive is her father's", () => {
    expect(understood("Μαρία Γεωργίου")).toEqual(["Μαρία"]);
    expect(understood("Σταματίου Μαρία")).toEqual(["Μαρία"]);
    expect(understood("Παπαδόπουλος Σπυρίδων")).toEqual(["Σπυρίδων"]);
    expect(understood("Ξυλοπόδαρος")).toEqual([]);
    expect(whenNameCelebrates(calendar, el, "Ξυλοπόδαρε", "2026-12-01")).toContain("Δεν βρήκα το όνομα");
  });
});

describe("a double name", () => {
  it("«Μαρία-Ελένη» is both: /giortes answers each, soonest feast first", () => {
    expect(understood("Μαρία-Ελένη")).toEqual(["Μαρία", "Ελένη"]);
    const answer = whenNameCelebrates(calendar, el, "Μαρία-Ελένη", "2026-12-01");
    expect(answer).toMatch(/\*Μαρία\*[\s\S]*15\/8\/2027[\s\S]*\*Ελένη\*[\s\S]*21\/5\/2027/);
  });

  it("an import suggests from the same reading: Νίκος is 6 December (Bright Tuesday is only offered), Μαρία-Ελένη asks", () => {
    expect(suggestableFeasts(calendar, "Νίκος Ρήγας").map((f) => f.key)).toEqual(["fixed:12-06"]);
    expect(suggestableFeasts(calendar, "Νικόλαος").map((f) => f.key)).toEqual(["fixed:12-06"]);
    expect(suggestableFeasts(calendar, "Μαρία-Ελένη")).toHaveLength(3);
  });

  it("the contact form asks between both names' feasts", () => {
    expect(decide("Μαρία-Ελένη Παπαδοπούλου")).toEqual({
      kind: "ask",
      keys: expect.arrayContaining(["fixed:08-15", "fixed:11-21", "fixed:05-21"]),
    });
    // Before, «Μαρία-Ελένη» was one unknown word and nothing was suggested.
    expect(decide("Άννα–Μαρία Κ.")).toMatchObject({ kind: "ask" });
  });
});

describe("an abbreviated name", () => {
  it("«Κων/νος», «Χαρ/πος», «Παν/της» are the one name they abbreviate, in /giortes and the contact form", () => {
    expect(understood("Κων/νος")).toEqual(["Κωνσταντίνος"]);
    expect(understood("Χαρ/πος")).toEqual(["Χαράλαμπος"]);
    expect(understood("Παν/της")).toEqual(["Παναγιώτης"]);
    expect(decide("Παπαδόπουλος Κων/νος")).toEqual({ kind: "set", key: "fixed:05-21", confirmed: false });
  });

  it("«Κυρ.» may be several: /giortes lists them, the most greeted first; the form suggests none", () => {
    const meant = understood("Κυρ.");
    expect(meant.slice(0, 3)).toEqual(["Κυριακή", "Κυριάκος", "Κύριλλος"]);
    expect(whenNameCelebrates(calendar, el, "Κυρ.", "2026-12-01")).toMatch(
      /^«Κυρ\.» μπορεί να είναι: Κυριακή, Κυριάκος/,
    );
    expect(decide("Κυρ. Παπαδόπουλος")).toEqual({ kind: "set", key: null, confirmed: false });
    expect(parseDayArgument("Κυρ.", "2026-12-01")).toEqual({ kind: "name", name: "Κυρ." });
  });
});

describe("weekday words", () => {
  // Tuesday 1 December 2026.
  const today = "2026-12-01";

  it("a weekday that is no name is the next such day, today included: Σάββατο is 5 December, Τρίτη today", () => {
    expect(parseDayArgument("Σάββατο", today)).toEqual({ kind: "date", date: "2026-12-05" });
    expect(parseDayArgument("σαββατο", today)).toEqual({ kind: "date", date: "2026-12-05" });
    expect(parseDayArgument("Τρίτη", today)).toEqual({ kind: "date", date: "2026-12-01" });
    expect(parseDayArgument("Δευτέρα", today)).toEqual({ kind: "date", date: "2026-12-07" });
    expect(parseDayArgument("friday", today)).toEqual({ kind: "date", date: "2026-12-04" });
  });

  it("Κυριακή and Παρασκευή are names too: the name is answered, with the day it also means", () => {
    expect(parseDayArgument("Κυριακή", today)).toEqual({ kind: "name", name: "Κυριακή", weekday: "2026-12-06" });
    const answer = whenNameCelebrates(calendar, el, "Κυριακή", today, "2026-12-06");
    expect(answer).toContain("*Κυριακή*");
    expect(answer).toContain("7/7/2027");
    expect(answer).toContain("`/giortes 6/12/2026`");
    const friday = parseDayArgument("ΠΑΡΑΣΚΕΥΗ", today);
    expect(friday).toEqual({ kind: "name", name: "ΠΑΡΑΣΚΕΥΗ", weekday: "2026-12-04" });
    // A contact called Κυριακή is given her name day, not a weekday.
    expect(decide("Κυριακή Ιωάννου")).toEqual({ kind: "set", key: "fixed:07-07", confirmed: false });
  });
});
