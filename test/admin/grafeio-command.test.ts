import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseGrafeioCommand } from "../../src/areas/admin/parse-grafeio-command.js";
import { BOT_TOKEN } from "../support/fake-slack.js";
import { SIGNING_SECRET, startTestBot, type TestBot } from "../support/test-bot.js";

const ADMIN = "U0ADMIN01";
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
  await t.bot.services.roles.ensureAdmins([ADMIN]);
});
afterAll(() => t?.stop());
afterEach(async () => {
  expect(await t.bot.inFlight.drain(5000)).toBe(true);
});

async function run(userId: string, text: string): Promise<string> {
  const before = t.fake.calls.length;
  await t.slack.command({ command: "/grafeio", text, userId });
  const answer = await t.fake.waitFor("response_url", () => true, 5000, before);
  expect(answer.args.response_type).toBe("ephemeral");
  return String(answer.args.text);
}

describe("/grafeio", () => {
  it("reads its sub-commands", () => {
    expect(parseGrafeioCommand("grant <@U0X1|maria> staff")).toEqual({ kind: "grant", userId: "U0X1", role: "staff" });
    expect(parseGrafeioCommand("revoke <@U0X1> admin")).toEqual({ kind: "revoke", userId: "U0X1", role: "admin" });
    expect(parseGrafeioCommand("lang en")).toEqual({ kind: "lang", locale: "en" });
    expect(parseGrafeioCommand("lang <@U0X1> auto")).toEqual({ kind: "lang", userId: "U0X1", locale: null });
    expect(parseGrafeioCommand("grant maria staff")).toEqual({ kind: "help" });
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
    expect(parseGrafeioCommand("grant <@U0X1> emperor")).toEqual({ kind: "help" });
  });

  it("lets an admin give and take roles, which take effect at once", async () => {
    expect(await run(ADMIN, "grant <@U0MARIA1|maria> staff")).toContain("<@U0MARIA1>");
    expect(await t.bot.services.roles.hasRole("U0MARIA1", "staff")).toBe(true);
    expect(await run(ADMIN, "roles")).toMatch(/<@U0MARIA1>: προσωπικό/);
    await run(ADMIN, "revoke <@U0MARIA1|maria> staff");
    expect(await t.bot.services.roles.hasRole("U0MARIA1", "staff")).toBe(false);
  });

  it("refuses role changes to non-admins, politely", async () => {
    await t.grant("U0STAFF01", "staff");
    expect(await run("U0STAFF01", "grant <@U0STAFF01> admin")).toContain("«διαχειριστής»");
    expect(await t.bot.services.roles.hasRole("U0STAFF01", "admin")).toBe(false);
  });

  it("never removes the last admin", async () => {
    expect(await run(ADMIN, `revoke <@${ADMIN}> admin`)).toContain("τελευταίος διαχειριστής");
    expect(await t.bot.services.roles.hasRole(ADMIN, "admin")).toBe(true);
  });

  it("lets a user choose English, which wins over their Slack locale, and go back", async () => {
    t.fake.users.set("U0ANNA01", { id: "U0ANNA01", locale: "el-GR" });
    expect(await run("U0ANNA01", "lang en")).toContain("Language for");
    expect(await run("U0ANNA01", "help")).toContain("Grafeio: settings");
    await run("U0ANNA01", "lang auto");
    expect(await run("U0ANNA01", "help")).toContain("Γραφείο: ρυθμίσεις");
  });

  it("lets a manager add a topic, which the next clipping modal offers at once", async () => {
    await t.grant("U0MANAGER", "manager");
    expect(await run("U0MANAGER", "topic add Ισότητα φύλων | Gender equality")).toContain("Προστέθηκε");
    expect(await run("U0MANAGER", "topic add Ισότητα φύλων | Gender equality")).toContain("υπάρχει ήδη");
    expect(await run("U0MANAGER", "topics")).toContain("• Ισότητα φύλων");
    const before = t.fake.calls.length;
    await t.slack.command({ command: "/clip", userId: "U0MANAGER" });
    const open = await t.fake.waitFor("views.open", () => true, 5000, before);
    expect(JSON.stringify(open.args.view)).toContain("Ισότητα φύλων");
  });

  it("refuses topic changes to staff", async () => {
    await t.grant("U0STAFF02", "staff");
    expect(await run("U0STAFF02", "topic add Κάτι")).toContain("«προϊστάμενος»");
    expect(await t.database.db.prisma.topic.count({ where: { nameEl: "Κάτι" } })).toBe(0);
  });

  it("lets an admin see the jobs, turn one off and on, and choose its channel", async () => {
    expect(await run(ADMIN, "jobs")).toContain("`morning-digest`");
    expect(await run(ADMIN, "job morning-digest channel <#C0MGRS|managers>")).toContain("<#C0MGRS>");
    expect(await run(ADMIN, "job morning-digest off")).toContain("ανενεργή");
    const setting = (await t.bot.services.jobRuns.settings()).find((s) => s.jobName === "morning-digest");
    expect(setting).toMatchObject({ enabled: false, channelId: "C0MGRS", updatedBy: ADMIN });
    await run(ADMIN, "job morning-digest on");
    expect(await run(ADMIN, "job no-such-job on")).toContain("Δεν υπάρχει εργασία");
    expect(await run("U0STAFF01", "job morning-digest off")).toContain("«διαχειριστής»");
  });

  it("answers whether a day is a working day, and lets an admin correct the calendar", async () => {
    expect(await run("U0STAFF01", "calendar 2026-04-13")).toContain("μη εργάσιμη (Δευτέρα του Πάσχα)");
    expect(await run(ADMIN, "holiday 2024-05-07 Πρωτομαγιά (μετάθεση)")).toContain("Πρωτομαγιά (μετάθεση)");
    expect(await t.bot.services.calendar.isWorkingDay("2024-05-07")).toBe(false);
    expect(await run(ADMIN, "calendar clear 2024-05-07")).toContain("εργάσιμη");
    expect(await run("U0STAFF01", "workday 2026-04-13")).toContain("«διαχειριστής»");
    expect(parseGrafeioCommand("holiday 2026-02-30")).toEqual({ kind: "help" });
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
    expect(parseGrafeioCommand("job name-day-reminders time 07:45")).toEqual({
      kind: "jobTime",
      name: "name-day-reminders",
      time: "07:45",
    });
    expect(parseGrafeioCommand("category add mayors Δήμαρχοι | Mayors")).toEqual({
      kind: "categoryAdd",
      slug: "mayors",
      nameEl: "Δήμαρχοι",
      nameEn: "Mayors",
    });
  });

  it("lets an admin add the municipality's own holiday and move a job to another time", async () => {
    const added = await run(ADMIN, "reminder add holiday 11/6 7 Πολιούχος του Δήμου");
    const id = Number(/#(\d+)/.exec(added)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(await run(ADMIN, "calendar 2027-06-11")).toContain("Πολιούχος");
    expect(await run(ADMIN, "reminders")).toContain("Εθνική Επέτειος 25ης Μαρτίου");
    expect(await run(ADMIN, `reminder ${id} lead 14`)).toContain(`#${id}`);
    expect(await run(ADMIN, `reminder ${id} remove`)).toContain(`#${id}`);
    expect(await run(ADMIN, "calendar 2027-06-11")).toContain("εργάσιμη");
    expect(await run(ADMIN, "job name-day-reminders time 03:30")).toContain("03:00");
    expect(await run(ADMIN, "job name-day-reminders time 07:45")).toContain("45 7 * * 1-5");
    expect((await t.bot.services.jobRuns.ensureSetting("name-day-reminders", new Date())).schedule).toBe(
      "45 7 * * 1-5",
    );
    expect(await run(ADMIN, "job name-day-reminders time default")).toContain("30 8 * * 1-5");
  });

  it("lets a manager edit the precedence table, which orders the next list at once", async () => {
    await t.bot.services.roles.grantRole({ slackUserId: "U0MANAG03", role: "manager", grantedBy: ADMIN });
    expect(await run(ADMIN, "precedence")).toContain("Πρόεδρος της Δημοκρατίας");
    const added = await run("U0MANAG03", "precedence add 42 Πρόεδρος Πολιτιστικού Συλλόγου");
    const id = Number(/#(\d+)/.exec(added)?.[1]);
    expect(await run(ADMIN, "precedence")).toContain("42: Πρόεδρος Πολιτιστικού Συλλόγου");
    expect(await run("U0MANAG03", `precedence remove ${id}`)).toContain(`#${id}`);
    expect(parseGrafeioCommand("precedence add x Υπουργός")).toEqual({ kind: "help" });
  });

  it("lets a manager add a contact category, which the contact form offers", async () => {
    await t.bot.services.roles.grantRole({ slackUserId: "U0MANAG02", role: "manager", grantedBy: ADMIN });
    expect(await run("U0MANAG02", "category add mayors Δήμαρχοι | Mayors")).toContain("Δήμαρχοι");
    expect(await run(ADMIN, "categories")).toContain("mayors");
  });

  it("shows help for anything it does not understand", async () => {
    expect(await run("U0NOBODY", "sudo make me a sandwich")).toContain("/grafeio lang el|en");
  });
});

describe("logs", () => {
  it("never contain the bot token or the signing secret", () => {
    expect(t.logs.length).toBeGreaterThan(0);
    for (const line of t.logs) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
    }
  });
});
