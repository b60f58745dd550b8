import { afterEach, describe, expect, it } from "vitest";
import type { ContactDraft } from "../../src/areas/contacts/contact-validation.js";
import { checkMessage } from "../support/block-kit-limits.js";
import { contactDraft } from "../support/factories.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";

const PR = "C0PRESS01";
let h: JobHarness;
afterEach(() => h?.dispose());

/** 08:30 in Athens on a winter day (UTC+2) or a summer one (UTC+3). */
function athens(date: string, time: string): Date {
  const summer = date >= "2027-03-28" && date < "2027-10-31";
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(`${date}T${String(hh - (summer ? 3 : 2)).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00Z`);
}

async function contact(fields: Partial<ContactDraft>) {
  const r = await h.services.contacts.create({
    draft: contactDraft({ nameEl: "", ...fields }),
    createdBy: "U0STAFF01",
  });
  return r.contact;
}

async function setup(now: Date, env: Record<string, string> = { PR_CHANNEL_ID: PR }) {
  h = await createJobHarness({ now: new Date(now.getTime() - 24 * 3600_000), env });
  const p = h.process("A", h.jobs("name-day-reminders", "greeting-cards", "calendar-notes"));
  await p.scheduler.tick(); // the jobs are first seen before the days under test
  h.clock.set(now);
  return p;
}

const posts = () => h.fake.messages.get(PR) ?? [];
const textOf = (m: Json) => JSON.stringify(m.blocks ?? m.text);

describe("the name-day reminder", () => {
  it("on a Friday announces Friday's, the weekend's and Monday's, VIPs first, never an opted-out contact", async () => {
    const p = await setup(athens("2026-12-04", "08:31"));
    await contact({ nameEl: "Βαρβάρα Λιάπη", nameDayKey: "fixed:12-04" });
    await contact({ nameEl: "Σάββας Ιωάννου", nameDayKey: "fixed:12-05" });
    await contact({ nameEl: "Νίκος Πλαστήρας", nameDayKey: "fixed:12-06" });
    await contact({ nameEl: "Νικόλαος Βουλευτής", nameDayKey: "fixed:12-06", vip: true });
    await contact({ nameEl: "Νικολέτα Χωρίςευχές", nameDayKey: "fixed:12-06", optOutGreetings: true });
    const archived = await contact({ nameEl: "Νικόλας Αρχείο", nameDayKey: "fixed:12-06" });
    await h.services.contacts.setArchived(archived.id, true, "U0STAFF01");
    await contact({ nameEl: "Αμβρόσιος Τρίτη", nameDayKey: "fixed:12-07" });
    await contact({ nameEl: "Ιωάννα Τρίτη", nameDayKey: "fixed:12-08" });

    const report = await p.scheduler.tick();
    expect(report["name-day-reminders"]).toEqual(["succeeded"]);
    expect(posts()).toHaveLength(1);
    const message = posts()[0] as Json;
    expect(checkMessage(message)).toBeUndefined();
    const text = textOf(message);
    const order = ["Βαρβάρα", "Σάββας", "Νικόλαος Βουλευτής", "Νίκος Πλαστήρας", "Αμβρόσιος"].map((n) =>
      text.indexOf(n),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const absent of ["Χωρίςευχές", "Νικόλας Αρχείο", "Ιωάννα"]) expect(text).not.toContain(absent);
    const buttons = (message.blocks as Json[]).filter((b) => b.type === "actions");
    expect(buttons).toHaveLength(5);

    // The same morning again (a restart, a second process, an operator's forced run): nothing new.
    await h.process("B", h.jobs("name-day-reminders")).scheduler.tick();
    await p.scheduler.runByHand("name-day-reminders", athens("2026-12-04", "08:30"), { force: true });
    expect(posts()).toHaveLength(1);
  });

  it("announces a name day that falls on a holiday on the working day before", async () => {
    const p = await setup(athens("2026-12-24", "08:31"));
    await contact({ nameEl: "Χρήστος Χριστουγεννιάτικος", nameDayKey: "fixed:12-25" });
    await contact({ nameEl: "Στέφανος Κυριακάτικος", nameDayKey: "fixed:12-27" });
    await contact({ nameEl: "Ελευθέριος Άλλος", nameDayKey: "fixed:12-15" });
    await p.scheduler.tick();
    const nameDayPosts = () => posts().filter((m) => textOf(m).includes("Ονομαστικές"));
    expect(nameDayPosts()).toHaveLength(1);
    const text = textOf(nameDayPosts()[0] as Json);
    expect(text).toContain("Χρήστος");
    expect(text).toContain("Στέφανος"); // Sunday 27/12, before the next working day (Monday 28/12)
    expect(text).not.toContain("Ελευθέριος");
    // Christmas Day itself is not a working day: the job posts nothing.
    h.clock.set(athens("2026-12-25", "08:31"));
    expect((await p.scheduler.tick())["name-day-reminders"]).toEqual(["succeeded"]);
    expect(nameDayPosts()).toHaveLength(1);
  });

  it("follows St George after a late Easter (6 May 2024 is not in 2026's list)", async () => {
    const p = await setup(athens("2026-04-23", "08:31"));
    await contact({ nameEl: "Γιώργος Παππάς", nameDayKey: "later:04-23/easter+1" });
    await p.scheduler.tick();
    expect(textOf(posts()[0] as Json)).toContain("Γιώργος Παππάς");
  });

  it("splits a long list over messages that each stay inside Slack's limits", async () => {
    // Maundy Thursday 2027 (Easter 2 May): Good Friday to Easter Monday are holidays, so Thursday
    // announces six days.
    const p = await setup(athens("2027-04-29", "08:31"));
    // The list is the subject, not entering it: the 33 contacts in one statement.
    const drafts = [
      ...Array.from({ length: 30 }, (_, i) =>
        contactDraft({ nameEl: `Αναστάσιος ${i}`, nameDayKey: "easter:+0", vip: i % 7 === 0 }),
      ),
      ...Array.from({ length: 3 }, (_, i) => contactDraft({ nameEl: `Θωμάς ${i}`, nameDayKey: "fixed:04-29" })),
    ];
    await h.database.db.prisma.contact.createMany({
      data: drafts.map((draft) => ({ ...draft, createdBy: "U0STAFF01", createdAt: h.clock.now() })),
    });
    await p.scheduler.tick();
    const nameDayPosts = posts().filter((m) => textOf(m).includes("Ονομαστικές"));
    expect(nameDayPosts).toHaveLength(2);
    for (const m of nameDayPosts) expect(checkMessage(m)).toBeUndefined();
    expect(nameDayPosts.flatMap((m) => (m.blocks as Json[]).filter((b) => b.type === "actions"))).toHaveLength(33);
  });

  it("says why it posted nothing when the office has no channel", async () => {
    const p = await setup(athens("2026-12-04", "08:31"), {});
    await contact({ nameEl: "Βαρβάρα Λιάπη", nameDayKey: "fixed:12-04" });
    await p.scheduler.tick();
    const run = await h.services.jobRuns.lastRun("name-day-reminders");
    expect(run?.outcome).toContain("no channel");
    expect(h.fake.callsTo("chat.postMessage")).toHaveLength(0);
  });
});

describe("greeting-card campaigns", () => {
  it("21 days before Christmas lists the recipients by category and language, once", async () => {
    const p = await setup(athens("2026-12-04", "08:41"));
    await contact({ nameEl: "Embassy of France", categorySlug: "embassies", language: "Γαλλικά" });
    await contact({ nameEl: "Σύλλογος Γονέων", categorySlug: "associations", language: "Ελληνικά", vip: true });
    await contact({ nameEl: "Δεν Θέλει Κάρτες", categorySlug: "associations", optOutGreetings: true });
    await p.scheduler.tick();
    const cards = posts().filter((m) => textOf(m).includes("Χριστούγεννα"));
    expect(cards).toHaveLength(1);
    const text = textOf(cards[0] as Json);
    expect(text).toContain("Πρεσβείες");
    expect(text).toContain("Γαλλικά");
    expect(text).toContain("Σύλλογος Γονέων");
    expect(text).not.toContain("Δεν Θέλει Κάρτες");
    expect(text).toContain("0* από 2");
    h.clock.set(athens("2026-12-07", "08:41"));
    await p.scheduler.tick();
    expect(posts().filter((m) => textOf(m).includes("Χριστούγεννα"))).toHaveLength(1);
  });

  it("before Orthodox Easter: due on Sunday 11 April 2027, so sent on Monday 12 April", async () => {
    const p = await setup(athens("2027-04-12", "08:41"));
    await contact({ nameEl: "Μητρόπολη Κηφισίας", categorySlug: "church" });
    await p.scheduler.tick();
    const easter = posts().filter((m) => textOf(m).includes("Πάσχα"));
    expect(easter).toHaveLength(1);
    expect(textOf(easter[0] as Json)).toContain("2/5/2027");
  });
});

describe("calendar notes", () => {
  it("three weeks before 25 March, with that year's weekday; and the day before the holiday", async () => {
    const p = await setup(athens("2027-03-04", "08:46"));
    await p.scheduler.tick();
    const notes = posts().map(textOf);
    expect(notes.some((n) => n.includes("25ης Μαρτίου") && n.includes("Πέμπτη 25/3/2027") && n.includes("21"))).toBe(
      true,
    );
    // With a button that opens the event form for that day.
    expect(notes.some((n) => n.includes("event_create") && n.includes("2027-03-25"))).toBe(true);
    h.clock.set(athens("2027-03-24", "08:46"));
    await p.scheduler.tick();
    expect(
      posts()
        .map(textOf)
        .some((n) => n.includes("αργία") && n.includes("25/3/2027")),
    ).toBe(true);
  });

  it("tells on Friday of a Monday holiday (Clean Monday 2027, from Orthodox Easter)", async () => {
    const p = await setup(athens("2027-03-12", "08:46"));
    await p.scheduler.tick();
    expect(
      posts()
        .map(textOf)
        .some((n) => n.includes("Δευτέρα 15/3/2027")),
    ).toBe(true);
  });

  it("before Easter 2027 announces Labour Day on Tuesday 4 May, the expected date until the decision is published", async () => {
    // Thursday 29 April: Good Friday, the weekend (1 May is Holy Saturday), Easter Monday, then 4 May.
    const p = await setup(athens("2027-04-29", "08:46"));
    await p.scheduler.tick();
    const notes = posts().map((m) => String(m.text));
    const labour = notes.find((n) => n.includes("Εργατική Πρωτομαγιά"));
    expect(labour).toContain("Η Τρίτη 4/5/2027 είναι αργία");
    expect(labour).toContain("Μεταφορά από Σάββατο 1/5/2027: *αναμενόμενη ημερομηνία μέχρι να δημοσιευθεί η απόφαση*");
    expect(notes.some((n) => n.includes("Μεγάλη Παρασκευή"))).toBe(true);
    expect(notes.some((n) => n.includes("Δευτέρα του Πάσχα"))).toBe(true);
    expect(notes.filter((n) => n.includes("1/5/2027") && !n.includes("Μεταφορά"))).toEqual([]);
  });

  it("once an admin recorded the decision, the note no longer says the date is expected", async () => {
    const p = await setup(athens("2027-04-29", "08:46"));
    await h.services.calendar.decideLabourDay({
      year: 2027,
      date: "2027-05-04",
      setBy: "U0ADMIN01",
      setAt: new Date("2027-04-20T09:00:00Z"),
    });
    await p.scheduler.tick();
    const labour = posts()
      .map((m) => String(m.text))
      .find((n) => n.includes("Εργατική Πρωτομαγιά"));
    expect(labour).toContain("Μεταφορά από Σάββατο 1/5/2027, με απόφαση.");
    expect(labour).not.toContain("αναμενόμενη");
  });

  it("the working day before 24 December says work stops at 13:00 (Thursday 23 December 2027)", async () => {
    const p = await setup(athens("2027-12-23", "08:46"));
    await p.scheduler.tick();
    expect(posts().map((m) => String(m.text))).toContain(
      ":hourglass_flowing_sand: Η Παρασκευή 24/12/2027 είναι μισή εργάσιμη: η εργασία σταματά στις 13:00. Ό,τι πρέπει να γίνει εκείνη την ημέρα ας γίνει το πρωί.",
    );
    // And on the half day itself: the note of Christmas, not another half-day note.
    h.clock.set(athens("2027-12-24", "08:46"));
    await p.scheduler.tick();
    const notes = posts().map((m) => String(m.text));
    expect(notes.filter((n) => n.includes("μισή εργάσιμη"))).toHaveLength(1);
    expect(notes.some((n) => n.includes("Σάββατο 25/12/2027") && n.includes("Το Σάββατο"))).toBe(true);
  });

  it("treats the municipality's own holiday, set by an admin, as a day the office is closed", async () => {
    const p = await setup(athens("2027-06-10", "08:46"));
    await h.services.calendarReminders.add({
      kind: "celebration",
      holiday: true,
      name: "Πολιούχος του Δήμου",
      dateKey: "fixed:06-11",
      leadDays: 7,
      createdBy: "U0ADMIN01",
    });
    expect((await h.services.calendar.dayInfo("2027-06-11")).working).toBe(false);
    await p.scheduler.tick();
    const notes = posts().map(textOf);
    expect(notes.some((n) => n.includes("Πολιούχος") && n.includes("αργία"))).toBe(true);
  });
});
