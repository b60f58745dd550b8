// `/giortes <name>`: the next time the name is celebrated, the soonest feast first, each day once.
import { describe, expect, it } from "vitest";
import { whenNameCelebrates } from "../../src/areas/office-calendar/slack/name-days-command.js";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { messages } from "../../src/i18n/index.js";

const calendar = NameDayCalendar.load();
const el = { t: messages("el"), locale: "el" as const };
const en = { t: messages("en"), locale: "en" as const };
const lines = (text: string) => text.split("\n").slice(1);

describe("/giortes <name>", () => {
  it("on 1 December 2026, Γιώργος is next celebrated on Monday 3 May 2027 (Easter 2027 is 2 May)", () => {
    const answer = whenNameCelebrates(calendar, el, "Γιώργος", "2026-12-01");
    expect(lines(answer)).toEqual([
      "• *Δευτέρα 3/5/2027*: Αγίου Γεωργίου: 23 Απριλίου, ή Δευτέρα του Πάσχα όταν το Πάσχα είναι αργά",
    ]);
    // Not this year's passed date, and the date only once.
    expect(answer).not.toContain("2026");
    expect(answer.match(/3\/5\/2027/g)).toHaveLength(1);
  });

  it("lists a name's feasts soonest first: on 1 December 2026, Νικόλαος on 6 December, then Bright Tuesday 2027", () => {
    expect(lines(whenNameCelebrates(calendar, el, "Νικόλαος", "2026-12-01"))).toEqual([
      "• *Κυριακή 6/12/2026*: 6 Δεκεμβρίου",
      "• *Τρίτη 4/5/2027*: Αγίων Ραφαήλ, Νικολάου και Ειρήνης (2 ημέρες μετά το Πάσχα)",
    ]);
    // Μαρία on 16 August 2026: 21 November comes before next 15 August.
    expect(lines(whenNameCelebrates(calendar, el, "Μαρία", "2026-08-16"))).toEqual([
      "• *Σάββατο 21/11/2026*: 21 Νοεμβρίου",
      "• *Κυριακή 15/8/2027*: 15 Αυγούστου",
    ]);
  });

  it("says today and tomorrow: Αδάμ on the Sunday of the Forefathers 2026 (13 December)", () => {
    expect(lines(whenNameCelebrates(calendar, en, "Αδάμ", "2026-12-13"))).toEqual([
      "• *today, Sunday 13/12/2026*: Sunday of the Forefathers: the Sunday from 11 to 17 December",
    ]);
    expect(lines(whenNameCelebrates(calendar, el, "Αδάμ", "2026-12-12"))).toEqual([
      "• *αύριο, Κυριακή 13/12/2026*: Κυριακή των Προπατόρων: η Κυριακή από 11 έως 17 Δεκεμβρίου",
    ]);
  });

  it("says when a name is not in the calendar", () => {
    expect(whenNameCelebrates(calendar, el, "Ξυλοπόδαρος", "2026-12-01")).toContain("Δεν βρήκα το όνομα");
  });
});
