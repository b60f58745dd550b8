// The sponsors' use cases on the real database engine: who may do what (the service refuses, with a
// value), what each step records, and what the digest's sections collect.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { buildSection, type DigestWindow } from "../../src/areas/digest/digest-section.js";
import { createGreetingService } from "../../src/areas/office-calendar/greeting-service.js";
import { createGreetingStore } from "../../src/areas/office-calendar/greeting-store.js";
import { createSponsorsService, type EventsForSponsors } from "../../src/areas/sponsors/service.js";
import { createSponsorsDigestSections } from "../../src/areas/sponsors/sponsors-digest.js";
import { type SponsorshipInput, validateSponsorship } from "../../src/areas/sponsors/sponsorship-validation.js";
import { createSponsorsStore } from "../../src/areas/sponsors/store.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const MANAGER2 = "U0MANAG02";
const OUTSIDER = "U0OUTSID1";

// The calendar as the sponsors see it: one event, the carols on Christmas Eve (23:30 UTC is the 24th in Athens).
const events: EventsForSponsors = {
  get: async (id) => (id === 5 ? { id: 5, title: "Κάλαντα", startsAt: new Date("2026-12-23T22:30:00Z") } : null),
  between: async () => [],
};

describe("the sponsors' use cases", () => {
  const clock = new ManualClock(new Date("2026-12-14T08:00:00Z"));
  let database: TestDatabase;
  let service: ReturnType<typeof createSponsorsService>;
  let greetings: ReturnType<typeof createGreetingService>;

  const draft = (input: SponsorshipInput) => {
    const r = validateSponsorship({ contributionType: "money", eventName: "Χριστουγεννιάτικο Χωριό", ...input });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.draft;
  };
  const make = async (organisation: string, extra: SponsorshipInput = {}) => {
    const made = await service.create({
      actor: STAFF,
      draft: draft({ organisation, pledgedAmount: "1.000", eventDate: "2026-12-10", ...extra }),
      submissionKey: organisation,
    });
    if (made.status === "refused") throw new Error("refused");
    return made.sponsorship;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    const roles = createRoleService({ prisma });
    for (const u of [STAFF, MANAGER, MANAGER2])
      await roles.grantRole({ slackUserId: u, role: "staff", grantedBy: "t" });
    for (const u of [MANAGER, MANAGER2]) await roles.grantRole({ slackUserId: u, role: "manager", grantedBy: "t" });
    const contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
    greetings = createGreetingService({ store: createGreetingStore(prisma), clock, roles, contacts });
    service = createSponsorsService({
      store: createSponsorsStore(prisma),
      roles,
      greetings,
      events,
      contacts,
      clock,
      timeZone: "Europe/Athens",
    });
  });
  afterAll(() => database?.dispose());

  it("lets only staff register; the calendar's event lends its title and day; a repeat is stored once", async () => {
    const input = { organisation: "Φούρνος", contributionType: "goods", pledgedDescription: "Κουλούρια" };
    const refused = await service.register({ actor: OUTSIDER, input, eventId: 5, submissionKey: "V-out" });
    expect(refused).toEqual({ status: "refused", reason: "staff_only" });
    expect(await database.db.prisma.sponsorship.count()).toBe(0);

    const invalid = await service.register({
      actor: STAFF,
      input: { ...input, pledgedDescription: "" },
      submissionKey: "V-bad",
    });
    expect(invalid.status).toBe("invalid");

    const created = await service.register({ actor: STAFF, input, eventId: 5, submissionKey: "V-1" });
    expect(created.status).toBe("created");
    if (created.status !== "created") return;
    expect(created.sponsorship).toMatchObject({ eventId: 5, eventName: "Κάλαντα", createdBy: STAFF });
    expect(created.sponsorship.eventDate?.toISOString().slice(0, 10)).toBe("2026-12-24");
    const again = await service.register({ actor: STAFF, input, eventId: 5, submissionKey: "V-1" });
    expect(again).toMatchObject({ status: "already_stored", sponsorship: { id: created.sponsorship.id } });
    expect(await database.db.prisma.sponsorship.count()).toBe(1);
  });

  it("links a sponsor already in the contact archive, however it is spelt, instead of adding it again", async () => {
    const prisma = database.db.prisma;
    const contact = await prisma.contact.create({
      data: { nameEl: "ΟΜΙΛΟΣ ΑΡΓΥΡΟΥ", organisation: "Όμιλος Αργυρού", categorySlug: "businesses", createdBy: "t" },
    });
    const before = await prisma.contact.count();
    const s = await make("ομιλος αργυρου");
    expect(s.contactId).toBe(contact.id);
    expect(await prisma.contact.count()).toBe(before);
    const added = await make("Νέα Εταιρεία ΑΕ");
    expect(await prisma.contact.count()).toBe(before + 1);
    expect(await prisma.contactAudit.findMany({ where: { contactId: added.contactId ?? 0 } })).toMatchObject([
      { action: "created", actor: STAFF, detail: "from a sponsorship" },
    ]);
  });

  it("asks for no thank-you letter before the sponsored event has taken place", async () => {
    const s = await make("Ζαχαροπλαστείο Β", { eventDate: "2027-01-06" });
    await service.step({ actor: MANAGER, id: s.id, action: "ask_approval" });
    const approved = await service.step({ actor: MANAGER2, id: s.id, action: "approve" });
    expect(approved).toMatchObject({ status: "done", sponsorship: { status: "committed" } });
    await service.step({ actor: STAFF, id: s.id, action: "receive" });
    expect(await greetings.statusOf("thank_you", `sponsorship:${s.id}`)).toEqual([]);
  });

  it("refuses the approval to staff and to the manager who asked; asks the other managers; tracks the letter", async () => {
    const s = await make("Τράπεζα Α");
    const asked = await service.step({ actor: MANAGER, id: s.id, action: "ask_approval" });
    expect(asked).toMatchObject({ status: "done", approvers: [MANAGER2] });
    expect(await service.step({ actor: STAFF, id: s.id, action: "approve" })).toMatchObject({
      status: "refused",
      reason: "managers_only",
    });
    expect(await service.step({ actor: MANAGER, id: s.id, action: "approve" })).toMatchObject({
      status: "refused",
      reason: "own_request",
    });
    expect(await service.step({ actor: OUTSIDER, id: s.id, action: "decline" })).toMatchObject({
      status: "refused",
      reason: "staff_only",
    });
    expect(await service.step({ actor: STAFF, id: 999_999, action: "contact" })).toEqual({ status: "not_found" });
    const approved = await service.step({ actor: MANAGER2, id: s.id, action: "approve" });
    expect(approved).toMatchObject({ status: "done", approvers: [], sponsorship: { status: "committed" } });
    expect(await service.step({ actor: MANAGER, id: s.id, action: "approve" })).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
      sponsorship: { status: "committed" },
    });
    const occasion = `sponsorship:${s.id}`;
    expect(await greetings.statusOf("thank_you", occasion)).toMatchObject([{ status: "pending" }]);

    // Received without an amount: what was pledged.
    expect(await service.checkStep({ actor: STAFF, id: s.id, action: "receive" })).toMatchObject({ status: "allowed" });
    const received = await service.step({ actor: STAFF, id: s.id, action: "receive" });
    expect(received.status === "done" && received.sponsorship.receivedAmount?.toString()).toBe("1000");
    await service.step({ actor: STAFF, id: s.id, action: "thank", note: "με επιστολή" });
    expect(await greetings.statusOf("thank_you", occasion)).toMatchObject([{ status: "sent", doneBy: STAFF }]);
    expect((await service.history(s.id)).map((h) => [h.action, h.by])).toEqual([
      ["create", STAFF],
      ["ask_approval", MANAGER],
      ["approve", MANAGER2],
      ["receive", STAFF],
      ["thank", STAFF],
    ]);
  });

  it("settles only the sponsorship's own pending benefits, adds a new one once, and refuses the others", async () => {
    const s = await make("Τράπεζα Β", { benefits: "Λογότυπο\nΑναφορά" });
    const other = await make("Τράπεζα Γ", { benefits: "Αφίσα" });
    const [first, second] = s.benefits;
    const foreign = other.benefits[0];
    const form = {
      actor: STAFF,
      id: s.id,
      done: [first?.id ?? 0, foreign?.id ?? 0],
      waived: [second?.id ?? 0],
      added: { description: "Ανάρτηση", owner: STAFF, dueOn: "2026-12-18" },
      submissionKey: "V-benefits",
    };
    expect(await service.updateBenefits({ ...form, actor: OUTSIDER })).toMatchObject({
      status: "refused",
      reason: "staff_only",
    });
    expect(await service.updateBenefits({ ...form, id: 999_999 })).toEqual({ status: "not_found" });
    const saved = await service.updateBenefits(form);
    expect(saved).toMatchObject({ status: "saved", settled: 2, added: true });
    expect(await service.updateBenefits(form)).toMatchObject({ status: "saved", settled: 0, added: false });
    expect((await service.get(s.id))?.benefits.map((b) => [b.description, b.status])).toEqual([
      ["Λογότυπο", "done"],
      ["Αναφορά", "waived"],
      ["Ανάρτηση", "pending"],
    ]);
    expect((await service.get(other.id))?.benefits.map((b) => b.status)).toEqual(["pending"]);

    await service.step({ actor: STAFF, id: other.id, action: "decline" });
    expect(await service.checkBenefits({ actor: STAFF, id: other.id })).toMatchObject({
      status: "refused",
      reason: "not_allowed_now",
    });
    expect(
      await service.updateBenefits({ actor: STAFF, id: other.id, done: [], waived: [], submissionKey: "V-declined" }),
    ).toMatchObject({ status: "refused", reason: "not_allowed_now" });
  });

  it("collects the digest's sections as data, and has nothing to say when there is nothing", async () => {
    const window: DigestWindow = {
      date: "2026-12-14",
      since: new Date("2026-12-11T06:00:00Z"),
      until: new Date("2026-12-14T06:00:00Z"),
      timeZone: "Europe/Athens",
      locale: "el",
    };
    const sections = createSponsorsDigestSections(service);
    expect(sections.map((x) => x.id)).toEqual(["sponsors-approval", "sponsors-benefits", "sponsors-thanks"]);
    const collect = (id: string) => {
      const section = sections.find((x) => x.id === id);
      if (!section) throw new Error(id);
      return buildSection(section, window);
    };
    const approval = "sponsors-approval";
    const benefits = "sponsors-benefits";
    const thanks = "sponsors-thanks";
    expect(await collect(approval)).toBeNull();
    const s = await make("Τράπεζα Δ", { benefits: "Λογότυπο" });
    await service.step({ actor: STAFF, id: s.id, action: "ask_approval" });
    expect((await collect(approval))?.summary).toBe("1 χορηγία περιμένει έγκριση.");
    await service.step({ actor: MANAGER, id: s.id, action: "approve" });
    // Τράπεζα Α (thanked) is no longer owed; Τράπεζα Δ's event (10 December) is past.
    expect((await collect(thanks))?.items.some((i) => i.includes("Τράπεζα Δ"))).toBe(true);
    expect((await collect(thanks))?.items.some((i) => i.includes("Τράπεζα Α"))).toBe(false);
    expect((await collect(benefits))?.items.some((i) => i.includes("Λογότυπο"))).toBe(true);
  });
});
