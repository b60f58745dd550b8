import { describe, expect, it } from "vitest";
import { decideNameDay, nameDayForFile, readNameDay } from "../../src/areas/contacts/name-day-choice.js";
import { parseDayArgument } from "../../src/areas/office-calendar/day-argument.js";
import { NameDayCalendar } from "../../src/calendar/namedays/nameday-calendar.js";
import { detectSeparator, parseCsv } from "../../src/lib/csv.js";
import { scheduleAtTime } from "../../src/scheduling/cron.js";

const calendar = NameDayCalendar.load();

describe("reading what people type", () => {
  it("reads the day after /giortes", () => {
    const today = "2026-12-31";
    expect(parseDayArgument("", today)).toEqual({ kind: "date", date: today });
    expect(parseDayArgument("αύριο", today)).toEqual({ kind: "date", date: "2027-01-01" });
    expect(parseDayArgument("ΑΥΡΙΟ", today)).toEqual({ kind: "date", date: "2027-01-01" });
    expect(parseDayArgument("6/1", today)).toEqual({ kind: "date", date: "2026-01-06" });
    expect(parseDayArgument("6/1/2027", today)).toEqual({ kind: "date", date: "2027-01-06" });
    expect(parseDayArgument("2027-01-06", today)).toEqual({ kind: "date", date: "2027-01-06" });
    expect(parseDayArgument("31/2", today)).toEqual({ kind: "invalid" });
    expect(parseDayArgument("Γιώργος", today)).toEqual({ kind: "name", name: "Γιώργος" });
    expect(parseDayArgument("<!channel>", today)).toEqual({ kind: "invalid" });
    expect(parseDayArgument("x".repeat(5000), today)).toEqual({ kind: "invalid" });
  });

  it("reads a name day as written in a spreadsheet and writes it back the same", () => {
    for (const [text, key] of [
      ["15/8", "fixed:08-15"],
      ["06/12", "fixed:12-06"],
      ["Πάσχα+5", "easter:+5"],
      ["πασχα - 7", "easter:-7"],
      ["Easter", "easter:+0"],
      ["later:04-23/easter+1", "later:04-23/easter+1"],
    ] as const) {
      expect(readNameDay(text), text).toBe(key);
      expect(readNameDay(nameDayForFile(key, "el"))).toBe(key);
    }
    expect(readNameDay("Αύγουστος")).toBeUndefined();
  });

  it("settles a form's name day: typed, chosen, suggested, or asked", () => {
    const base = { calendar, noneValue: "none" };
    expect(decideNameDay({ ...base, fullName: "Μαρία Κ.", typed: "1/10" })).toEqual({
      kind: "set",
      key: "fixed:10-01",
      confirmed: true,
    });
    expect(decideNameDay({ ...base, fullName: "Μαρία Κ.", typed: "32/1" })).toEqual({ kind: "invalid" });
    expect(decideNameDay({ ...base, fullName: "Μαρία Κ.", choice: "none" })).toEqual({
      kind: "set",
      key: null,
      confirmed: true,
    });
    expect(decideNameDay({ ...base, fullName: "Μαρία Κ." }).kind).toBe("ask");
    // Surname first, as official lists write it.
    expect(decideNameDay({ ...base, fullName: "Παπαδόπουλος Σπυρίδων" })).toEqual({
      kind: "set",
      key: "fixed:12-12",
      confirmed: false,
    });
    expect(decideNameDay({ ...base, fullName: "Embassy of Japan" })).toEqual({
      kind: "set",
      key: null,
      confirmed: false,
    });
  });

  it("moves a job to another time of day but never into the hour the clocks change", () => {
    expect(scheduleAtTime("30 8 * * 1-5", "07:45")).toBe("45 7 * * 1-5");
    expect(scheduleAtTime("30 8 * * 1-5", "3:30")).toBeUndefined();
    expect(scheduleAtTime("30 8 * * 1-5", "25:00")).toBeUndefined();
    expect(scheduleAtTime("30 8 * * 1-5", "noon")).toBeUndefined();
  });

  it("reads CSV with quotes, separators and line breaks inside cells", () => {
    const text = 'a;b;c\r\n"x;y";"line\nbreak";"say ""hi"""\r\n\r\n1;2;3';
    expect(detectSeparator(text)).toBe(";");
    expect(parseCsv(text, ";")).toEqual({
      records: [
        { line: 1, cells: ["a", "b", "c"] },
        { line: 2, cells: ["x;y", "line\nbreak", 'say "hi"'] },
        { line: 5, cells: ["1", "2", "3"] },
      ],
    });
    expect(detectSeparator("name,email\nA,b")).toBe(",");
    expect(parseCsv('a,"open\n', ",").unterminatedAt).toBe(1);
  });
});
