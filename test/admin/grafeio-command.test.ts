import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminSources, areaWiring, createAreas } from "../../src/app/areas.js";
import { createLogger } from "../../src/app/logger.js";
import { createAdminService } from "../../src/areas/admin/service.js";
import { messages } from "../../src/i18n/index.js";
import { systemClock } from "../../src/lib/clock.js";
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
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

async function run(userId: string, text: string): Promise<string> {
  const before = t.fake.calls.length;
  await t.slack.command({ command: "/grafeio", text, userId });
  const answer = await t.fake.waitFor("response_url", () => true, 30_000, before);
  expect(answer.args.response_type).toBe("ephemeral");
  return String(answer.args.text);
}

describe("/grafeio", () => {
  it("lets an admin give and take roles, which take effect at once", async () => {
    expect(await run(ADMIN, "grant <@U0MARIA1|maria> staff")).toContain("<@U0MARIA1>");
    expect(await t.bot.services.roles.hasRole("U0MARIA1", "staff")).toBe(true);
    expect(await run(ADMIN, "roles")).toMatch(/<@U0MARIA1>: προσωπικό/);
    await run(ADMIN, "revoke <@U0MARIA1|maria> staff");
    expect(await t.bot.services.roles.hasRole("U0MARIA1", "staff")).toBe(false);
  });

  it("says what was wrong with a name typed instead of a mention, or a word that is no role, not the whole help", async () => {
    const typed = await run(ADMIN, "grant @maria staff");
    expect(typed).toContain("«@maria» δεν είναι αναφορά σε χρήστη");
    expect(typed).toContain("`/grafeio grant @χρήστης admin|manager|staff|reader`");
    expect(typed).not.toContain("/grafeio topics");
    const role = await run(ADMIN, "revoke <@U0MARIA1|maria> emperor");
    expect(role).toContain("«emperor» δεν είναι ρόλος");
    expect(role).toContain("`/grafeio revoke");
    // Its own text is escaped like any other.
    expect(await run(ADMIN, "grant <!channel> staff")).toContain("&lt;!channel&gt;");
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
    const open = await t.fake.waitFor("views.open", () => true, 30_000, before);
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
  });

  it("moves Labour Day 2027 by itself as expected, and lets an admin confirm or correct it with one command", async () => {
    // 1 May 2027 is Holy Saturday: the expected day is the Tuesday after Easter, 4 May.
    const shown = await run("U0STAFF01", "labour-day 2027");
    expect(shown).toContain("Τρίτη 4/5/2027 (μεταφορά από Σάββατο 1/5/2027)");
    expect(shown).toContain("αναμενόμενη ημερομηνία μέχρι να δημοσιευθεί η απόφαση");
    expect(await run("U0STAFF01", "calendar 2027-05-04")).toContain("αναμενόμενη ημερομηνία");
    expect(await run("U0STAFF01", "labour-day 2027 confirm")).toContain("«διαχειριστής»");
    const confirmed = await run(ADMIN, "labour-day 2027 confirm");
    expect(confirmed).toContain("Τρίτη 4/5/2027");
    expect(confirmed).not.toContain("αναμενόμενη");
    // The decision says Wednesday 5 May instead: one command, and 4 May is a working day again.
    expect(await run(ADMIN, "labour-day 2027 5/5")).toContain("Τετάρτη 5/5/2027 (μεταφορά από Σάββατο 1/5/2027)");
    expect(await t.bot.services.calendar.isWorkingDay("2027-05-04")).toBe(true);
    expect(await t.bot.services.calendar.isWorkingDay("2027-05-05")).toBe(false);
    expect(await run(ADMIN, "labour-day 2027 clear")).toContain("αναμενόμενη");
    expect(await t.bot.services.calendar.isWorkingDay("2027-05-04")).toBe(false);
  });

  it("says a half day stops at 13:00, and warns of a job moved past it", async () => {
    expect(await run("U0STAFF01", "calendar 2026-12-24")).toContain("Μισή εργάσιμη: η εργασία σταματά στις 13:00");
    expect(await run(ADMIN, "job calendar-notes time 14:00")).toContain("24 και 31 Δεκεμβρίου");
    expect(await run(ADMIN, "job calendar-notes time default")).not.toContain("24 και 31 Δεκεμβρίου");
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
  });

  it("lets a manager add a contact category, which the contact form offers", async () => {
    await t.bot.services.roles.grantRole({ slackUserId: "U0MANAG02", role: "manager", grantedBy: ADMIN });
    expect(await run("U0MANAG02", "category add mayors Δήμαρχοι | Mayors")).toContain("Δήμαρχοι");
    expect(await run(ADMIN, "categories")).toContain("mayors");
  });

  it("shows help for anything it does not understand", async () => {
    expect(await run("U0NOBODY", "sudo make me a sandwich")).toContain("/grafeio lang el|en");
  });

  it("answers /grafeio, /grafeio help and /grafeio βοήθεια with the help, which lists every area's commands", async () => {
    const areas = createAreas(
      areaWiring({
        services: t.bot.services,
        config: t.config,
        logger: createLogger({ level: "silent", destination: new Writable({ write: (_c, _e, done) => done() }) }),
        clock: systemClock,
        sender: t.bot.sender,
      }),
    );
    const commands = areas.flatMap((a) => a.commands ?? []);
    expect(commands.map((c) => c.name)).toContain("/grafeio");
    for (const text of ["", "help", "βοήθεια", "Βοήθεια"]) {
      const help = await run("U0STAFF01", text);
      expect(help).toContain("Γραφείο: ρυθμίσεις");
      expect(help).toContain("`/grafeio grant @χρήστης admin|manager|staff|reader`: δίνει ρόλο (διαχειριστές)");
      for (const c of commands) expect(help).toContain(`• \`${c.name}\`: ${c.summary(messages("el"))}`);
    }
  });

  it("lists the jobs in the reader's language, at the time in force after an admin moves one", async () => {
    const before = await run(ADMIN, "jobs");
    expect(before).toContain("Πρωινή ενημέρωση των προϊσταμένων (εργάσιμες, 08:00)");
    expect(before).not.toContain("Managers' morning briefing");
    await run(ADMIN, "job morning-digest time 07:30");
    expect(await run(ADMIN, "jobs")).toContain("Πρωινή ενημέρωση των προϊσταμένων (εργάσιμες, 07:30)");
    await run(ADMIN, "lang en");
    expect(await run(ADMIN, "jobs")).toContain("Managers' morning briefing (working days, 07:30)");
    await run(ADMIN, "lang auto");
    await run(ADMIN, "job morning-digest time default");
    expect(await run(ADMIN, "jobs")).toContain("(εργάσιμες, 08:00)");
  });

  it("has a description in Greek and in English for every job of the areas, with the time in force", () => {
    expect(t.bot.jobs.length).toBeGreaterThan(0);
    for (const job of t.bot.jobs) {
      const el = job.description("el", "07:45");
      const en = job.description("en", "07:45");
      expect(el, job.name).toMatch(/[α-ω]/);
      expect(el, job.name).toContain("07:45");
      expect(en, job.name).not.toMatch(/[α-ω]/);
      expect(en, job.name).toContain("07:45");
    }
  });

  it("lets users set only their own language unless they are admins", async () => {
    t.fake.users.set("U0OTHER01", { id: "U0OTHER01", locale: "el-GR" });
    expect(await run("U0STAFF01", "lang <@U0OTHER01> en")).toContain("«διαχειριστής»");
    expect(await t.bot.services.locales.resolve("U0OTHER01")).toBe("el");
    expect(await run(ADMIN, "lang <@U0OTHER01> en")).toContain("<@U0OTHER01>");
    expect(await t.bot.services.locales.resolve("U0OTHER01")).toBe("en");
  });
});

describe("the admin service", () => {
  const service = () => {
    return createAdminService({
      ...adminSources(t.bot.services),
      jobs: t.bot.jobs,
      clock: systemClock,
      timeZone: t.config.timeZone,
    });
  };

  it("refuses, as a value, what the actor's role does not allow, and changes nothing", async () => {
    await t.grant("U0STAFF03", "staff");
    expect(await service().grantRole("U0STAFF03", "U0STAFF03", "admin")).toEqual({
      status: "refused",
      needed: "admin",
    });
    expect(await t.bot.services.roles.hasRole("U0STAFF03", "admin")).toBe(false);
    expect(await service().revokeRole("U0STAFF03", ADMIN, "admin")).toEqual({ status: "refused", needed: "admin" });
    expect(await service().roleHolders("U0STAFF03")).toEqual({ status: "refused", needed: "admin" });
    expect(await service().addTopic("U0STAFF03", { nameEl: "Απαγορευμένη", nameEn: "Forbidden" })).toEqual({
      status: "refused",
      needed: "manager",
    });
    expect(await t.database.db.prisma.topic.count({ where: { nameEl: "Απαγορευμένη" } })).toBe(0);
    expect(await service().setJob("U0STAFF03", "morning-digest", { enabled: false })).toEqual({
      status: "refused",
      needed: "admin",
    });
    expect(await service().grantRole(ADMIN, "U0STAFF03", "manager")).toEqual({ status: "granted" });
    expect(await t.bot.services.roles.hasRole("U0STAFF03", "manager")).toBe(true);
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
