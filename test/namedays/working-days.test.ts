// The working-day rules as pure computation: weekends, Greek public holidays (the Easter-relative
// ones too), the municipality's own holidays and the admins' corrections, all given as data.
import { describe, expect, it } from "vitest";
import { createOfficeCalendar } from "../../src/areas/office-calendar/office-calendar.js";
import { easterRelative } from "../../src/calendar/orthodox-easter.js";
import {
  type CalendarFacts,
  type CalendarOverride,
  dayInfo,
  isWorkingDay,
  type LocalHoliday,
  localHolidayOn,
  nextWorkingDay,
  previousWorkingDay,
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
    // The Thursday before Easter and the Tuesday after are ordinary working days.
    expect(isWorkingDay(easterRelative(year, -3), none)).toBe(true);
    expect(isWorkingDay(easterRelative(year, 2), none)).toBe(true);
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

describe("the admins' corrections", () => {
  // Labour Day 2024 fell in Easter week: the state moved it from Wednesday 1 May to Tuesday 7 May.
  const labourDay2024: CalendarOverride[] = [
    { date: "2024-05-01", kind: "working_day" },
    { date: "2024-05-07", kind: "holiday", name: "Εργατική Πρωτομαγιά (μεταφορά)" },
  ];
  const facts: CalendarFacts = { overrides: labourDay2024, localHolidays: [] };

  it("an override decides the day against the public holidays", () => {
    expect(dayInfo("2024-05-01", none).working).toBe(false);
    expect(dayInfo("2024-05-01", facts)).toMatchObject({ working: true, holiday: undefined, overridden: true });
    expect(dayInfo("2024-05-07", facts)).toEqual({
      date: "2024-05-07",
      working: false,
      holiday: "Εργατική Πρωτομαγιά (μεταφορά)",
      weekend: false,
      overridden: true,
    });
    expect(nextWorkingDay("2024-05-06", facts)).toBe("2024-05-08");
    expect(previousWorkingDay("2024-05-02", facts)).toBe("2024-05-01");
    expect(previousWorkingDay("2024-05-02", none)).toBe("2024-04-30");
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
      },
    };
  }

  it("answers as the pure rules do, and an override set counts at the next question", async () => {
    const { store, asked } = storeOf([], [{ name: "Πολιούχος", dateKey: "fixed:11-11" }]);
    const calendar = createOfficeCalendar({ store });
    expect((await calendar.dayInfo("2026-11-11")).holiday).toBe("Πολιούχος");
    expect(await calendar.isWorkingDay("2024-05-07")).toBe(true);
    await calendar.setOverride({ date: "2024-05-07", kind: "holiday", name: "Πρωτομαγιά", setBy: "U0ADMIN01" });
    expect(await calendar.isWorkingDay("2024-05-07")).toBe(false);
    expect(await calendar.nextWorkingDay("2024-05-06")).toBe("2024-05-08");
    await calendar.clearOverride("2024-05-07");
    expect(await calendar.nextWorkingDay("2024-05-06")).toBe("2024-05-07");
    expect(await calendar.previousWorkingDay("2026-04-14")).toBe("2026-04-09");
    // The search for a working day loads the month it may reach in one question.
    expect(asked.at(-1)).toEqual(["2026-03-15", "2026-04-14"]);
  });
});
