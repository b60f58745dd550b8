// Tier 1: the table of `/grafeio`'s sub-commands, its help, and the jobs' listing, as pure
// functions of data (no database, no Slack).
import { describe, expect, it } from "vitest";
import { grafeioCommand } from "../../src/areas/admin/index.js";
import type { GrafeioCommand } from "../../src/areas/admin/parse-grafeio-command.js";
import { timesOfDay } from "../../src/areas/admin/rules.js";
import { helpEntries, subCommands } from "../../src/areas/admin/slack/grafeio-command.js";
import { helpText, jobDescription, jobsText, remindersText } from "../../src/areas/admin/slack/grafeio-views.js";
import type { CommandInfo } from "../../src/areas/area.js";
import { messages } from "../../src/i18n/index.js";

const el = messages("el");
const en = messages("en");
const clip: CommandInfo = { name: "/clip", role: "staff", summary: (t) => (t === el ? "Καταγραφή" : "Log a clipping") };

describe("the table of sub-commands", () => {
  const table = subCommands(() => [grafeioCommand, clip]);

  it("has an entry, with a help line in Greek and in English, for every kind the parser reads", () => {
    // The type makes the table exhaustive; this says the count of kinds has not silently changed.
    const kinds: GrafeioCommand["kind"][] = [
      "help",
      "lang",
      "roles",
      "grant",
      "revoke",
      "labourDayShow",
      "labourDayDecide",
      "synonyms",
      "synonymAdd",
      "synonymRemove",
    ];
    for (const kind of kinds) expect(table[kind]).toBeDefined();
    expect(helpEntries(table)).toHaveLength(33);
    for (const entry of helpEntries(table)) {
      expect(entry.line(el)).toMatch(/^`\/grafeio /);
      expect(entry.line(en)).toMatch(/^`\/grafeio /);
      expect(entry.line(en)).not.toBe(entry.line(el));
    }
  });

  it("keeps changes to the office's settings to the roles that make them, and its lists to staff", () => {
    expect(table.grant.audience).toBe("admin");
    expect(table.revoke.audience).toBe("admin");
    expect(table.jobs.audience).toBe("admin");
    expect(table.calendarSet.audience).toBe("admin");
    expect(table.topicAdd.audience).toBe("manager");
    expect(table.synonyms.audience).toBe("staff");
    expect(table.synonymAdd.audience).toBe("manager");
    expect(table.precedenceAdd.audience).toBe("manager");
    expect(table.lang.audience).toBe("anyone");
    expect(table.help.audience).toBe("anyone");
    for (const list of [
      "topics",
      "departments",
      "watchList",
      "categories",
      "reminders",
      "precedence",
      "calendarShow",
    ] as const)
      expect(table[list].audience, list).toBe("staff");
  });
});

describe("the help", () => {
  const table = subCommands(() => []);

  it("lists every sub-command with the role it needs marked, then every command of Grafeio", () => {
    const help = helpText(el, helpEntries(table), [grafeioCommand, clip]);
    const lines = help.split("\n");
    expect(lines[0]).toBe("*Γραφείο: ρυθμίσεις*");
    expect(help).toContain("`/grafeio lang el|en|auto`");
    expect(help).toContain("`/grafeio grant @χρήστης admin|manager|staff|reader`: δίνει ρόλο (διαχειριστές)");
    expect(help).toContain("`/grafeio topic add Ελληνικά | English`: νέα θεματική (προϊστάμενοι)");
    expect(help).toContain("`/grafeio topics`: οι θεματικές των δημοσιευμάτων (προσωπικό)\n");
    expect(help).toContain("*Όλες οι εντολές του Γραφείου*");
    expect(help).toContain(`• \`/grafeio\`: ${el.admin.summary}\n`);
    expect(help).toContain("• `/clip`: Καταγραφή (προσωπικό)");
    expect(lines.filter((l) => l.startsWith("`/grafeio "))).toHaveLength(helpEntries(table).length);
  });

  it("is in the reader's language", () => {
    const help = helpText(en, helpEntries(table), [grafeioCommand, clip]);
    expect(help).toContain("*Grafeio: settings*");
    expect(help).toContain("`/grafeio grant @user admin|manager|staff|reader`: give a role (administrators)");
    expect(help).toContain("• `/clip`: Log a clipping (staff)");
    expect(help).not.toMatch(/[α-ω]{4,} \(/); // no Greek sentence in the English help
  });

  it("leaves out the list of commands when no area declared any", () => {
    expect(helpText(el, helpEntries(table), [])).not.toContain("Όλες οι εντολές");
  });
});

describe("the jobs' listing", () => {
  const overview = {
    name: "morning-digest",
    description: (locale: "el" | "en", time: string) => messages(locale).digest.jobDescriptions["morning-digest"](time),
    schedule: "30 7 * * 1-5",
    enabled: true,
    channelId: "C0MGRS",
    last: null,
    next: new Date("2026-11-23T05:30:00Z"),
    failures30d: 0,
  };

  it("reads a schedule's times of day", () => {
    expect(timesOfDay("0 8 * * 1-5")).toEqual({ kind: "at", time: "08:00" });
    expect(timesOfDay("45 7 * * 1-5")).toEqual({ kind: "at", time: "07:45" });
    expect(timesOfDay("30 9-20 * * *")).toEqual({ kind: "hourly", from: "09:30", to: "20:30" });
    expect(timesOfDay("*/15 * * * *")).toEqual({ kind: "every", minutes: 15 });
    expect(timesOfDay("0 8 1 * *")).toEqual({ kind: "at", time: "08:00" });
    expect(timesOfDay("0,30 8 * * *")).toEqual({ kind: "cron", schedule: "0,30 8 * * *" });
  });

  it("describes a job in the reader's language, at the time in force", () => {
    expect(jobDescription(el, "el", overview)).toBe("Πρωινή ενημέρωση των προϊσταμένων (εργάσιμες, 07:30)");
    expect(jobDescription(en, "en", overview)).toBe("Managers' morning briefing (working days, 07:30)");
    const surge = {
      description: (locale: "el" | "en", time: string) =>
        messages(locale).alerts.jobDescriptions["clipping-surge-check"](time),
      schedule: "30 9-20 * * *",
    };
    expect(jobDescription(el, "el", surge)).toContain("κάθε ώρα, 09:30-20:30");
    expect(jobDescription(en, "en", surge)).toContain("hourly, 09:30-20:30");
  });

  it("lists the jobs with their setting, next run and failures", () => {
    const text = jobsText(el, "el", [overview], "Europe/Athens");
    expect(text).toContain("*Προγραμματισμένες εργασίες*");
    expect(text).toContain(
      "`morning-digest` :large_green_circle: ενεργή: Πρωινή ενημέρωση των προϊσταμένων (εργάσιμες, 07:30)",
    );
    expect(text).toContain("Κανάλι: <#C0MGRS>");
    expect(text).toContain("Επόμενη: 23/11/2026 07:30");
    expect(text).not.toContain("Managers'");
  });
});

describe("the reminders' listing", () => {
  it("says «1 ημέρα», not «1 ημέρες»", () => {
    const reminder = {
      id: 3,
      kind: "celebration" as const,
      holiday: false,
      name: "Γιορτή",
      dateKey: "fixed:06-11",
      leadDays: 1,
    };
    expect(remindersText(el, [{ reminder, date: "2026-06-11" }])).toContain("1 ημέρα πριν");
    expect(remindersText(el, [{ reminder: { ...reminder, leadDays: 21 } }])).toContain("fixed:06-11, 21 ημέρες πριν");
    expect(remindersText(en, [{ reminder, date: "2026-06-11" }])).toContain("1 day ahead");
  });
});
