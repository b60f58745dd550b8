import { describe, expect, it } from "vitest";
import { validateEvent } from "../../src/areas/events/event-validation.js";
import { isRefused } from "../../src/areas/events/service.js";
import { createJobHarness } from "../support/job-harness.js";

const STAFF = "U0STAFF01";
const RESPONSIBLE = "U0RESP001";
const dm = (u: string) => `D${u.slice(1)}`;

describe("an event's checklist and reminders", () => {
  it("builds the checklist from templates, reminds across the October clock change, and asks for feedback", async () => {
    // The event: Wednesday 28 October 2026, 11:00 (the national day, after the Sunday the clocks go back).
    const h = await createJobHarness({ now: new Date("2026-10-19T06:00:00Z") });
    try {
      for (const who of [STAFF, RESPONSIBLE])
        await h.services.roles.grantRole({ slackUserId: who, role: "staff", grantedBy: "test" });
      const p = h.process("A", h.jobs("event-reminders"));
      await p.scheduler.tick();
      const types = new Set((await h.services.events.types()).map((t) => t.slug));
      const r = validateEvent(
        {
          title: "Παρέλαση 28ης Οκτωβρίου",
          typeSlug: "parade",
          startDate: "2026-10-28",
          startTime: "11:00",
          endTime: "13:00",
          responsible: [RESPONSIBLE],
        },
        { now: h.clock.now(), timeZone: "Europe/Athens", knownTypes: types },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const created = await h.services.events.create({ draft: r.draft, createdBy: STAFF, submissionKey: "parade" });
      if (isRefused(created)) throw new Error("refused");
      const id = created.event.id;
      const items = await h.services.events.checklist(id);
      expect(items.map((i) => i.title)).toEqual(
        expect.arrayContaining([
          "Προσκλήσεις: αποστολή",
          "Δελτίο τύπου",
          "Ενημέρωση σχολείων και φορέων για τη σειρά παρέλασης",
        ]),
      );
      // Registered on Monday 19 October: sending the invitations (15 days before, the 13th) is due
      // that day instead of a day already past; the press release keeps its own day.
      const dueOf = (title: string) =>
        items
          .find((i) => i.title === title)
          ?.dueOn.toISOString()
          .slice(0, 10);
      expect(dueOf("Προσκλήσεις: αποστολή")).toBe(h.clock.now().toISOString().slice(0, 10));
      expect(dueOf("Δελτίο τύπου")).toBe("2026-10-27");
      expect(items.every((i) => i.owner === RESPONSIBLE)).toBe(true);
      expect(items.map((i) => i.title)).not.toContain("Στεφάνια για την κατάθεση"); // another kind's

      // Wednesday 21 October 09:40: T−7 summary, and the overdue invitations.
      h.clock.set(new Date("2026-10-21T06:41:00Z"));
      await p.scheduler.tick();
      const texts = (u: string) => (h.fake.messages.get(dm(u)) ?? []).map((m) => String(m.text));
      expect(texts(RESPONSIBLE).some((x) => x.includes("Σε 7 ημέρες") && x.includes("28/10/2026 11:00"))).toBe(true);
      expect(texts(STAFF).some((x) => x.includes("Σε 7 ημέρες"))).toBe(true);
      expect(texts(RESPONSIBLE).some((x) => x.includes("Προσκλήσεις: αποστολή") && x.includes(":warning:"))).toBe(true);
      const invitations = items.find((i) => i.title.startsWith("Προσκλήσεις: αποστολή"));
      expect(await h.services.events.settleItem(invitations?.id ?? 0, "done", RESPONSIBLE)).toBe(true);
      expect(await h.services.events.settleItem(invitations?.id ?? 0, "done", RESPONSIBLE)).toBe(false);

      // Tuesday 27 October 09:40, winter time now (UTC+2): T−1 summary, once, whatever the runs.
      h.clock.set(new Date("2026-10-27T07:41:00Z"));
      await p.scheduler.tick();
      await h.process("B", h.jobs("event-reminders")).scheduler.tick();
      expect(texts(RESPONSIBLE).filter((x) => x.includes("Αύριο"))).toHaveLength(1);

      // A sponsor of the parade, committed and not thanked yet: named in the follow-up.
      const sponsor = await h.services.sponsorships.create({
        draft: {
          organisation: "Φούρνος της γειτονιάς",
          contactPerson: null,
          contributionType: "goods",
          pledgedCents: null,
          pledgedDescription: "Κουλούρια για τους μαθητές",
          eventName: "Παρέλαση 28ης Οκτωβρίου",
          eventDate: "2026-10-28",
          eventId: id,
          notes: null,
          documents: null,
          benefits: [],
        },
        actor: STAFF,
        submissionKey: "bakery",
      });
      if (sponsor.status === "refused") throw new Error("the staff member was refused");
      const sponsorshipId = sponsor.sponsorship.id;
      await h.services.roles.grantRole({ slackUserId: "U0MANAG01", role: "manager", grantedBy: "test" });
      const ask = await h.services.sponsorships.step({ actor: STAFF, id: sponsorshipId, action: "ask_approval" });
      expect(ask.status).toBe("done");
      const approve = await h.services.sponsorships.step({ actor: "U0MANAG01", id: sponsorshipId, action: "approve" });
      expect(approve.status).toBe("done");

      // Thursday 29 October: the follow-up with the feedback button; again on 5 November if nobody answered.
      h.clock.set(new Date("2026-10-29T07:41:00Z"));
      await p.scheduler.tick();
      const followUp = (h.fake.messages.get(dm(RESPONSIBLE)) ?? []).find((m) => String(m.text).includes("Πώς πήγε"));
      expect(JSON.stringify(followUp?.blocks)).toContain("event_feedback");
      expect(String(followUp?.text)).toContain("Φούρνος της γειτονιάς");
      h.clock.set(new Date("2026-11-05T07:41:00Z"));
      await p.scheduler.tick();
      expect(texts(RESPONSIBLE).filter((x) => x.includes("Υπενθύμιση: δεν έχουμε ακόμη σχόλια"))).toHaveLength(1);

      // Feedback is kept once per person and shown when the next parade is planned.
      expect(await h.services.events.addFeedback({ eventId: id, by: STAFF, toImprove: "Περισσότερες κερκίδες" })).toBe(
        true,
      );
      expect(await h.services.events.addFeedback({ eventId: id, by: STAFF, toImprove: "ξανά" })).toBe(false);
      const last = await h.services.events.lastFeedbackOfType("parade", 0);
      expect(last?.feedback.map((f) => f.toImprove)).toEqual(["Περισσότερες κερκίδες"]);
    } finally {
      await h.dispose();
    }
    // Three weeks of a scheduler on a shared machine: more than vitest's default.
  }, 120_000);
});
