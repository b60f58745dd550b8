// The working-day rules as pure computation: weekends, Greek public holidays (the Easter-relative
// ones too), the municipality's own holidays and the admins' corrections, all given as data.
import { describe, expect, it } from "vitest";
import { createOfficeCalendar } from "../../src/areas/office-calendar/office-calendar.js";
import { easterRelative } from "../../src/calendar/orthodox-easter.js";
import {
  type CalendarFacts,
  type CalendarOverride,
  dayInfo,
  expectedLabourDay,
  type HolidayMove,
  isWorkingDay,
  type LocalHoliday,
  labourDay,
  localHolidayOn,
  nextWorkingDay,
  previousWorkingDay,
  publicHolidays,
} from "../../src/calendar/working-days.js";

const none: CalendarFacts = { overrides: [], localHolidays: [] };

describe("working days without corrections", () => {
  it("a weekday is a working day; Saturday and Sunday are not", () => {
    expect(dayInfo("2026-06-10", none)).toEqual({
      date: "2026-06-10",
      working: true,
      holiday: undefined,
      weekend: false,
      overridden: false,
    });
    expect(dayInfo("2026-06-13", none)).toMatchObject({ working: false, weekend: true, holiday: undefined });
    expect(isWorkingDay("2026-06-14", none)).toBe(false);
  });

  it("the fixed public holidays are not working days, named in the reader's language", () => {
    expect(dayInfo("2026-03-25", none)).toMatchObject({ working: false, weekend: false });
    expect(dayInfo("2026-08-14", none).working).toBe(true);
    expect(dayInfo("2026-08-15", none, "el").holiday).toBe("Κοίμηση της Θεοτόκου");
    expect(dayInfo("2027-12-25", none, "en").holiday).toBe("Christmas Day");
  });

  it.each([2024, 2026, 2027, 2030])("Good Friday, Easter Monday and Whit Monday move with Easter (%i)", (year) => {
    const goodFriday = easterRelative(year, -2);
    const easterMonday = easterRelative(year, 1);
    const whitMonday = easterRelative(year, 50);
    const cleanMonday = easterRelative(year, -48);
    for (const date of [goodFriday, easterMonday, whitMonday, cleanMonday]) {
      expect(dayInfo(date, none), date).toMatchObject({ working: false, weekend: false, overridden: false });
      expect(dayInfo(date, none).holiday, date).toBeTruthy();
    }
    // The Thursday before Easter is an ordinary working day; the Tuesday after too, unless Labour
    // Day is kept there (1 May fell in Holy Week in 2024 and 2027).
    expect(isWorkingDay(easterRelative(year, -3), none)).toBe(true);
    expect(isWorkingDay(easterRelative(year, 2), none)).toBe(year !== 2024 && year !== 2027);
  });

  it("the previous and next working day step over the Easter weekend", () => {
    // Orthodox Easter 2026 is 12 April: Friday 10 to Monday 13 are closed.
    expect(easterRelative(2026, 0)).toBe("2026-04-12");
    expect(nextWorkingDay("2026-04-09", none)).toBe("2026-04-14");
    expect(previousWorkingDay("2026-04-14", none)).toBe("2026-04-09");
    // Neither is the day itself.
    expect(nextWorkingDay("2026-06-10", none)).toBe("2026-06-11");
    expect(previousWorkingDay("2026-06-15", none)).toBe("2026-06-12");
  });
});

describe("Labour Day, moved as the decisions move it", () => {
  // When 1 May falls in Holy Week, on Easter Sunday or Easter Monday, every recent decision kept the
  // public sector's holiday on the Tuesday after Easter; on an ordinary Sunday, on the Monday.
  it.each([
    [2013, "2013-05-07", "1 May was Holy Wednesday (Easter 5 May)"],
    [2016, "2016-05-03", "1 May was Easter Sunday"],
    [2021, "2021-05-04", "1 May was Holy Saturday (Easter 2 May)"],
    [2024, "2024-05-07", "1 May was Holy Wednesday (Easter 5 May)"],
    [2022, "2022-05-02", "1 May was the Sunday after Easter week (Thomas Sunday)"],
    [2011, "2011-05-02", "1 May was an ordinary Sunday"],
    [2027, "2027-05-04", "1 May is Holy Saturday (Easter 2 May)"],
  ])("%i: kept on %s (%s)", (year, date) => {
    expect(expectedLabourDay(year)).toBe(date);
    expect(labourDay(year)).toEqual({ date, status: "expected" });
    expect(dayInfo(date, none)).toMatchObject({
      working: false,
      holiday: "Εργατική Πρωτομαγιά",
      movedFrom: `${year}-05-01`,
      expected: true,
      overridden: false,
    });
    expect(publicHolidays(year).get(date)).toBe("Εργατική Πρωτομαγιά");
  });

  it("1 May itself is then a working day when it is a weekday (Wednesday 1 May 2024), and says where the holiday went", () => {
    expect(dayInfo("2024-05-01", none)).toMatchObject({ working: true, holiday: undefined, movedTo: "2024-05-07" });
    expect(nextWorkingDay("2024-05-06", none)).toBe("2024-05-08");
    expect(previousWorkingDay("2024-05-02", none)).toBe("2024-05-01");
  });

  it("1 May on Easter Sunday 2016 stays a holiday, as Easter", () => {
    expect(dayInfo("2016-05-01", none)).toMatchObject({ working: false, holiday: "Πάσχα", movedTo: "2016-05-03" });
  });

  it("stays on 1 May in an ordinary year: Friday 1 May 2026, Saturday 1 May 2010, Thursday 1 May 2025 in Bright Week", () => {
    for (const year of [2026, 2010, 2025]) {
      expect(labourDay(year)).toEqual({ date: `${year}-05-01`, status: "fixed" });
      expect(dayInfo(`${year}-05-01`, none)).toMatchObject({ holiday: "Εργατική Πρωτομαγιά" });
      expect(dayInfo(`${year}-05-01`, none).expected).toBeUndefined();
    }
    // Easter 2025 was 20 April: 1 May was the Thursday of Bright Week, a holiday on its day.
    expect(dayInfo("2025-05-01", none).working).toBe(false);
  });

  it("the published decision an admin recorded replaces the expected day, and is no longer 'expected'", () => {
    const decided: HolidayMove[] = [{ year: 2027, holiday: "labour_day", date: "2027-05-05" }];
    const facts: CalendarFacts = { overrides: [], localHolidays: [], holidayMoves: decided };
    expect(labourDay(2027, decided)).toEqual({ date: "2027-05-05", status: "decided" });
    expect(dayInfo("2027-05-05", facts)).toMatchObject({ working: false, movedFrom: "2027-05-01" });
    expect(dayInfo("2027-05-05", facts).expected).toBeUndefined();
    expect(dayInfo("2027-05-04", facts)).toMatchObject({ working: true, holiday: undefined });
    // A decision that keeps it on 1 May.
    const kept: CalendarFacts = { ...facts, holidayMoves: [{ year: 2024, holiday: "labour_day", date: "2024-05-01" }] };
    expect(dayInfo("2024-05-01", kept)).toMatchObject({ working: false, holiday: "Εργατική Πρωτομαγιά" });
    expect(dayInfo("2024-05-07", kept).working).toBe(true);
  });
});

describe("half days", () => {
  it("24 and 31 December are working days that stop at 13:00 (Wednesday 24/12/2025, Wednesday 31/12/2025)", () => {
    expect(dayInfo("2025-12-24", none)).toMatchObject({ working: true, closesAt: "13:00" });
    expect(dayInfo("2025-12-31", none)).toMatchObject({ working: true, closesAt: "13:00" });
    expect(dayInfo("2025-12-23", none).closesAt).toBeUndefined();
    expect(dayInfo("2026-01-02", none).closesAt).toBeUndefined();
  });

  it("not on a weekend (Saturday 24/12/2022) or when an admin closed the office that day", () => {
    expect(dayInfo("2022-12-24", none).closesAt).toBeUndefined();
    const closed: CalendarFacts = { overrides: [{ date: "2025-12-24", kind: "holiday" }], localHolidays: [] };
    expect(dayInfo("2025-12-24", closed)).toMatchObject({ working: false });
    expect(dayInfo("2025-12-24", closed).closesAt).toBeUndefined();
  });
});

describe("the admins' corrections", () => {
  // A day an admin closes or opens by hand, whatever the rules say.
  const corrections: CalendarOverride[] = [
    { date: "2026-05-04", kind: "holiday", name: "Εκλογές" },
    { date: "2026-05-01", kind: "working_day" },
  ];
  const facts: CalendarFacts = { overrides: corrections, localHolidays: [] };

  it("an override decides the day against the public holidays", () => {
    expect(dayInfo("2026-05-01", none).working).toBe(false);
    expect(dayInfo("2026-05-01", facts)).toMatchObject({ working: true, holiday: undefined, overridden: true });
    expect(dayInfo("2026-05-04", facts)).toEqual({
      date: "2026-05-04",
      working: false,
      holiday: "Εκλογές",
      weekend: false,
      overridden: true,
    });
    expect(nextWorkingDay("2026-05-03", facts)).toBe("2026-05-05");
    expect(previousWorkingDay("2026-05-04", facts)).toBe("2026-05-01");
    expect(previousWorkingDay("2026-05-04", none)).toBe("2026-04-30");
  });

  it("a Saturday made a working day counts as one; a holiday without a name has none", () => {
    const saturday: CalendarFacts = {
      overrides: [
        { date: "2026-06-13", kind: "working_day" },
        { date: "2026-06-11", kind: "holiday" },
      ],
      localHolidays: [],
    };
    expect(dayInfo("2026-06-13", saturday)).toMatchObject({ working: true, weekend: true, overridden: true });
    expect(dayInfo("2026-06-11", saturday)).toMatchObject({ working: false, holiday: undefined, overridden: true });
    expect(nextWorkingDay("2026-06-10", saturday)).toBe("2026-06-12");
    expect(nextWorkingDay("2026-06-12", saturday)).toBe("2026-06-13");
  });

  it("a month with no working day is an error, not an endless search", () => {
    const closed: CalendarOverride[] = Array.from({ length: 31 }, (_, i) => ({
      date: `2026-07-${String(i + 1).padStart(2, "0")}`,
      kind: "holiday" as const,
    }));
    expect(() => nextWorkingDay("2026-06-30", { overrides: closed, localHolidays: [] })).toThrow(/no working day/);
  });
});

describe("the municipality's own holidays", () => {
  const local: LocalHoliday[] = [
    { name: "Πολιούχος", dateKey: "fixed:11-11" },
    { name: "Ζωοδόχου Πηγής", dateKey: "easter:+5" },
  ];
  const facts: CalendarFacts = { overrides: [], localHolidays: local };

  it("a fixed local holiday closes the office that day", () => {
    expect(dayInfo("2026-11-11", facts)).toMatchObject({ working: false, holiday: "Πολιούχος", overridden: false });
    expect(dayInfo("2026-11-11", none).working).toBe(true);
    expect(localHolidayOn("2026-11-12", local)).toBeUndefined();
  });

  it("an Easter-relative local holiday moves with Easter", () => {
    for (const year of [2026, 2027]) {
      const friday = easterRelative(year, 5);
      expect(dayInfo(friday, facts), friday).toMatchObject({ working: false, holiday: "Ζωοδόχου Πηγής" });
      expect(isWorkingDay(friday, none), friday).toBe(true);
    }
  });

  it("an admin's correction wins over a local holiday", () => {
    const corrected: CalendarFacts = { overrides: [{ date: "2026-11-11", kind: "working_day" }], localHolidays: local };
    expect(dayInfo("2026-11-11", corrected)).toMatchObject({ working: true, overridden: true });
  });

  it("a rule that does not read is ignored", () => {
    expect(localHolidayOn("2026-11-11", [{ name: "?", dateKey: "nonsense" }])).toBeUndefined();
  });
});

describe("the office calendar over its store", () => {
  function storeOf(overrides: CalendarOverride[], localHolidays: LocalHoliday[]) {
    const asked: [string, string][] = [];
    const moves: HolidayMove[] = [];
    return {
      asked,
      store: {
        async overridesBetween(from: string, to: string) {
          asked.push([from, to]);
          return overrides.filter((o) => from <= o.date && o.date <= to);
        },
        localHolidays: async () => localHolidays,
        async saveOverride(o: CalendarOverride & { setBy: string }) {
          overrides.push({ date: o.date, kind: o.kind, ...(o.name ? { name: o.name } : {}) });
        },
        async deleteOverride(date: string) {
          overrides.splice(0, overrides.length, ...overrides.filter((o) => o.date !== date));
        },
        holidayMoves: async () => moves,
        async saveHolidayMove(m: HolidayMove) {
          moves.splice(0, moves.length, ...moves.filter((x) => x.year !== m.year), m);
        },
        async deleteHolidayMove(year: number) {
          moves.splice(0, moves.length, ...moves.filter((x) => x.year !== year));
        },
      },
    };
  }

  it("answers as the pure rules do, and an override set counts at the next question", async () => {
    const { store, asked } = storeOf([], [{ name: "Πολιούχος", dateKey: "fixed:11-11" }]);
    const calendar = createOfficeCalendar({ store });
    expect((await calendar.dayInfo("2026-11-11")).holiday).toBe("Πολιούχος");
    expect(await calendar.isWorkingDay("2026-05-05")).toBe(true);
    await calendar.setOverride({ date: "2026-05-05", kind: "holiday", name: "Εκλογές", setBy: "U0ADMIN01" });
    expect(await calendar.isWorkingDay("2026-05-05")).toBe(false);
    expect(await calendar.nextWorkingDay("2026-05-04")).toBe("2026-05-06");
    await calendar.clearOverride("2026-05-05");
    expect(await calendar.nextWorkingDay("2026-05-04")).toBe("2026-05-05");
    expect(await calendar.previousWorkingDay("2026-04-14")).toBe("2026-04-09");
    // The search for a working day loads the month it may reach in one question.
    expect(asked.at(-1)).toEqual(["2026-03-15", "2026-04-14"]);
  });

  it("applies the Labour Day decision an admin recorded, and the expected day again once it is cleared", async () => {
    const { store } = storeOf([], []);
    const calendar = createOfficeCalendar({ store });
    expect(await calendar.labourDay(2027)).toEqual({ date: "2027-05-04", status: "expected" });
    const setAt = new Date("2027-04-20T09:00:00Z");
    await calendar.decideLabourDay({ year: 2027, date: "2027-05-05", setBy: "U0ADMIN01", setAt });
    expect(await calendar.labourDay(2027)).toEqual({ date: "2027-05-05", status: "decided" });
    expect(await calendar.isWorkingDay("2027-05-04")).toBe(true);
    expect(await calendar.nextWorkingDay("2027-05-04")).toBe("2027-05-06");
    await calendar.decideLabourDay({ year: 2027, date: null, setBy: "U0ADMIN01", setAt });
    expect(await calendar.isWorkingDay("2027-05-04")).toBe(false);
  });
});

describe("the holidays' English names", () => {
  it("are the ones Greeks use: Clean Monday, Ochi Day, the Dormition; never date-holidays' Ash Sunday", () => {
    const en = publicHolidays(2026, "en");
    expect(en.get("2026-02-23")).toBe("Clean Monday");
    expect(en.get("2026-03-25")).toBe("Independence Day and the Annunciation");
    expect(en.get("2026-08-15")).toBe("Dormition of the Mother of God");
    expect(en.get("2026-10-28")).toBe("Ochi Day");
    expect(en.get("2026-12-26")).toBe("Synaxis of the Mother of God (second day of Christmas)");
    expect(en.get("2026-04-10")).toBe("Good Friday");
    expect([...en.values()].join(" ")).not.toMatch(/Ash Sunday|National Holiday|Boxing Day/);
    // The Greek names are date-holidays' own.
    expect(publicHolidays(2026, "el").get("2026-02-23")).toBe("Καθαρά Δευτέρα");
  });
});
