// The networks' pure rules and views, without a database: the forms' checks, who may decide and
// report, the report's prompt day and the follow-ups' reminder days around holidays (the working
// days' pure functions with the office's facts), the codecs refusing forged values, the texts'
// parity, and the cards, forms, digest and prompt within Slack's limits with everything escaped.
import { describe, expect, it } from "vitest";
import { networkTexts } from "../../src/areas/networks/messages.js";
import {
  checkDecision,
  checkReport,
  followUpReminderDays,
  parseContactsMade,
  reportPromptDay,
  validateDecision,
  validateDues,
  validateMeeting,
  validateNetwork,
  validateReport,
} from "../../src/areas/networks/rules.js";
import type { MeetingView, NetworkRecord } from "../../src/areas/networks/service.js";
import { hostValue, meetingMenuValue, networkMenuValue } from "../../src/areas/networks/slack/codecs.js";
import { meetingsSection } from "../../src/areas/networks/slack/digest-views.js";
import {
  decisionModal,
  meetingCard,
  meetingModal,
  networkCard,
  networkModal,
  reportModal,
  reportPrompt,
} from "../../src/areas/networks/slack/views.js";
import {
  type CalendarFacts,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from "../../src/calendar/working-days.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { checkMessage, checkView } from "../support/block-kit-limits.js";

const facts: CalendarFacts = { overrides: [], localHolidays: [] };
const calendar = {
  isWorkingDay: (d: string) => isWorkingDay(d, facts),
  previousWorkingDay: (d: string) => previousWorkingDay(d, facts),
  nextWorkingDay: (d: string) => nextWorkingDay(d, facts),
};

describe("the networks' rules", () => {
  it("checks a network's decision as a whole and its ΑΔΑ's form", () => {
    expect(validateNetwork({ name: "Eurocities" }, "2026-12-01")).toMatchObject({ ok: true });
    expect(validateNetwork({ name: "" }, "2026-12-01")).toMatchObject({
      ok: false,
      errors: { name: { code: "required" } },
    });
    expect(validateNetwork({ name: "x", decisionNumber: "1/2026" }, "2026-12-01")).toMatchObject({
      ok: false,
      errors: { decisionDate: { code: "required" }, ada: { code: "required" } },
    });
    expect(
      validateNetwork(
        { name: "x", decisionNumber: "1", decisionDate: "2027-01-01", ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" },
        "2026-12-01",
      ),
    ).toMatchObject({ ok: false, errors: { decisionDate: { code: "future" } } });
    const ok = validateNetwork(
      { name: "x", decisionNumber: "1", decisionDate: "2026-01-01", ada: " ψ4λκ46μτλ6 - ξσ4 " },
      "2026-12-01",
    );
    expect(ok).toMatchObject({ ok: true, draft: { ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" } });
  });

  it("reads dues in Greek and English notation and refuses what is not an amount", () => {
    expect(validateDues({ year: "2027", amount: "2.500,50", dueOn: "2027-03-31" })).toMatchObject({
      ok: true,
      draft: { cents: 250050n },
    });
    expect(validateDues({ year: "27", amount: "abc", dueOn: "2027-02-30" })).toMatchObject({
      ok: false,
      errors: { year: { code: "year" }, amount: { code: "money" }, dueOn: { code: "date" } },
    });
  });

  it("checks a meeting's host, dates, place and deadline", () => {
    const host = { kind: "network" as const, id: 1 };
    expect(validateMeeting({ host, title: "x", startsOn: "2026-12-07", online: true })).toMatchObject({
      ok: true,
      draft: { networkId: 1, partnerId: null },
    });
    expect(
      validateMeeting({ host: { kind: "partner", id: 4 }, title: "x", startsOn: "2026-12-07", place: "Φαέντσα" }),
    ).toMatchObject({
      draft: { networkId: null, partnerId: 4 },
    });
    expect(validateMeeting({ title: "x", startsOn: "2026-12-07", endsOn: "2026-12-06" })).toMatchObject({
      ok: false,
      errors: { host: { code: "hostRequired" }, endsOn: { code: "endBeforeStart" }, place: { code: "placeOrOnline" } },
    });
  });

  it("decides attend with someone, or not with why; only managers, once", () => {
    expect(validateDecision({ decision: "attend", attendees: ["U1", "U1"] })).toMatchObject({
      ok: true,
      draft: { attendees: ["U1"] },
    });
    expect(validateDecision({ decision: "decline" })).toMatchObject({
      ok: false,
      errors: { reason: { code: "required" } },
    });
    expect(validateDecision({})).toMatchObject({ ok: false, errors: { decision: { code: "required" } } });
    expect(checkDecision({ decision: null }, { staff: true, manager: false })).toBe("managers_only");
    expect(checkDecision({ decision: "attend" }, { staff: true, manager: true })).toBe("already_decided");
    expect(checkDecision({ decision: null }, { staff: true, manager: true })).toBeUndefined();
  });

  it("lets the attendees (or a manager) report once the meeting has begun, once", () => {
    const m = { decision: "attend", attendees: ["U1"], startsOn: "2026-12-07", reportedAt: null };
    const staff = { staff: true, manager: false };
    expect(checkReport(m, "U1", staff, "2026-12-06")).toBe("not_yet_held");
    expect(checkReport(m, "U2", staff, "2026-12-08")).toBe("delegates_only");
    expect(checkReport(m, "U2", { staff: true, manager: true }, "2026-12-08")).toBeUndefined();
    expect(checkReport({ ...m, reportedAt: new Date() }, "U1", staff, "2026-12-08")).toBe("already_reported");
    expect(checkReport({ ...m, decision: "decline" }, "U1", staff, "2026-12-08")).toBe("not_attending");
    expect(checkReport(m, "U1", { staff: false, manager: false }, "2026-12-08")).toBe("staff_only");
  });

  it("reads the contacts made and the follow-up rows, each filled row with its owner and date", () => {
    expect(parseContactsMade("Marie Dubois, Ville de Lyon\n\nJan de Vries - Gemeente Utrecht\nΆννα")).toEqual([
      { name: "Marie Dubois", organisation: "Ville de Lyon" },
      { name: "Jan de Vries", organisation: "Gemeente Utrecht" },
      { name: "Άννα", organisation: null },
    ]);
    expect(
      validateReport({
        outcomes: "",
        followUps: [{ description: "a" }, { owner: "U1" }, { description: "b", owner: "U1", dueOn: "2027-01-01" }],
      }),
    ).toMatchObject({
      ok: false,
      errors: { outcomes: { code: "required" }, owner0: { code: "ownerRequired" }, due0: { code: "dueRequired" } },
    });
  });

  it("asks for the report two working days after the meeting, and reminds follow-ups around holidays", async () => {
    // Friday 4 December → Tuesday 8; Wednesday 23 December → Monday 28 (Christmas, a weekend).
    expect(await reportPromptDay("2026-12-04", calendar)).toBe("2026-12-08");
    expect(await reportPromptDay("2026-12-23", calendar)).toBe("2026-12-28");
    // Due on Epiphany 2027 (Wednesday, a holiday): Monday 4 and Tuesday 5.
    expect(await followUpReminderDays("2027-01-06", calendar)).toEqual({ before: "2027-01-04", onDay: "2027-01-05" });
    expect(await followUpReminderDays("2026-12-16", calendar)).toEqual({ before: "2026-12-14", onDay: "2026-12-16" });
  });

  it("decodes only the values it writes", () => {
    expect(networkMenuValue.decode(networkMenuValue.encode({ choice: "dues", id: 3 }))).toEqual({
      choice: "dues",
      id: 3,
    });
    expect(meetingMenuValue.decode("report:12")).toEqual({ choice: "report", id: 12 });
    for (const forged of ["approve:1", "report:0", "report:1:2", "report:x", "", undefined])
      expect(meetingMenuValue.decode(forged)).toBeUndefined();
    expect(hostValue.decode("partner:7")).toEqual({ kind: "partner", id: 7 });
    expect(hostValue.decode("event:7")).toBeUndefined();
  });

  it("has the same texts in Greek and English", () => {
    const keys = (o: object, prefix = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === "object" && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(networkTexts("en"))).toEqual(keys(networkTexts("el")));
    expect(networkTexts("el").resultsTitle(1)).toBe("1 δίκτυο");
    expect(networkTexts("en").digest.reportsSummary(2)).toBe("2 reports");
  });
});

describe("the networks' views", () => {
  const AWKWARD = "<!channel> *bold* <https://evil.example|click> & Σία".repeat(40);
  const network = {
    id: 3,
    name: AWKWARD,
    nameLatin: null,
    website: "https://eurocities.eu",
    memberSince: new Date("2010-05-01T00:00:00Z"),
    decisionNumber: "112/2010",
    decisionDate: new Date("2010-03-02T00:00:00Z"),
    ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4",
    notes: null,
    createdBy: "U1",
    submissionKey: null,
    createdAt: new Date(),
    dues: Array.from({ length: 30 }, (_, i) => ({
      id: i + 1,
      networkId: 3,
      year: 2000 + i,
      amount: new Prisma.Decimal("2500.50"),
      dueOn: new Date("2026-03-31T00:00:00Z"),
      paidOn: i % 2 ? new Date("2026-03-01T00:00:00Z") : null,
      paidBy: null,
      createdBy: "U1",
      submissionKey: null,
      createdAt: new Date(),
    })),
    delegates: Array.from({ length: 60 }, (_, i) => ({
      networkId: 3,
      forum: `${AWKWARD} ${i % 6}`,
      userId: `U${i}`,
      addedBy: "U1",
      addedAt: new Date(),
    })),
  } satisfies NetworkRecord;
  const meeting = (id: number): MeetingView => ({
    host: AWKWARD,
    reportDue: "2026-12-10",
    letter: null,
    meeting: {
      id,
      letterId: null,
      networkId: 3,
      network: null,
      partnerId: null,
      title: AWKWARD,
      startsOn: new Date("2026-12-07T00:00:00Z"),
      endsOn: new Date("2026-12-08T00:00:00Z"),
      place: AWKWARD,
      online: true,
      agenda: AWKWARD,
      registrationDeadline: new Date("2026-12-03T00:00:00Z"),
      createdBy: "U1",
      submissionKey: null,
      createdAt: new Date(),
      decision: "attend",
      attendees: ["U1", "U2"],
      decisionReason: null,
      decidedBy: "U9",
      decidedAt: new Date(),
      outcomes: AWKWARD,
      contactIds: [1, 2],
      reportedBy: null,
      reportedAt: null,
      followUps: Array.from({ length: 12 }, (_, i) => ({
        id: i + 1,
        meetingId: id,
        description: AWKWARD,
        owner: "U1",
        dueOn: new Date("2026-12-16T00:00:00Z"),
        doneAt: null,
        doneBy: null,
      })),
    },
  });
  const noRawMention = (json: string) => expect(json).not.toContain("<!channel>");

  it("renders the network's and the meeting's cards within Slack's limits, escaped", () => {
    for (const locale of ["el", "en"] as const) {
      const card = networkCard(locale, { network, meetings: Array.from({ length: 10 }, (_, i) => meeting(i + 1)) });
      expect(checkMessage(card)).toBeUndefined();
      noRawMention(JSON.stringify(card));
      const m = meetingCard(locale, meeting(1));
      expect(checkMessage(m)).toBeUndefined();
      noRawMention(JSON.stringify(m));
      expect(JSON.stringify(m)).toContain("network_meeting_menu");
      const prompt = reportPrompt(locale, meeting(1));
      expect(checkMessage(prompt)).toBeUndefined();
      noRawMention(JSON.stringify(prompt));
    }
  });

  it("renders every form within Slack's limits", () => {
    const hosts = {
      networks: Array.from({ length: 80 }, (_, i) => ({ id: i + 1, name: AWKWARD })),
      partners: Array.from({ length: 80 }, (_, i) => ({ id: i + 1, nameEl: AWKWARD })),
    };
    for (const locale of ["el", "en"] as const) {
      expect(checkView(networkModal(locale, { network, channel: "C1" }))).toBeUndefined();
      expect(checkView(meetingModal(locale, hosts, { networkId: 3 }))).toBeUndefined();
      expect(checkView(decisionModal(locale, meeting(1)))).toBeUndefined();
      expect(checkView(reportModal(locale, meeting(1), "C1"))).toBeUndefined();
    }
  });

  it("lists a hundred meetings in the digest, one escaped line each", () => {
    const week = { meetings: Array.from({ length: 100 }, (_, i) => meeting(i + 1)), deadlines: [meeting(101)] };
    const section = meetingsSection(week, "el");
    expect(section.items).toHaveLength(101);
    expect(section.summary).toContain("100 συναντήσεις");
    noRawMention(JSON.stringify(section));
  });
});
