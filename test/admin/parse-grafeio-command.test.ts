// Tier 1: the pure rules that read `/grafeio`'s text (no database, no Slack).
import { describe, expect, it } from "vitest";
import { parseGrafeioCommand } from "../../src/areas/admin/parse-grafeio-command.js";

describe("parseGrafeioCommand", () => {
  it("reads its sub-commands", () => {
    expect(parseGrafeioCommand("grant <@U0X1|maria> staff")).toEqual({ kind: "grant", userId: "U0X1", role: "staff" });
    expect(parseGrafeioCommand("revoke <@U0X1> admin")).toEqual({ kind: "revoke", userId: "U0X1", role: "admin" });
    expect(parseGrafeioCommand("lang en")).toEqual({ kind: "lang", locale: "en" });
    expect(parseGrafeioCommand("lang <@U0X1> auto")).toEqual({ kind: "lang", userId: "U0X1", locale: null });
    expect(parseGrafeioCommand("grant maria staff")).toEqual({
      kind: "help",
      problem: { kind: "notAMention", verb: "grant", word: "maria" },
    });
    expect(parseGrafeioCommand("topic add Νέα θεματική | New topic")).toEqual({
      kind: "topicAdd",
      nameEl: "Νέα θεματική",
      nameEn: "New topic",
    });
    expect(parseGrafeioCommand("topic add Μόνο ελληνικά")).toEqual({
      kind: "topicAdd",
      nameEl: "Μόνο ελληνικά",
      nameEn: "Μόνο ελληνικά",
    });
    expect(parseGrafeioCommand("topic add | English only")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("grant <@U0X1> emperor")).toEqual({
      kind: "help",
      problem: { kind: "notARole", verb: "grant", word: "emperor" },
    });
    expect(parseGrafeioCommand("grant <@U0X1>")).toEqual({ kind: "help" });
  });

  it("reads the calendar's reminders and a job's time", () => {
    expect(parseGrafeioCommand("reminder add holiday 11/6 7 Πολιούχος του Δήμου")).toEqual({
      kind: "reminderAdd",
      reminder: "holiday",
      date: "fixed:06-11",
      leadDays: 7,
      name: "Πολιούχος του Δήμου",
    });
    expect(parseGrafeioCommand("reminder add cards Πάσχα+0 30 Κάρτες Πάσχα")).toMatchObject({ date: "easter:+0" });
    expect(parseGrafeioCommand("reminder add celebration 31/2 7 Ποτέ")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("reminder add celebration 1/3 999 Πολύ νωρίς")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("reminder 4 lead 30")).toEqual({ kind: "reminderLead", id: 4, leadDays: 30 });
    expect(parseGrafeioCommand("reminder 4 remove")).toEqual({ kind: "reminderRemove", id: 4 });
    expect(parseGrafeioCommand("job name-day-reminders time 07:45")).toEqual({
      kind: "jobTime",
      name: "name-day-reminders",
      time: "07:45",
    });
    expect(parseGrafeioCommand("job name-day-reminders time default")).toEqual({
      kind: "jobTime",
      name: "name-day-reminders",
      time: null,
    });
    expect(parseGrafeioCommand("category add mayors Δήμαρχοι | Mayors")).toEqual({
      kind: "categoryAdd",
      slug: "mayors",
      nameEl: "Δήμαρχοι",
      nameEn: "Mayors",
    });
    expect(parseGrafeioCommand("category add Δήμαρχοι Δήμαρχοι")).toEqual({ kind: "help" });
  });

  it("reads the calendar's corrections, only on real days", () => {
    expect(parseGrafeioCommand("holiday 2026-02-30")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("holiday 2024-05-07 Πρωτομαγιά (μετάθεση)")).toEqual({
      kind: "calendarSet",
      date: "2024-05-07",
      day: "holiday",
      name: "Πρωτομαγιά (μετάθεση)",
    });
    expect(parseGrafeioCommand("workday 2026-04-13")).toEqual({
      kind: "calendarSet",
      date: "2026-04-13",
      day: "working_day",
    });
    expect(parseGrafeioCommand("workday 2026-04-13 extra")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("calendar clear 2024-05-07")).toEqual({ kind: "calendarClear", date: "2024-05-07" });
    expect(parseGrafeioCommand("calendar 2026-04-13")).toEqual({ kind: "calendarShow", date: "2026-04-13" });
  });

  it("reads the precedence table's changes, with numbers that make sense", () => {
    expect(parseGrafeioCommand("precedence")).toEqual({ kind: "precedence" });
    expect(parseGrafeioCommand("precedence add 42 Πρόεδρος Συλλόγου")).toEqual({
      kind: "precedenceAdd",
      rank: 42,
      office: "Πρόεδρος Συλλόγου",
    });
    expect(parseGrafeioCommand("precedence add x Υπουργός")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("precedence add 0 Υπουργός")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("precedence remove 7")).toEqual({ kind: "precedenceRemove", id: 7 });
  });

  it("reads jobs, departments and watch terms with their channels", () => {
    expect(parseGrafeioCommand("job morning-digest channel <#C0MGRS|managers>")).toEqual({
      kind: "jobChannel",
      name: "morning-digest",
      channelId: "C0MGRS",
    });
    expect(parseGrafeioCommand("job morning-digest channel none")).toEqual({
      kind: "jobChannel",
      name: "morning-digest",
      channelId: null,
    });
    expect(parseGrafeioCommand("job morning-digest off")).toEqual({
      kind: "jobEnable",
      name: "morning-digest",
      enabled: false,
    });
    expect(parseGrafeioCommand("job morning-digest channel #managers")).toEqual({ kind: "help" });
    expect(parseGrafeioCommand("department culture channel <#C0CULT>")).toEqual({
      kind: "departmentChannel",
      slug: "culture",
      channelId: "C0CULT",
    });
    expect(parseGrafeioCommand("watch")).toEqual({ kind: "watchList" });
    expect(parseGrafeioCommand("watch add λαϊκή αγορά <#C0WATCH>")).toEqual({
      kind: "watchAdd",
      term: "λαϊκή αγορά",
      channelId: "C0WATCH",
    });
    expect(parseGrafeioCommand("watch remove λαϊκή αγορά")).toEqual({ kind: "watchRemove", term: "λαϊκή αγορά" });
  });

  it("reads Labour Day's decision in one command: confirm the expected day, give another, or clear", () => {
    expect(parseGrafeioCommand("labour-day 2027")).toEqual({ kind: "labourDayShow", year: 2027 });
    expect(parseGrafeioCommand("labour-day 2027 confirm")).toEqual({
      kind: "labourDayDecide",
      year: 2027,
      decision: "confirm",
    });
    expect(parseGrafeioCommand("Πρωτομαγιά 2027 5/5")).toEqual({
      kind: "labourDayDecide",
      year: 2027,
      decision: { date: "2027-05-05" },
    });
    expect(parseGrafeioCommand("labour-day 2027 2027-05-05")).toMatchObject({ decision: { date: "2027-05-05" } });
    expect(parseGrafeioCommand("labour-day 2027 clear")).toMatchObject({ decision: "clear" });
    // A day of another year, a day that does not exist, or no year: the help.
    for (const text of ["labour-day 2027 2026-05-05", "labour-day 2027 31/4", "labour-day", "labour-day 27 confirm"])
      expect(parseGrafeioCommand(text), text).toEqual({ kind: "help" });
  });

  it("answers anything else, and nothing at all, with the help", () => {
    for (const text of [undefined, "", "   ", "sudo make me a sandwich", "roles extra", "topics extra"])
      expect(parseGrafeioCommand(text)).toEqual({ kind: "help" });
  });
});
