// The greetings' service decides from the actor: only staff record what became of a greeting, for
// a contact that is in the archive, and the first answer stands.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactService } from "../../src/areas/contacts/contact-service.js";
import { createContactStore } from "../../src/areas/contacts/contact-store.js";
import { createGreetingService, type GreetingService } from "../../src/areas/office-calendar/greeting-service.js";
import { createGreetingStore } from "../../src/areas/office-calendar/greeting-store.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { contactDraft } from "../support/factories.js";

const STAFF = "U0STAFF01";
const COLLEAGUE = "U0STAFF02";
const STRANGER = "U0GUEST01";

describe("recording a greeting", () => {
  const clock = new ManualClock(new Date("2026-12-06T08:00:00Z"));
  let database: TestDatabase;
  let greetings: GreetingService;
  let contactId: number;
  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.db.prisma;
    const roles = createRoleService({ prisma });
    await roles.ensureRoleHolders([STAFF, COLLEAGUE], "staff");
    const contacts = createContactService({ store: createContactStore({ prisma, clock }), roles });
    greetings = createGreetingService({ store: createGreetingStore(prisma), clock, roles, contacts });
    const made = await contacts.create({ draft: contactDraft({ nameEl: "Νικόλαος Ρήγας" }), createdBy: STAFF });
    contactId = made.contact.id;
  });
  afterAll(() => database?.dispose());

  const wishes = (by: string, id = contactId) =>
    greetings.record({ contactId: id, kind: "name_day", occasion: "2026-12-06", outcome: "sent", by });

  it("refuses whoever is not staff, as a value, and records nothing", async () => {
    expect(await wishes(STRANGER)).toEqual({ status: "refused", reason: "staff_only" });
    expect(await database.db.prisma.greeting.count()).toBe(0);
  });

  it("says when the contact is not in the archive", async () => {
    expect(await wishes(STAFF, 999_999)).toEqual({ status: "not_found" });
  });

  it("lets staff correct a contact's vocative once, for every greeting after; empty goes back to the grammar", async () => {
    const correct = (vocative: string, by = STAFF) => greetings.correctVocative({ contactId, vocative, by });
    expect(await correct("Νίκο Ρήγα", STRANGER)).toEqual({ status: "refused", reason: "staff_only" });
    expect(await correct("  Νίκο   Ρήγα ")).toEqual({ status: "set" });
    expect(await correct("Νίκο Ρήγα")).toEqual({ status: "unchanged" });
    const stored = await database.db.prisma.contact.findUnique({ where: { id: contactId } });
    expect(stored?.vocative).toBe("Νίκο Ρήγα");
    expect(await correct("")).toEqual({ status: "set" });
    expect((await database.db.prisma.contact.findUnique({ where: { id: contactId } }))?.vocative).toBeNull();
    expect(await greetings.correctVocative({ contactId: 999_999, vocative: "x", by: STAFF })).toEqual({
      status: "not_found",
    });
  });

  it("records staff's answer once: the first stands", async () => {
    expect(await wishes(STAFF)).toMatchObject({ status: "recorded", greeting: { doneBy: STAFF, recordedNow: true } });
    expect(await wishes(COLLEAGUE)).toMatchObject({
      status: "recorded",
      greeting: { doneBy: STAFF, recordedNow: false },
    });
    expect(await database.db.prisma.greeting.count()).toBe(1);
  });
});
