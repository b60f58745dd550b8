// Q-Cities' use cases on the real database engine, with the partners area's own service for the
// member cities: who may do what (refusals are values), members once per partner, meetings and
// their minutes recorded by staff and approved once by a manager, a member's dues (a retried form
// writes once; who recorded a payment is kept), the digest's overdue dues within Slack's limits, and
// the good practices found in Greek, Greeklish and English, and by their city's name in any script.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { createLetterService } from "../../src/areas/correspondence/letter-service.js";
import { buildSection, type DigestWindow } from "../../src/areas/digest/digest-section.js";
import { buildDigestMessages } from "../../src/areas/digest/slack/digest-views.js";
import { buildEventService } from "../../src/areas/events/service.js";
import { createEventStore } from "../../src/areas/events/store.js";
import { createPartnersServices } from "../../src/areas/partners/index.js";
import { createQCitiesServices } from "../../src/areas/qcities/index.js";
import { createQCitiesDigestSection } from "../../src/areas/qcities/qcities-digest.js";
import type { QCitiesService } from "../../src/areas/qcities/service.js";
import { createTranslationService } from "../../src/areas/translations/translation-service.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { messages } from "../../src/i18n/index.js";
import { ManualClock } from "../../src/lib/clock.js";
import { checkMessage } from "../support/block-kit-limits.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const OUTSIDER = "U0OUTSID1";

describe("Q-Cities", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  const timeZone = "Europe/Athens";
  let database: TestDatabase;
  let q: QCitiesService;
  const partnerIds: Record<string, number> = {};
  const memberIds: Record<string, number> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    const roles = createRoleService({ prisma });
    for (const u of [STAFF, MANAGER]) await roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    await roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "t" });
    const contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
    const { partners } = createPartnersServices({
      prisma,
      clock,
      timeZone,
      roles,
      contacts,
      letters: createLetterService({ prisma, clock, timeZone, contacts, roles }),
      translations: createTranslationService({ prisma, clock, timeZone, roles }),
      events: buildEventService({ store: createEventStore(prisma), roles, clock, timeZone }),
    });
    q = createQCitiesServices({ prisma, clock, timeZone, roles, partners }).qcities;
    const cities = [
      { nameEl: "Φαέντσα", nameLatin: "Faenza", country: "IT" },
      { nameEl: "Νις", nameLatin: "Niš", country: "RS" },
      { nameEl: "Πλοϊέστι", nameLatin: "Ploiești", country: "RO" },
    ];
    for (const c of cities) {
      const p = await prisma.partner.create({
        data: { kind: "twinned_city", ...c, languages: [], createdBy: STAFF },
      });
      partnerIds[c.nameLatin] = p.id;
    }
  });
  afterAll(() => database?.dispose());

  it("makes a partner a member once; outsiders are refused; a future date is refused under its field", async () => {
    const input = { partnerId: partnerIds.Faenza, joinedOn: "2019-03-01", status: "active" };
    expect(await q.addMember({ actor: OUTSIDER, input, submissionKey: "m1" })).toEqual({
      status: "refused",
      reason: "staff_only",
    });
    expect(
      await q.addMember({ actor: STAFF, input: { ...input, joinedOn: "2027-01-01" }, submissionKey: "m0" }),
    ).toMatchObject({ status: "invalid", errors: { joinedOn: { code: "future" } } });
    const made = await q.addMember({ actor: STAFF, input, submissionKey: "m1" });
    if (made.status !== "created") throw new Error(made.status);
    expect(made.partner.nameLatin).toBe("Faenza");
    memberIds.Faenza = made.member.id;
    // The same form again (a Slack retry), and another form for the same partner.
    expect((await q.addMember({ actor: STAFF, input, submissionKey: "m1" })).status).toBe("already_stored");
    expect((await q.addMember({ actor: STAFF, input, submissionKey: "m2" })).status).toBe("already_member");
    expect(
      (await q.addMember({ actor: STAFF, input: { ...input, partnerId: 999_999 }, submissionKey: "m3" })).status,
    ).toBe("no_partner");
    for (const name of ["Niš", "Ploiești"]) {
      const m = await q.addMember({
        actor: STAFF,
        input: { partnerId: partnerIds[name], joinedOn: "2021-06-15" },
        submissionKey: `m-${name}`,
      });
      if (m.status !== "created") throw new Error(m.status);
      memberIds[name] = m.member.id;
    }
    expect(await database.db.prisma.qCitiesMember.count()).toBe(3);
    expect(await q.joinable()).toEqual([]);
    const list = await q.members(STAFF);
    if (list.status !== "found") throw new Error(list.status);
    expect(list.members.map((m) => m.partner?.nameLatin)).toEqual(["Faenza", "Niš", "Ploiești"]);
    expect(await q.members(OUTSIDER)).toEqual({ status: "refused", reason: "staff_only" });
  });

  it("changes a member's status once", async () => {
    const id = memberIds.Ploiești as number;
    const moved = await q.setMemberStatus({ actor: STAFF, id, to: "suspended", reason: "Δεν πλήρωσε" });
    expect(moved).toMatchObject({ status: "saved", member: { status: "suspended", statusReason: "Δεν πλήρωσε" } });
    expect((await q.setMemberStatus({ actor: STAFF, id, to: "suspended" })).status).toBe("unchanged");
    expect((await q.setMemberStatus({ actor: OUTSIDER, id, to: "active" })).status).toBe("refused");
  });

  let meetingId: number;
  it("records a meeting and its minutes by staff; only a manager approves them, once", async () => {
    const input = { body: "board", heldOn: "2026-11-20", place: "", online: false, agenda: "Προϋπολογισμός 2027" };
    expect(await q.addMeeting({ actor: STAFF, input, submissionKey: "g0" })).toMatchObject({
      status: "invalid",
      errors: { place: { code: "placeOrOnline" } },
    });
    const made = await q.addMeeting({ actor: STAFF, input: { ...input, online: true }, submissionKey: "g1" });
    if (made.status !== "created") throw new Error(made.status);
    meetingId = made.meeting.id;
    expect((await q.addMeeting({ actor: STAFF, input: { ...input, online: true }, submissionKey: "g1" })).status).toBe(
      "already_stored",
    );
    // Nothing to approve yet.
    expect(await q.approveMinutes({ actor: MANAGER, id: meetingId })).toEqual({ status: "no_minutes" });
    expect(
      await q.recordMinutes({ actor: STAFF, id: meetingId, input: { minutesLink: "ftp://x" }, submissionKey: "n0" }),
    ).toMatchObject({ status: "invalid", errors: { minutesLink: { code: "link" } } });
    expect(await q.recordMinutes({ actor: STAFF, id: meetingId, input: {}, submissionKey: "n0" })).toMatchObject({
      status: "invalid",
      errors: { minutesText: { code: "required" } },
    });
    const minutes = {
      minutesText: "Εγκρίθηκε ο προϋπολογισμός.",
      minutesLink: "https://marousi.slack.com/files/U0STAFF01/F0123/praktika.pdf",
    };
    const recorded = await q.recordMinutes({ actor: STAFF, id: meetingId, input: minutes, submissionKey: "n1" });
    expect(recorded).toMatchObject({ status: "recorded", meeting: { minutesBy: STAFF } });
    expect((await q.recordMinutes({ actor: STAFF, id: meetingId, input: minutes, submissionKey: "n1" })).status).toBe(
      "already_recorded",
    );
    expect(await q.recordMinutes({ actor: OUTSIDER, id: meetingId, input: minutes, submissionKey: "n2" })).toEqual({
      status: "refused",
      reason: "staff_only",
    });
    expect(await q.approveMinutes({ actor: STAFF, id: meetingId })).toEqual({
      status: "refused",
      reason: "managers_only",
    });
    const approved = await q.approveMinutes({ actor: MANAGER, id: meetingId });
    expect(approved).toMatchObject({ status: "approved", meeting: { approvedBy: MANAGER } });
    expect(await q.approveMinutes({ actor: MANAGER, id: meetingId })).toEqual({ status: "already_approved" });
    // Approved minutes are not written over.
    expect(
      (await q.recordMinutes({ actor: STAFF, id: meetingId, input: { minutesText: "άλλα" }, submissionKey: "n3" }))
        .status,
    ).toBe("already_approved");
    const stored = await database.db.prisma.qCitiesMeeting.findUnique({ where: { id: meetingId } });
    expect(stored?.minutesText).toBe("Εγκρίθηκε ο προϋπολογισμός.");
    expect(await q.approveMinutes({ actor: MANAGER, id: 999_999 })).toEqual({ status: "not_found" });
  });

  it("records a member's dues once per form, keeps who recorded the payment, and lists the overdue ones", async () => {
    const faenza = memberIds.Faenza as number;
    expect(
      await q.recordDues({
        actor: STAFF,
        memberId: faenza,
        input: { year: "26", amount: "-5", dueOn: "2026-02-30", paidOn: "2026-12-24" },
        submissionKey: "d0",
      }),
    ).toMatchObject({
      status: "invalid",
      errors: {
        year: { code: "year" },
        amount: { code: "money", error: "negative" },
        dueOn: { code: "date" },
        paidOn: { code: "future" },
      },
    });
    expect((await q.recordDues({ actor: OUTSIDER, memberId: faenza, input: {}, submissionKey: "d0" })).status).toBe(
      "refused",
    );
    const input = { year: "2026", amount: "2.500,00", dueOn: "2026-03-31" };
    const saved = await q.recordDues({ actor: STAFF, memberId: faenza, input, submissionKey: "d1" });
    expect(saved).toMatchObject({ status: "saved", standing: "overdue", city: { nameLatin: "Faenza" } });
    expect((await q.recordDues({ actor: STAFF, memberId: faenza, input, submissionKey: "d1" })).status).toBe(
      "already_stored",
    );
    await q.recordDues({
      actor: STAFF,
      memberId: memberIds.Niš as number,
      input: { year: "2026", amount: "1500", dueOn: "2026-12-31" },
      submissionKey: "d2",
    });
    await q.recordDues({
      actor: STAFF,
      memberId: memberIds.Ploiești as number,
      input: { year: "2026", amount: "€1,000.50", dueOn: "2026-06-30" },
      submissionKey: "d3",
    });
    expect((await q.overdueDues("2026-12-01")).map((r) => [r.city?.nameLatin, r.cents])).toEqual([
      ["Faenza", 250000n],
      ["Ploiești", 100050n],
    ]);

    // Faenza pays, recorded by STAFF; a manager later corrects the amount: the payment's recorder stays.
    const paid = await q.recordDues({
      actor: STAFF,
      memberId: faenza,
      input: { ...input, paidOn: "2026-11-30" },
      submissionKey: "d4",
    });
    expect(paid).toMatchObject({ status: "saved", standing: "paid", dues: { paidRecordedBy: STAFF } });
    const corrected = await q.recordDues({
      actor: MANAGER,
      memberId: faenza,
      input: { ...input, amount: "2600", paidOn: "2026-11-30" },
      submissionKey: "d5",
    });
    expect(corrected).toMatchObject({ dues: { paidRecordedBy: STAFF, updatedBy: MANAGER } });
    expect(await database.db.prisma.qCitiesDue.count()).toBe(3);
    expect((await q.overdueDues("2026-12-01")).map((r) => r.city?.nameLatin)).toEqual(["Ploiești"]);
    // Niš's day has not passed on 1 December, it has on 2 January.
    expect((await q.overdueDues("2027-01-02")).map((r) => r.city?.nameLatin)).toEqual(["Ploiești", "Niš"]);

    const list = await q.duesList(STAFF, 2026);
    if (list.status !== "found") throw new Error(list.status);
    expect(list.rows.map((r) => [r.city?.nameLatin, r.standing])).toEqual([
      ["Faenza", "paid"],
      ["Ploiești", "overdue"],
      ["Niš", "due"],
    ]);
    expect(await q.duesList(OUTSIDER, 2026)).toEqual({ status: "refused", reason: "staff_only" });
  });

  it("puts a hundred overdue dues into the digest within Slack's limits", async () => {
    const prisma = database.db.prisma;
    for (let i = 0; i < 100; i++) {
      const p = await prisma.partner.create({
        data: {
          kind: "candidate_city",
          nameEl: `Πόλη ${i} ${"λ".repeat(120)}`,
          country: "FR",
          languages: [],
          createdBy: STAFF,
        },
      });
      const m = await prisma.qCitiesMember.create({
        data: { partnerId: p.id, joinedOn: new Date("2020-01-01T00:00:00Z"), createdBy: STAFF },
      });
      await prisma.qCitiesDue.create({
        data: {
          memberId: m.id,
          year: 2025,
          amount: "100.00",
          dueOn: new Date("2025-05-01T00:00:00Z"),
          createdBy: STAFF,
        },
      });
    }
    const window: DigestWindow = {
      date: "2026-12-02",
      since: new Date("2026-12-01T06:00:00Z"),
      until: new Date("2026-12-02T06:00:00Z"),
      timeZone,
      locale: "el",
    };
    const content = await buildSection(createQCitiesDigestSection(q), window);
    expect(content?.items).toHaveLength(101);
    expect(content?.summary).toContain("101 συνδρομές");
    const built = buildDigestMessages({
      t: messages("el"),
      dateLabel: "2/12/2026",
      sections: content ? [content] : [],
      late: false,
    });
    for (const m of [built.main, ...built.thread]) expect(checkMessage(m as never)).toBeUndefined();
  });

  describe("the good practices", () => {
    const practice = (memberId: number, title: string, field: string, description: string) => ({
      memberId,
      title,
      field,
      description,
      link: "https://q-cities.eu/innovations",
    });
    let recyclingId: number;

    it("are recorded once per form, with errors under their fields, and edited once", async () => {
      const faenza = memberIds.Faenza as number;
      expect(
        await q.addPractice({
          actor: STAFF,
          input: { memberId: faenza, title: "", field: "x", description: "y", link: "not a link" },
          submissionKey: "p0",
        }),
      ).toMatchObject({ status: "invalid", errors: { title: { code: "required" }, link: { code: "link" } } });
      const items = [
        practice(
          faenza,
          "Ανακύκλωση στα σχολεία",
          "Περιβάλλον",
          "Πρόγραμμα ανακύκλωσης με κάδους σε κάθε σχολείο του δήμου.",
        ),
        practice(
          memberIds.Niš as number,
          "Digital one-stop shop",
          "Digital government",
          "Citizens file their requests online and track them end to end.",
        ),
        practice(faenza, "Πολιτιστικές διαδρομές", "Πολιτισμός", "Περίπατοι στην ιστορία της πόλης."),
      ];
      for (const [i, input] of items.entries()) {
        const made = await q.addPractice({ actor: STAFF, input, submissionKey: `p${i + 1}` });
        if (made.status !== "created") throw new Error(made.status);
        if (i === 0) recyclingId = made.practice.id;
      }
      expect((await q.addPractice({ actor: STAFF, input: items[0] ?? {}, submissionKey: "p1" })).status).toBe(
        "already_stored",
      );
      expect((await q.addPractice({ actor: OUTSIDER, input: items[0] ?? {}, submissionKey: "p9" })).status).toBe(
        "refused",
      );
      expect(await database.db.prisma.qCitiesPractice.count()).toBe(3);

      const edit = { ...items[0], description: "Κάδοι ανακύκλωσης και κομποστοποίηση σε κάθε σχολείο." };
      const edited = await q.editPractice({ actor: STAFF, id: recyclingId, input: edit, submissionKey: "e1" });
      expect(edited).toMatchObject({ status: "saved", practice: { updatedBy: STAFF } });
      expect((await q.editPractice({ actor: STAFF, id: recyclingId, input: edit, submissionKey: "e1" })).status).toBe(
        "already_stored",
      );
      expect((await q.editPractice({ actor: STAFF, id: 999_999, input: edit, submissionKey: "e2" })).status).toBe(
        "not_found",
      );
    });

    const titles = async (words: string) => {
      const found = await q.search(STAFF, words);
      if (found.status !== "found") throw new Error(found.status);
      return found.practices.map((p) => p.practice.title).sort();
    };

    it("are found in Greek, in another case and without accents", async () => {
      expect(await titles("ανακύκλωση")).toEqual(["Ανακύκλωση στα σχολεία"]);
      expect(await titles("ΣΧΟΛΕΙΟ")).toEqual(["Ανακύκλωση στα σχολεία"]);
      expect(await titles("κομποστοποιηση")).toEqual(["Ανακύκλωση στα σχολεία"]);
      expect(await titles("πολιτισμού")).toEqual(["Πολιτιστικές διαδρομές"]);
    });

    it("are found in Greeklish", async () => {
      expect(await titles("anakyklosi")).toEqual(["Ανακύκλωση στα σχολεία"]);
      expect(await titles("sxoleia")).toEqual(["Ανακύκλωση στα σχολεία"]);
      expect(await titles("politismos")).toEqual(["Πολιτιστικές διαδρομές"]);
    });

    it("are found in English, stemmed", async () => {
      expect(await titles("citizen requests")).toEqual(["Digital one-stop shop"]);
      expect(await titles("tracking")).toEqual(["Digital one-stop shop"]);
      expect(await titles("government")).toEqual(["Digital one-stop shop"]);
    });

    it("are found by their city's name in any script, and not by words no practice has", async () => {
      expect(await titles("Faenza")).toEqual(["Ανακύκλωση στα σχολεία", "Πολιτιστικές διαδρομές"]);
      expect(await titles("Φαέντσα")).toEqual(["Ανακύκλωση στα σχολεία", "Πολιτιστικές διαδρομές"]);
      expect(await titles("νις")).toEqual(["Digital one-stop shop"]);
      expect(await titles("αεροδρόμιο")).toEqual([]);
      expect(await q.search(OUTSIDER, "ανακύκλωση")).toEqual({ status: "refused", reason: "staff_only" });
    });

    it("come with their city", async () => {
      const found = await q.getPractice(recyclingId);
      expect(found?.city?.nameLatin).toBe("Faenza");
    });
  });
});
