// The networks' use cases on the real database engine: a network with its membership's decision,
// dues once per year and paid once, delegates; a meeting of a network or of a partner; the
// managers' decision recorded once; the report refused before the meeting and to outsiders,
// recorded once with its contacts (found or entered into the archive) and follow-up actions; the
// report's prompt day two working days after the meeting across a holiday; the digest's, Home's and
// period report's data; and the erasure of a person named in the free text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { buildSection, type DigestWindow } from "../../src/areas/digest/digest-section.js";
import { createNetworksServices } from "../../src/areas/networks/index.js";
import { createNetworksDigestSections } from "../../src/areas/networks/networks-digest.js";
import { createNetworksHomeSource } from "../../src/areas/networks/networks-home.js";
import { describeMeetings } from "../../src/areas/networks/networks-report.js";
import { createOfficeCalendarServices } from "../../src/areas/office-calendar/index.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { ManualClock } from "../../src/lib/clock.js";
import { checkMessage } from "../support/block-kit-limits.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0STAFF01";
const DELEGATE = "U0STAFF02";
const MANAGER = "U0MANAG01";
const MANAGER2 = "U0MANAG02";
const OUTSIDER = "U0OUTSID1";

describe("networks and their meetings", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let database: TestDatabase;
  let s: ReturnType<typeof createNetworksServices>["networks"];
  let contacts: ReturnType<typeof createContactService>;
  const partnersById = new Map([[7, { id: 7, nameEl: "Φαέντσα", nameLatin: "Faenza" }]]);

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    const roles = createRoleService({ prisma });
    for (const u of [STAFF, DELEGATE, MANAGER, MANAGER2])
      await roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    for (const u of [MANAGER, MANAGER2]) await roles.grantRole({ slackUserId: u, role: "manager", grantedBy: "t" });
    contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
    const office = createOfficeCalendarServices({ prisma, clock, roles, contacts });
    s = createNetworksServices({
      prisma,
      clock,
      timeZone: "Europe/Athens",
      roles,
      contacts,
      calendar: office.calendar,
      partners: {
        get: async (id) => partnersById.get(id) ?? null,
        choosable: async () => [...partnersById.values()],
      },
      letters: { get: async () => null },
    }).networks;
  });
  afterAll(() => database?.dispose());

  let networkId: number;
  it("records a network with its council decision once; a malformed ΑΔΑ, a half decision and outsiders are refused", async () => {
    const input = { name: "Eurocities", decisionNumber: "112/2010", decisionDate: "2010-03-02", ada: "ψ4λK46MTλ6-ξσ4" };
    expect(await s.createNetwork({ actor: OUTSIDER, input, submissionKey: "n1" })).toEqual({
      status: "refused",
      reason: "staff_only",
    });
    expect(
      await s.createNetwork({ actor: STAFF, input: { ...input, ada: "ΑΒΓ-123" }, submissionKey: "n0" }),
    ).toMatchObject({ status: "invalid", errors: { ada: { code: "ada" } } });
    expect(
      await s.createNetwork({ actor: STAFF, input: { name: "CEMR", ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4" }, submissionKey: "n0" }),
    ).toMatchObject({
      status: "invalid",
      errors: { decisionNumber: { code: "required" }, decisionDate: { code: "required" } },
    });
    const made = await s.createNetwork({ actor: STAFF, input, submissionKey: "n1" });
    if (made.status !== "created") throw new Error(made.status);
    // Latin look-alikes and lower case put right.
    expect(made.network.ada).toBe("Ψ4ΛΚ46ΜΤΛ6-ΞΣ4");
    networkId = made.network.id;
    expect(await s.createNetwork({ actor: STAFF, input, submissionKey: "n1" })).toMatchObject({
      status: "already_stored",
    });
    expect(await database.db.prisma.network.count()).toBe(1);
    expect((await s.search("EUROcities")).map((n) => n.id)).toEqual([networkId]);
  });

  it("records a year's dues once, refuses a bad amount under its field, and marks them paid once", async () => {
    const dues = (year: string, amount: string, key: string) =>
      s.addDues({ actor: STAFF, networkId, input: { year, amount, dueOn: "2026-03-31" }, submissionKey: key });
    expect(await dues("2026", "-5", "d0")).toMatchObject({ status: "invalid", errors: { amount: { code: "money" } } });
    expect(await dues("2026", "2.500,50", "d1")).toEqual({ status: "created", year: 2026 });
    expect(await dues("2026", "2.500,50", "d1")).toEqual({ status: "already_stored", year: 2026 });
    expect(await dues("2026", "3.000", "d2")).toEqual({ status: "year_exists", year: 2026 });
    const unpaid = await s.unpaidDues("2026-12-01");
    expect(unpaid.map((d) => d.year)).toEqual([2026]);
    const id = unpaid[0]?.id as number;
    expect(await s.markPaid({ actor: OUTSIDER, duesId: id })).toMatchObject({ status: "refused" });
    expect(await s.markPaid({ actor: STAFF, duesId: id })).toMatchObject({ status: "paid", year: 2026 });
    expect(await s.markPaid({ actor: STAFF, duesId: id })).toMatchObject({ status: "already_paid" });
    expect(await s.unpaidDues("2026-12-01")).toHaveLength(0);
  });

  it("names delegates per forum, each once", async () => {
    expect(await s.addDelegates({ actor: STAFF, networkId, forum: "", userIds: [] })).toMatchObject({
      status: "invalid",
      errors: { forum: { code: "required" }, users: { code: "required" } },
    });
    expect(
      await s.addDelegates({ actor: STAFF, networkId, forum: "Culture Forum", userIds: [DELEGATE, STAFF] }),
    ).toMatchObject({
      added: 2,
    });
    expect(
      await s.addDelegates({ actor: STAFF, networkId, forum: "Culture Forum", userIds: [DELEGATE] }),
    ).toMatchObject({
      added: 0,
    });
    const card = await s.card(networkId);
    expect(card?.network.delegates.map((d) => d.userId).sort()).toEqual([DELEGATE, STAFF].sort());
  });

  let meetingId: number;
  it("records a meeting of a network or a partner once; a missing host, a place or online, and dates are checked", async () => {
    const base = { title: "Culture Forum", startsOn: "2026-12-07", endsOn: "2026-12-08", place: "Λιόν" };
    expect(await s.createMeeting({ actor: STAFF, input: { ...base, place: "" }, submissionKey: "m0" })).toMatchObject({
      status: "invalid",
      errors: { host: { code: "hostRequired" }, place: { code: "placeOrOnline" } },
    });
    expect(
      await s.createMeeting({
        actor: STAFF,
        input: { ...base, host: { kind: "partner", id: 99 } },
        submissionKey: "m0",
      }),
    ).toMatchObject({ status: "invalid", errors: { host: { code: "hostRequired" } } });
    expect(
      await s.createMeeting({
        actor: STAFF,
        input: {
          ...base,
          host: { kind: "network", id: networkId },
          endsOn: "2026-12-06",
          registrationDeadline: "2026-12-09",
        },
        submissionKey: "m0",
      }),
    ).toMatchObject({
      status: "invalid",
      errors: { endsOn: { code: "endBeforeStart" }, registrationDeadline: { code: "deadlineAfterStart" } },
    });
    const made = await s.createMeeting({
      actor: STAFF,
      input: { ...base, host: { kind: "network", id: networkId }, registrationDeadline: "2026-12-03" },
      submissionKey: "m1",
    });
    if (made.status !== "created") throw new Error(made.status);
    meetingId = made.meeting.meeting.id;
    expect(made.meeting.host).toBe("Eurocities");
    expect(
      await s.createMeeting({
        actor: STAFF,
        input: { ...base, host: { kind: "network", id: networkId } },
        submissionKey: "m1",
      }),
    ).toMatchObject({
      status: "already_stored",
    });
    const partner = await s.createMeeting({
      actor: STAFF,
      input: { title: "Επίσκεψη", startsOn: "2027-01-20", online: true, host: { kind: "partner", id: 7 } },
      submissionKey: "m2",
    });
    expect(partner).toMatchObject({ status: "created", meeting: { host: "Φαέντσα" } });
  });

  it("puts this week's meetings and registration deadlines in the digest, within Slack's limits", async () => {
    const week = await s.thisWeek("2026-12-01");
    expect(week.meetings.map((v) => v.meeting.id)).toEqual([meetingId]);
    expect(week.deadlines.map((v) => v.meeting.id)).toEqual([meetingId]);
    const window: DigestWindow = {
      date: "2026-12-01",
      since: new Date("2026-11-30T06:00:00Z"),
      until: new Date("2026-12-01T06:00:00Z"),
      timeZone: "Europe/Athens",
      locale: "el",
    };
    const sections = createNetworksDigestSections(s);
    const meetings = await buildSection(sections[0] as never, window);
    expect(meetings?.items).toHaveLength(2);
    expect(meetings?.items[0]).toContain("Eurocities");
    expect(await buildSection(sections[1] as never, window)).toBeNull();
  });

  it("lets only a manager decide, once: attend needs someone, decline needs why", async () => {
    expect(
      await s.decide({ actor: STAFF, id: meetingId, input: { decision: "attend", attendees: [DELEGATE] } }),
    ).toEqual({
      status: "refused",
      reason: "managers_only",
    });
    expect(
      await s.decide({ actor: MANAGER, id: meetingId, input: { decision: "attend", attendees: [] } }),
    ).toMatchObject({
      status: "invalid",
      errors: { attendees: { code: "attendeesRequired" } },
    });
    expect(await s.decide({ actor: MANAGER, id: meetingId, input: { decision: "decline" } })).toMatchObject({
      status: "invalid",
      errors: { reason: { code: "required" } },
    });
    const decided = await s.decide({
      actor: MANAGER,
      id: meetingId,
      input: { decision: "attend", attendees: [DELEGATE, STAFF] },
    });
    expect(decided).toMatchObject({ status: "decided", meeting: { meeting: { attendees: [DELEGATE, STAFF] } } });
    expect(
      await s.decide({ actor: MANAGER2, id: meetingId, input: { decision: "decline", reason: "Κόστος" } }),
    ).toEqual({ status: "refused", reason: "already_decided" });
    const m = await database.db.prisma.networkMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(m).toMatchObject({ decision: "attend", decidedBy: MANAGER, decisionReason: null });
  });

  it("asks for the report two working days after the meeting's last day, across the Christmas holiday", async () => {
    // Tuesday 8 December → Thursday 10 December.
    expect((await s.meeting(meetingId))?.reportDue).toBe("2026-12-10");
    // A meeting ending on Wednesday 23 December: Thursday 24, then Monday 28 (25 is Christmas, 26–27 a weekend).
    const late = await s.createMeeting({
      actor: STAFF,
      input: { title: "Board", startsOn: "2026-12-23", place: "Βρυξέλλες", host: { kind: "network", id: networkId } },
      submissionKey: "m3",
    });
    if (late.status !== "created") throw new Error(late.status);
    await s.decide({
      actor: MANAGER,
      id: late.meeting.meeting.id,
      input: { decision: "attend", attendees: [DELEGATE] },
    });
    expect((await s.meeting(late.meeting.meeting.id))?.reportDue).toBe("2026-12-28");
    expect((await s.reportsOwed("2026-12-09")).map((v) => v.meeting.id)).toEqual([]);
    expect((await s.reportsOwed("2026-12-10")).map((v) => v.meeting.id)).toEqual([meetingId]);
    expect((await s.reportsOwedBy(STAFF, "2026-12-10")).map((v) => v.meeting.id)).toEqual([]);
    expect((await s.reportsOwedBy(DELEGATE, "2026-12-10")).map((v) => v.meeting.id)).toEqual([meetingId]);
  });

  it("takes the report once, from an attendee after the meeting: contacts found or entered, follow-ups with owners", async () => {
    const existing = await contacts.create({
      draft: {
        nameEl: "Marie Dubois",
        nameLatin: null,
        title: null,
        organisation: "Ville de Lyon",
        categorySlug: null,
        country: null,
        language: null,
        email: null,
        phone: null,
        address: null,
        vip: false,
        nameDayKey: null,
        notes: null,
        consent: null,
        source: null,
        optOutGreetings: false,
      },
      createdBy: STAFF,
    });
    const input = {
      outcomes: "Κοινή πρόταση για το Creative Europe",
      contacts: "Marie Dubois, Ville de Lyon\nJan de Vries, Gemeente Utrecht",
      followUps: [
        { description: "Επιστολή στη Λιόν", owner: DELEGATE, dueOn: "2026-12-16" },
        { description: "Χωρίς υπεύθυνο" },
        {},
      ],
    };
    expect(await s.report({ actor: DELEGATE, id: meetingId, input, submissionKey: "r0" })).toEqual({
      status: "refused",
      reason: "not_yet_held",
    });
    clock.set(new Date("2026-12-10T08:00:00Z"));
    expect(await s.report({ actor: MANAGER2, id: meetingId + 1, input, submissionKey: "r0" })).toEqual({
      status: "refused",
      reason: "not_attending",
    });
    expect(await s.report({ actor: OUTSIDER, id: meetingId, input, submissionKey: "r0" })).toEqual({
      status: "refused",
      reason: "staff_only",
    });
    const other = await s.createMeeting({
      actor: STAFF,
      input: { title: "x", startsOn: "2026-12-01", online: true, host: { kind: "network", id: networkId } },
      submissionKey: "m4",
    });
    if (other.status !== "created") throw new Error(other.status);
    await s.decide({ actor: MANAGER, id: other.meeting.meeting.id, input: { decision: "attend", attendees: [STAFF] } });
    expect(await s.report({ actor: DELEGATE, id: other.meeting.meeting.id, input, submissionKey: "r0" })).toEqual({
      status: "refused",
      reason: "delegates_only",
    });
    expect(await s.report({ actor: DELEGATE, id: meetingId, input, submissionKey: "r1" })).toMatchObject({
      status: "invalid",
      errors: { owner1: { code: "ownerRequired" }, due1: { code: "dueRequired" } },
    });
    const ok = { ...input, followUps: [input.followUps[0] ?? {}] };
    const reported = await s.report({ actor: DELEGATE, id: meetingId, input: ok, submissionKey: "r1" });
    expect(reported).toMatchObject({ status: "reported", contactsFound: 1, contactsEntered: 1 });
    expect(await s.report({ actor: DELEGATE, id: meetingId, input: ok, submissionKey: "r1" })).toEqual({
      status: "refused",
      reason: "already_reported",
    });
    const m = await database.db.prisma.networkMeeting.findUniqueOrThrow({
      where: { id: meetingId },
      include: { followUps: true },
    });
    expect(m.followUps).toHaveLength(1);
    expect(m.contactIds).toHaveLength(2);
    expect(m.contactIds).toContain(existing.contact.id);
    const entered = await contacts.get(m.contactIds.find((id) => id !== existing.contact.id) as number);
    expect(entered).toMatchObject({ nameEl: "Jan de Vries", organisation: "Gemeente Utrecht" });
    expect((await s.reportsOwed("2026-12-10")).map((v) => v.meeting.id)).not.toContain(meetingId);
  });

  it("lets the owner or a manager close a follow-up action once, and shows the person's items on their Home", async () => {
    const home = createNetworksHomeSource(s);
    const window = {
      actor: DELEGATE,
      today: "2026-12-10",
      weekEnd: "2026-12-16",
      timeZone: "Europe/Athens",
      locale: "el" as const,
    };
    const mine = await home.collect(window);
    expect(mine?.items?.map((i) => i.due)).toEqual(["2026-12-16"]);
    const [f] = await s.openFollowUps({ owner: DELEGATE });
    if (!f) throw new Error("no follow-up");
    expect(await s.followUpDone({ actor: STAFF, id: f.id })).toMatchObject({
      status: "refused",
      reason: "owner_or_manager",
    });
    expect(await s.followUpDone({ actor: DELEGATE, id: f.id })).toMatchObject({ status: "done" });
    expect(await s.followUpDone({ actor: MANAGER, id: f.id })).toMatchObject({ status: "already_done" });
    expect((await home.collect(window))?.items).toEqual([]);
  });

  it("shows the network's card within Slack's limits", async () => {
    const { networkCard } = await import("../../src/areas/networks/slack/views.js");
    const card = await s.card(networkId);
    if (!card) throw new Error("no card");
    const view = networkCard("en", card);
    expect(checkMessage({ text: view.text, blocks: view.blocks })).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain("diavgeia.gov.gr");
  });

  it("counts the period's meetings attended for the reports", async () => {
    const rows = await s.meetingsBetween("2026-12-01", "2026-12-31");
    const section = describeMeetings(rows, { locale: "en" });
    const figure = (id: string) => section.figures.find((f) => f.id === `networks.${id}`)?.value;
    expect(figure("attended")).toBe(3);
    expect(figure("reported")).toBe(1);
    expect(figure("followUps")).toBe(1);
    expect((await s.meetingsBetween("2027-01-01", "2027-01-31")).map((v) => v.meeting.title)).toEqual(["Επίσκεψη"]);
  });

  it("erases a person named in the meetings' free text and their link as a contact made", async () => {
    const m = await database.db.prisma.networkMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    const id = m.contactIds[0] as number;
    await database.db.prisma.networkMeeting.update({
      where: { id: meetingId },
      data: { outcomes: "Συνάντηση με Marie Dubois" },
    });
    const rows = await s.eraseContact({ ids: [id], names: ["Marie Dubois"], emails: [], phones: [] } as never);
    expect(rows.find((r) => r.table === "network_meetings")?.rows).toBeGreaterThan(0);
    const after = await database.db.prisma.networkMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(after.contactIds).not.toContain(id);
    expect(after.outcomes).not.toContain("Dubois");
  });
});
