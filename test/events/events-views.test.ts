// The events' pure parts, without a database: rules, codecs, views, plurals.
import { describe, expect, it } from "vitest";
import {
  checkReassignment,
  feedWindow,
  listPeriod,
  plannedChecklist,
  shiftedDue,
} from "../../src/areas/events/rules.js";
import {
  cancelMetadata,
  eventModalMetadata,
  eventWhen,
  newEventValue,
} from "../../src/areas/events/slack/event-views.js";
import { invitationAnswer, invitationsBlocks } from "../../src/areas/events/slack/extras-views.js";
import { checklistBlocks, checklistChoice, followUpBlocks } from "../../src/areas/events/slack/follow-up-views.js";
import { messages } from "../../src/i18n/index.js";
import { checkBlocks } from "../support/block-kit-limits.js";

const el = messages("el");
const en = messages("en");

describe("events' rules", () => {
  it("reads a period: the week by default, a month, one day or two", () => {
    expect(listPeriod("", "2026-12-01")).toEqual({ from: "2026-12-01", to: "2026-12-08" });
    expect(listPeriod("μήνας", "2026-12-01")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(listPeriod("1/12 31/12", "2026-11-23")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(listPeriod("31/12 1/12", "2026-11-23")).toBeUndefined();
    expect(listPeriod("αύριο το πρωί", "2026-11-23")).toBeUndefined();
  });

  it("plans a checklist before the event's office day, and none for a record of a past one", () => {
    const templates = [
      { title: "Προσκλήσεις", daysBefore: 15 },
      { title: "Δελτίο τύπου", daysBefore: 2 },
    ];
    // 00:30 in Athens on 28 October is still the 27th in UTC: the office's day counts.
    const startsAt = new Date("2026-10-27T22:30:00Z");
    const items = plannedChecklist(
      templates,
      { startsAt, pastRecord: false, owner: "U1" },
      "Europe/Athens",
      "2026-10-01",
    );
    expect(items.map((i) => [i.title, i.dueOn.toISOString().slice(0, 10), i.position, i.caughtUp])).toEqual([
      ["Προσκλήσεις", "2026-10-13", 0, false],
      ["Δελτίο τύπου", "2026-10-26", 1, false],
    ]);
    expect(
      plannedChecklist(templates, { startsAt, pastRecord: true, owner: "U1" }, "Europe/Athens", "2026-10-01"),
    ).toEqual([]);
    // Registered on the 20th: the invitations' day (the 13th) has passed, so they are due today.
    const late = plannedChecklist(
      templates,
      { startsAt, pastRecord: false, owner: "U1" },
      "Europe/Athens",
      "2026-10-20",
    );
    expect(late.map((i) => [i.title, i.dueOn.toISOString().slice(0, 10), i.caughtUp])).toEqual([
      ["Προσκλήσεις", "2026-10-20", true],
      ["Δελτίο τύπου", "2026-10-26", false],
    ]);
    expect(shiftedDue(new Date("2026-12-30T00:00:00Z"), 3).toISOString()).toBe("2027-01-02T00:00:00.000Z");
  });

  it("feeds a month back and a year ahead", () => {
    const { from, to } = feedWindow(new Date("2026-11-23T08:00:00Z"));
    expect(from.toISOString()).toBe("2026-10-23T08:00:00.000Z");
    expect(to.toISOString()).toBe("2027-11-24T08:00:00.000Z");
  });
});

describe("events' codecs", () => {
  it("refuse what the bot did not write", () => {
    expect(eventModalMetadata.decode('{"eventId":-1}')).toBeUndefined();
    expect(eventModalMetadata.decode("not json")).toBeUndefined();
    expect(eventModalMetadata.decode(eventModalMetadata.encode({ channel: "C1", eventId: 4 }))).toEqual({
      channel: "C1",
      eventId: 4,
    });
    expect(cancelMetadata.decode('{"channel":"C1"}')).toBeUndefined();
    expect(newEventValue.decode('{"date":"25 Μαρτίου"}')).toBeUndefined();
    expect(newEventValue.decode('{"title":"Επέτειος","date":"2027-03-25","type":"national_day"}')).toEqual({
      title: "Επέτειος",
      date: "2027-03-25",
      type: "national_day",
    });
    expect(checklistChoice.decode("delete:1:2")).toBeUndefined();
    expect(checklistChoice.decode("done:1:2:3")).toBeUndefined();
    expect(checklistChoice.decode("done:0:2")).toBeUndefined();
    expect(checklistChoice.decode(checklistChoice.encode({ choice: "reassign", itemId: 7, eventId: 2 }))).toEqual({
      choice: "reassign",
      itemId: 7,
      eventId: 2,
    });
    expect(invitationAnswer.decode("maybe:1:2")).toBeUndefined();
    expect(invitationAnswer.decode("accepted:1:2")).toEqual({ answer: "accepted", invitationId: 1, eventId: 2 });
  });
});

describe("events' views", () => {
  const event = { id: 3, title: "Συναυλία" };
  it("keep a long checklist and a long invitation list within Slack's limits", () => {
    const items = Array.from({ length: 80 }, (_, i) => ({
      id: i + 1,
      eventId: 3,
      title: `Ενέργεια ${i + 1} ${"x".repeat(300)}`,
      dueOn: new Date("2026-12-01T00:00:00Z"),
      owner: "U0STAFF01",
      status: "open" as const,
      position: i,
      doneBy: null,
      doneAt: null,
    }));
    const checklist = checklistBlocks(el, event, items);
    expect(checkBlocks(checklist.blocks, 50)).toBeUndefined();
    const invitations = invitationsBlocks(
      en,
      event,
      Array.from({ length: 80 }, (_, i) => ({ id: i + 1, name: `Guest ${i}`, answer: "pending" as const })),
    );
    expect(checkBlocks(invitations.blocks, 50)).toBeUndefined();
    expect(invitations.text).toContain("no answer 80");
    expect(checkBlocks(followUpBlocks(el, 3, "x".repeat(5000)), 50)).toBeUndefined();
  });
});

describe("events' texts", () => {
  it("say one and many in each language's own forms", () => {
    expect(el.events.invited(1)).toBe("Προστέθηκε 1 προσκεκλημένος.");
    expect(el.events.invited(3)).toBe("Προστέθηκαν 3 προσκεκλημένοι.");
    expect(en.events.invited(1)).toBe("1 invitee added.");
    expect(el.events.giftsReady(2026, 1, "10,00 €")).toContain("1 δώρο,");
    expect(en.events.giftsReady(2026, 2, "€10.00")).toContain("2 gifts,");
    expect(el.events.summary(1, 3, "Συναυλία", "x", 0)).toContain("Αύριο");
    expect(el.events.summary(7, 3, "Συναυλία", "x", 0)).toContain("Σε 7 ημέρες");
    expect(en.events.summary(7, 3, "Concert", "x", 0)).toContain("In 7 days");
    expect(el.events.dueTodayInstead(1)).toContain(
      "Μία εργασία του καταλόγου θα έπρεπε να έχει ήδη γίνει: ορίστηκε για σήμερα.",
    );
    expect(el.events.dueTodayInstead(2)).toContain(
      "2 εργασίες του καταλόγου θα έπρεπε να έχουν ήδη γίνει: ορίστηκαν για σήμερα.",
    );
    expect(en.events.dueTodayInstead(2)).toContain(
      "2 checklist items were already overdue: they are due today instead.",
    );
  });
});

describe("a checklist item's reassignment", () => {
  it("needs someone and a real day", () => {
    expect(checkReassignment({ owner: "U1", dueOn: "2026-12-10" })).toEqual({});
    expect(checkReassignment({ owner: "", dueOn: "" })).toEqual({ owner: "required", dueOn: "required" });
    expect(checkReassignment({ owner: "U1", dueOn: "2026-02-30" })).toEqual({ dueOn: "dateInvalid" });
  });
});

describe("an event's time", () => {
  it("is on a 24-hour clock in the office's time, midnight as 00", () => {
    const late = {
      startsAt: new Date("2026-12-31T21:30:00Z"),
      endsAt: new Date("2026-12-31T22:30:00Z"),
      allDay: false,
    };
    const when = eventWhen(el, late, "Europe/Athens");
    expect(when).toContain("23:30");
    expect(when).toContain("00:30");
    expect(when).not.toContain("24:30");
    expect(eventWhen(en, late, "Europe/Athens")).not.toMatch(/am|pm/i);
  });
});
