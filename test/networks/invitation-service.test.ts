// A meeting made of an invitation, on the real engine, with the real correspondence register
// behind the interface the composition root passes (lettersForNetworks): the form filled in from
// the letter, refused to outsiders, for an outgoing letter and for a letter that is not there (a
// forged id, also in the submitted form's metadata); the meeting stored once per letter, across a
// Slack retry and a second form of the same letter; the letter's link both ways.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { lettersForNetworks } from "../../src/areas/correspondence/index.js";
import { createLetterService } from "../../src/areas/correspondence/letter-service.js";
import { createNetworksServices } from "../../src/areas/networks/index.js";
import { createOfficeCalendarServices } from "../../src/areas/office-calendar/index.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0STAFF01";
const OTHER = "U0STAFF02";
const OUTSIDER = "U0OUTSID1";

describe("a meeting made of an invitation", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let database: TestDatabase;
  let s: ReturnType<typeof createNetworksServices>["networks"];
  let letters: ReturnType<typeof createLetterService>;
  const partners = [{ id: 7, nameEl: "Φαέντσα", nameLatin: "Faenza", contactId: null, contacts: [] }];
  let invitation: number;
  let outgoing: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    const roles = createRoleService({ prisma });
    for (const u of [STAFF, OTHER]) await roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    const contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
    const office = createOfficeCalendarServices({ prisma, clock, roles, contacts });
    letters = createLetterService({ prisma, clock, timeZone: "Europe/Athens", contacts, roles });
    s = createNetworksServices({
      prisma,
      clock,
      timeZone: "Europe/Athens",
      roles,
      contacts,
      calendar: office.calendar,
      partners: {
        get: async (id) => partners.find((p) => p.id === id) ?? null,
        choosable: async () => partners,
      },
      letters: lettersForNetworks(letters),
    }).networks;
    const register = async (direction: "incoming" | "outgoing", key: string) => {
      const made = await letters.create({
        draft: {
          direction,
          kind: "invitation",
          letterDate: "2026-11-20",
          counterpart: "Comune di Faenza",
          country: "IT",
          subject: "Settimana della cultura 2027",
          language: "it",
          documentUrl: null,
          translationRequestId: null,
          dueOn: "2026-12-15",
          briefing: null,
        },
        createdBy: STAFF,
        submissionKey: key,
      });
      if (made.status !== "created") throw new Error(made.status);
      return made.letter.id;
    };
    invitation = await register("incoming", "l1");
    outgoing = await register("outgoing", "l2");
  });
  afterAll(() => database?.dispose());

  const input = {
    host: { kind: "partner" as const, id: 7 },
    title: "Settimana della cultura 2027",
    startsOn: "2027-01-20",
    place: "Faenza",
    registrationDeadline: "2026-12-15",
  };

  it("fills the form in from the letter: its subject, its deadline, the partner it is named like", async () => {
    const form = await s.fromLetter({ actor: STAFF, letterId: invitation });
    if (form.status !== "form") throw new Error(form.status);
    expect(form.prefill).toEqual({
      letter: { id: invitation, protocol: "2026/0001" },
      title: "Settimana della cultura 2027",
      registrationDeadline: "2026-12-15",
      host: { kind: "partner", id: 7 },
    });
  });

  it("refuses outsiders, an outgoing letter and a letter that is not there, and stores nothing", async () => {
    expect(await s.fromLetter({ actor: OUTSIDER, letterId: invitation })).toEqual({
      status: "refused",
      reason: "staff_only",
    });
    expect(await s.fromLetter({ actor: STAFF, letterId: outgoing })).toEqual({
      status: "refused",
      reason: "letter_outgoing",
    });
    expect(await s.fromLetter({ actor: STAFF, letterId: 999_999 })).toEqual({ status: "not_found" });
    // The same through a submitted form whose metadata names another letter.
    expect(await s.createMeeting({ actor: OUTSIDER, input, submissionKey: "v0", letterId: invitation })).toMatchObject({
      status: "refused",
      reason: "staff_only",
    });
    expect(await s.createMeeting({ actor: STAFF, input, submissionKey: "v0", letterId: 999_999 })).toEqual({
      status: "not_found",
    });
    expect(await s.createMeeting({ actor: STAFF, input, submissionKey: "v0", letterId: outgoing })).toMatchObject({
      status: "refused",
      reason: "letter_outgoing",
    });
    expect(await database.db.prisma.networkMeeting.count()).toBe(0);
  });

  it("makes the meeting once: a retry is the same meeting, a second form of the letter is told which", async () => {
    const made = await s.createMeeting({ actor: STAFF, input, submissionKey: "v1", letterId: invitation });
    if (made.status !== "created") throw new Error(made.status);
    const id = made.meeting.meeting.id;
    expect(made.meeting.meeting.letterId).toBe(invitation);
    expect(made.meeting.letter).toEqual({ id: invitation, protocol: "2026/0001" });
    expect(await s.createMeeting({ actor: STAFF, input, submissionKey: "v1", letterId: invitation })).toMatchObject({
      status: "already_stored",
      meeting: { meeting: { id } },
    });
    expect(await s.createMeeting({ actor: OTHER, input, submissionKey: "v2", letterId: invitation })).toMatchObject({
      status: "letter_taken",
      meeting: { meeting: { id } },
    });
    // Two forms of the same letter submitted at once: one meeting.
    const raced = await Promise.all(
      ["v3", "v4"].map((key) => s.createMeeting({ actor: STAFF, input, submissionKey: key, letterId: invitation })),
    );
    expect(raced.map((r) => r.status)).toEqual(["letter_taken", "letter_taken"]);
    expect(await database.db.prisma.networkMeeting.count({ where: { letterId: invitation } })).toBe(1);

    // The letter now says which meeting it became, and opens it instead of a new form.
    expect(await s.meetingsOfLetters([invitation, outgoing])).toEqual(new Map([[invitation, id]]));
    expect(await s.fromLetter({ actor: STAFF, letterId: invitation })).toMatchObject({
      status: "exists",
      meeting: { meeting: { id }, letter: { protocol: "2026/0001" } },
    });
    // A meeting not made of a letter names none.
    const plain = await s.createMeeting({ actor: STAFF, input, submissionKey: "v5" });
    if (plain.status !== "created") throw new Error(plain.status);
    expect(plain.meeting.letter).toBeNull();
    expect((await s.meeting(id))?.letter).toEqual({ id: invitation, protocol: "2026/0001" });
  });

  it("two fresh forms of one letter submitted together store one meeting", async () => {
    const second = await letters.create({
      draft: {
        direction: "incoming",
        kind: "invitation",
        letterDate: "2026-11-25",
        counterpart: "Eurocities",
        country: "BE",
        subject: "Culture Forum",
        language: "en",
        documentUrl: null,
        translationRequestId: null,
        dueOn: "2026-12-10",
        briefing: null,
      },
      createdBy: STAFF,
      submissionKey: "l3",
    });
    if (second.status !== "created") throw new Error(second.status);
    const letterId = second.letter.id;
    const outcomes = await Promise.all(
      ["w1", "w2"].map((key) => s.createMeeting({ actor: STAFF, input, submissionKey: key, letterId })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(["created", "letter_taken"]);
    expect(await database.db.prisma.networkMeeting.count({ where: { letterId } })).toBe(1);
  });
});
