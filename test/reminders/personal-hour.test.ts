// Personal reminders at the office's hour in the person's own time zone, never at night there.
import { afterAll, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { validateLetter } from "../../src/areas/correspondence/letter-validation.js";
import { validateEvent } from "../../src/areas/events/event-validation.js";
import { isRefused } from "../../src/areas/events/service.js";
import { validateSponsorship } from "../../src/areas/sponsors/sponsorship-validation.js";
import type { Job, JobDeps, Occurrence } from "../../src/scheduling/job.js";
import { personalDeliveryTime } from "../../src/scheduling/personal-hour.js";
import { validClip } from "../support/clip-form.js";
import type { Json } from "../support/fake-slack.js";
import { createJobHarness, type JobHarness } from "../support/job-harness.js";

const ATHENS = "Europe/Athens";
// The clock jumps hours and days between ticks: the scheduler is told to look back half an hour
// only, so that it does not mark every five-minute occurrence of reminder-snoozes in between as
// superseded, one by one (catch-up is the scheduler's own tests' subject, not these).
const QUICK = { catchUpWindowMs: 30 * 60_000 };
const at = (officeInstant: string, zone: string) =>
  personalDeliveryTime(new Date(officeInstant), ATHENS, zone).toISOString();

describe("the hour a personal reminder reaches a person", () => {
  const monday0900 = "2026-11-23T07:00:00.000Z"; // 09:00 in Athens (UTC+2)

  it("is the office's instant for someone in the office's zone, or on its clock that day", () => {
    expect(at(monday0900, ATHENS)).toBe(monday0900);
    expect(at(monday0900, "Europe/Sofia")).toBe(monday0900); // same offset
    expect(at(monday0900, "Not/AZone")).toBe(monday0900); // an unknown zone: the office's
  });

  it("is 09:00 on their own clock west of the office: 09:00 Brussels is 10:00 Athens", () => {
    expect(at(monday0900, "Europe/Brussels")).toBe("2026-11-23T08:00:00.000Z");
    expect(at(monday0900, "Europe/London")).toBe("2026-11-23T09:00:00.000Z");
  });

  it("east of the office, where 09:00 has passed, is at once while it is still their working day", () => {
    expect(at(monday0900, "Asia/Shanghai")).toBe(monday0900); // 15:00 in Shanghai
    expect(at(monday0900, "Pacific/Auckland")).toBe(monday0900); // 20:00 in Auckland
  });

  it("is never at night there: from 21:00 it waits for their next morning at the office's hour", () => {
    // 21:00 on Kiritimati (UTC+14) → 09:00 there the next day.
    expect(at(monday0900, "Pacific/Kiritimati")).toBe("2026-11-23T19:00:00.000Z");
    // 23:00 on Sunday in Los Angeles → 09:00 on Monday there (17:00 Athens).
    expect(at(monday0900, "America/Los_Angeles")).toBe("2026-11-23T17:00:00.000Z");
  });

  it("keeps an office hour before 08:00 or from 21:00 inside their working day", () => {
    // The job moved to 07:00 Athens: 08:00 in Brussels, not 07:00.
    expect(at("2026-11-23T05:00:00.000Z", "Europe/Brussels")).toBe("2026-11-23T07:00:00.000Z");
    // A job at 22:00 Athens: 20:00 in London is within their day.
    expect(at("2026-11-23T20:00:00.000Z", "Europe/London")).toBe("2026-11-23T20:00:00.000Z");
  });

  it("follows each zone's own daylight-saving dates", () => {
    // New York changes on 14 March 2027, Europe on 28 March: the gap is 7 hours, then 6, then 7.
    expect(at("2027-03-08T07:00:00.000Z", "America/New_York")).toBe("2027-03-08T14:00:00.000Z"); // EST
    expect(at("2027-03-15T07:00:00.000Z", "America/New_York")).toBe("2027-03-15T13:00:00.000Z"); // EDT
    // Sunday 28 March: 09:00 Athens is now UTC+3, and 09:00 Brussels UTC+2: still an hour later.
    expect(at("2027-03-28T06:00:00.000Z", "Europe/Brussels")).toBe("2027-03-28T07:00:00.000Z");
    expect(at("2027-03-29T06:00:00.000Z", "Europe/Brussels")).toBe("2027-03-29T07:00:00.000Z");
    // In autumn Europe goes back on 31 October 2027, New York on 7 November: 6 hours between.
    expect(at("2027-11-01T07:00:00.000Z", "America/New_York")).toBe("2027-11-01T13:00:00.000Z");
  });
});

describe("a clipping's reply reminder at the assignee's own hour", () => {
  const BRUSSELS = "U0TZBRU001";
  const HOME = "U0TZATH001";
  let h: JobHarness;
  afterAll(() => h?.dispose());

  const dms = (user: string) => (h.fake.messages.get(`D${user.slice(1)}`) ?? []) as Json[];

  async function replyOwedBy(assignee: string, title: string, key: string) {
    const r = validateClipping(
      { ...validClip, url: "", medium: "print", title },
      { today: "2026-11-23", knownTopicIds: new Set() },
    );
    if (!r.ok) throw new Error("seed");
    const c = await h.services.clippings.createClipping({ draft: r.draft, createdBy: assignee, submissionKey: key });
    if (c.status !== "created") throw new Error("seed");
    await h.services.clippingReplies.requestReply({ id: c.clipping.id, assignee, dueOn: "2026-11-23", by: assignee });
  }

  it("reaches Brussels at 09:00 Brussels and Athens at 09:00 Athens, each once, across two processes and a re-run", async () => {
    h = await createJobHarness({ now: new Date("2026-11-23T06:00:00Z") }); // Monday 08:00 Athens
    h.fake.users.set(BRUSSELS, { id: BRUSSELS, tz: "Europe/Brussels" });
    h.fake.users.set(HOME, { id: HOME, tz: "Europe/Athens" });
    for (const u of [BRUSSELS, HOME])
      await h.services.roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    await replyOwedBy(BRUSSELS, "Απάντηση για τις Βρυξέλλες", "tz-1");
    await replyOwedBy(HOME, "Απάντηση για το πάρκο", "tz-2");

    const jobs = h.jobs("clipping-reply-reminders", "reminder-snoozes");
    const a = h.process("A", jobs, QUICK);
    const b = h.process("B", jobs, QUICK);
    await a.scheduler.tick(); // the jobs exist from 08:00 on
    await b.scheduler.tick();

    // 09:00 Athens: the Athens colleague has it now; Brussels (08:00 there) not yet.
    h.clock.set(new Date("2026-11-23T07:00:30Z"));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(dms(HOME)).toHaveLength(1);
    expect(String(dms(HOME)[0]?.text)).toContain("Απάντηση για το πάρκο");
    expect(dms(BRUSSELS)).toHaveLength(0);
    const kept = await h.database.db.prisma.snoozedReminder.findMany();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ userId: BRUSSELS, choice: "timezone" });
    expect(kept[0]?.dueAt.toISOString()).toBe("2026-11-23T08:00:00.000Z");

    // The same occurrence run again (a retry in another process): nothing more is kept or posted.
    const [reminders] = jobs as [Job, Job];
    const occurrence: Occurrence = {
      scheduledFor: new Date("2026-11-23T07:00:00Z"),
      late: false,
      manual: false,
      attempt: 2,
      key: "clipping-reply-reminders@2026-11-23T07:00:00.000Z",
    } as Occurrence;
    const deps: JobDeps = {
      clock: h.clock,
      logger: { child: () => deps.logger } as unknown as JobDeps["logger"],
      sender: b.sender,
      calendar: h.services.calendar,
      timeZone: ATHENS,
      defaultLocale: "el",
      channelId: null,
      personal: h.services.personalReminders,
    };
    await reminders.run(occurrence, deps);
    expect(dms(HOME)).toHaveLength(1);
    expect(await h.database.db.prisma.snoozedReminder.count()).toBe(1);

    // 09:55 Athens (08:55 Brussels): still nothing for Brussels.
    h.clock.set(new Date("2026-11-23T07:55:30Z"));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(dms(BRUSSELS)).toHaveLength(0);

    // 10:00 Athens = 09:00 Brussels: it arrives, as written (not "put off"), with «Αργότερα», once.
    h.clock.set(new Date("2026-11-23T08:00:30Z"));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    h.clock.set(new Date("2026-11-23T08:10:30Z"));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(dms(BRUSSELS)).toHaveLength(1);
    const message = dms(BRUSSELS)[0] as Json;
    expect(String(message.text)).toContain("Απάντηση για τις Βρυξέλλες");
    expect(String(message.text)).not.toContain("αναβάλατε");
    expect(JSON.stringify(message.blocks)).toContain('"action_id":"reminder_snooze"');
    expect(dms(HOME)).toHaveLength(1);
    // Run once more after delivery: the job's own key is spent, nothing is posted again.
    await reminders.run(occurrence, deps);
    expect(dms(BRUSSELS)).toHaveLength(1);
    expect(dms(HOME)).toHaveLength(1);
  });
});

describe("a letter's deadline at its registrar's own hour", () => {
  const LONDON = "U0TZLON001";
  const COORDINATOR = "U0TZCOO001";

  it("reaches London at 09:20 London (11:20 Athens), once; the coordinators' overdue list stays at the office's hour", async () => {
    const h = await createJobHarness({ now: new Date("2026-11-30T07:00:00Z") });
    try {
      h.fake.users.set(LONDON, { id: LONDON, tz: "Europe/London" });
      h.fake.users.set(COORDINATOR, { id: COORDINATOR, tz: "Europe/London" });
      await h.services.roles.ensureRoleHolders([COORDINATOR], "manager");
      await h.services.roles.ensureRoleHolders([LONDON], "staff");
      const jobs = h.jobs("correspondence-reminders", "reminder-snoozes");
      const a = h.process("A", jobs, QUICK);
      const b = h.process("B", jobs, QUICK);
      await a.scheduler.tick();
      await b.scheduler.tick();
      const add = async (subject: string, dueOn: string) => {
        const r = validateLetter(
          { direction: "incoming", letterDate: "2026-11-20", counterpart: "Πρεσβεία της Γαλλίας", subject, dueOn },
          { today: "2026-11-30" },
        );
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        await h.services.letters.create({ draft: r.draft, createdBy: LONDON, submissionKey: subject });
      };
      await add("Δεξίωση 2 Δεκεμβρίου", "2026-12-02");
      await add("Παλιά πρόσκληση", "2026-11-27");
      const dms = (u: string) => (h.fake.messages.get(`D${u.slice(1)}`) ?? []).map((m) => String(m.text));

      // 09:20 Athens on Wednesday: the coordinator's overdue list now; the registrar's reminder waits.
      h.clock.set(new Date("2026-12-02T07:20:30Z"));
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(dms(COORDINATOR).some((x) => x.includes("Παλιά πρόσκληση"))).toBe(true);
      expect(dms(LONDON)).toHaveLength(0);

      // 11:20 Athens = 09:20 London.
      h.clock.set(new Date("2026-12-02T09:15:30Z"));
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(dms(LONDON)).toHaveLength(0);
      h.clock.set(new Date("2026-12-02T09:20:30Z"));
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      h.clock.set(new Date("2026-12-02T09:30:30Z"));
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(dms(LONDON)).toHaveLength(1);
      expect(dms(LONDON)[0]).toContain("Δεξίωση");
      expect(dms(COORDINATOR)).toHaveLength(1);
    } finally {
      await h.dispose();
    }
  });
});

describe("a sponsor's thank-you letter owed, at its registrar's own hour", () => {
  const SHANGHAI = "U0TZSHA001";
  const NEW_YORK = "U0TZNYC001";
  const MANAGER = "U0TZMAN001";

  it("reaches Shanghai at once (15:30 there) and New York at 09:30 there (16:30 Athens), each once", async () => {
    const h = await createJobHarness({ now: new Date("2026-12-20T06:00:00Z") });
    try {
      h.fake.users.set(SHANGHAI, { id: SHANGHAI, tz: "Asia/Shanghai" });
      h.fake.users.set(NEW_YORK, { id: NEW_YORK, tz: "America/New_York" });
      for (const u of [SHANGHAI, NEW_YORK, MANAGER])
        await h.services.roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
      await h.services.roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "t" });
      const jobs = h.jobs("sponsor-thanks", "reminder-snoozes");
      const a = h.process("A", jobs, QUICK);
      const b = h.process("B", jobs, QUICK);
      await a.scheduler.tick();
      await b.scheduler.tick();
      const s = h.services.sponsorships;
      for (const [actor, organisation] of [
        [SHANGHAI, "Ανατολή ΑΕ"],
        [NEW_YORK, "Δύση ΑΕ"],
      ] as const) {
        const r = validateSponsorship({
          contributionType: "money",
          eventName: "Χριστουγεννιάτικο Χωριό",
          organisation,
          pledgedAmount: "1.000",
          eventDate: "2026-12-20",
        });
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const made = await s.create({ actor, draft: r.draft, submissionKey: organisation });
        if (made.status === "refused") throw new Error("refused");
        expect((await s.step({ actor, id: made.sponsorship.id, action: "ask_approval" })).status).toBe("done");
        expect((await s.step({ actor: MANAGER, id: made.sponsorship.id, action: "approve" })).status).toBe("done");
      }
      const dms = (u: string) => (h.fake.messages.get(`D${u.slice(1)}`) ?? []).map((m) => String(m.text));

      h.clock.set(new Date("2026-12-21T07:30:30Z")); // Monday 09:30 Athens
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(dms(SHANGHAI).filter((x) => x.includes("Ανατολή ΑΕ"))).toHaveLength(1);
      expect(dms(NEW_YORK)).toHaveLength(0);

      h.clock.set(new Date("2026-12-21T14:25:30Z")); // 16:25 Athens, 09:25 New York
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(dms(NEW_YORK)).toHaveLength(0);
      h.clock.set(new Date("2026-12-21T14:30:30Z")); // 16:30 Athens, 09:30 New York
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      h.clock.set(new Date("2026-12-21T14:40:30Z"));
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      expect(dms(NEW_YORK).filter((x) => x.includes("Δύση ΑΕ"))).toHaveLength(1);
      expect(dms(NEW_YORK)).toHaveLength(1);
      expect(dms(SHANGHAI)).toHaveLength(1);
    } finally {
      await h.dispose();
    }
  });
});

describe("an event's summary and feedback prompt at each person's own hour", () => {
  const NEW_YORK = "U0TZEVNY01";
  const HOME = "U0TZEVAT01";

  it("reach Athens at 09:40 Athens and New York at 09:40 there, once each, with «Αργότερα»", async () => {
    const h = await createJobHarness({ now: new Date("2026-12-01T06:00:00Z") }); // Tuesday 08:00 Athens
    try {
      h.fake.users.set(NEW_YORK, { id: NEW_YORK, tz: "America/New_York" });
      h.fake.users.set(HOME, { id: HOME, tz: ATHENS });
      for (const u of [NEW_YORK, HOME])
        await h.services.roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
      const jobs = h.jobs("event-reminders", "reminder-snoozes");
      const a = h.process("A", jobs, QUICK);
      const b = h.process("B", jobs, QUICK);
      await a.scheduler.tick();
      await b.scheduler.tick();
      const types = new Set((await h.services.events.types()).map((t) => t.slug));
      const r = validateEvent(
        {
          title: "Υποδοχή αντιπροσωπείας",
          typeSlug: [...types][0] ?? "",
          startDate: "2026-12-03",
          startTime: "11:00",
          endTime: "12:00",
          responsible: [NEW_YORK],
        },
        { now: h.clock.now(), timeZone: ATHENS, knownTypes: types },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const created = await h.services.events.create({ draft: r.draft, createdBy: HOME, submissionKey: "tz-event" });
      if (isRefused(created)) throw new Error("refused");
      const dms = (u: string) => (h.fake.messages.get(`D${u.slice(1)}`) ?? []) as Json[];
      const about = (u: string, words: string) => dms(u).filter((m) => String(m.text).includes(words));
      const tick = async (iso: string) => {
        h.clock.set(new Date(iso));
        await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
      };

      // Wednesday 09:40 Athens: the day-before summary for Athens now; 02:40 in New York, kept.
      await tick("2026-12-02T07:40:30Z");
      expect(about(HOME, "Αύριο")).toHaveLength(1);
      expect(about(NEW_YORK, "Αύριο")).toHaveLength(0);
      await tick("2026-12-02T14:35:30Z"); // 09:35 in New York
      expect(about(NEW_YORK, "Αύριο")).toHaveLength(0);
      await tick("2026-12-02T14:40:30Z"); // 09:40 in New York (16:40 Athens)
      await tick("2026-12-02T14:50:30Z");
      expect(about(NEW_YORK, "Αύριο")).toHaveLength(1);
      expect(JSON.stringify(about(NEW_YORK, "Αύριο")[0]?.blocks)).toContain('"action_id":"reminder_snooze"');

      // Friday, the day after: the feedback prompt with its button, the same way.
      await tick("2026-12-04T07:40:30Z");
      expect(about(HOME, "Πώς πήγε")).toHaveLength(1);
      expect(about(NEW_YORK, "Πώς πήγε")).toHaveLength(0);
      await tick("2026-12-04T14:40:30Z");
      await tick("2026-12-04T14:50:30Z");
      const prompt = about(NEW_YORK, "Πώς πήγε");
      expect(prompt).toHaveLength(1);
      expect(JSON.stringify(prompt[0]?.blocks)).toContain('"action_id":"reminder_snooze"');
      expect(JSON.stringify(prompt[0]?.blocks)).toContain("Σχόλια για την εκδήλωση");
      expect(about(HOME, "Αύριο")).toHaveLength(1);
      expect(about(HOME, "Πώς πήγε")).toHaveLength(1);
    } finally {
      await h.dispose();
    }
  });
});
