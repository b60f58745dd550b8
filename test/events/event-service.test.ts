// The service refuses whoever may not work on events, as a value, and changes nothing for them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateEvent } from "../../src/areas/events/event-validation.js";
import { buildEventService, type EventService } from "../../src/areas/events/service.js";
import { createEventStore } from "../../src/areas/events/store.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const STAFF = "U0STAFF01";
const STRANGER = "U0GUEST01";
const refused = { status: "refused", reason: "noPermission" };

describe("the events' service", () => {
  const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
  let database: TestDatabase;
  let events: EventService;
  beforeAll(async () => {
    database = await createTestDatabase();
    const roles = createRoleService({ prisma: database.db.prisma });
    await roles.grantRole({ slackUserId: STAFF, role: "staff", grantedBy: "test" });
    events = buildEventService({
      store: createEventStore(database.db.prisma),
      roles,
      clock,
      timeZone: "Europe/Athens",
    });
  });
  afterAll(() => database?.dispose());

  it("refuses a person without the staff role, and stores nothing of theirs", async () => {
    const r = validateEvent(
      { title: "Συναυλία", typeSlug: "ceremony", startDate: "2026-12-10", startTime: "20:00", endTime: "22:00" },
      { now: clock.now(), timeZone: "Europe/Athens", knownTypes: new Set(["ceremony"]) },
    );
    if (!r.ok) throw new Error("invalid");
    expect(await events.create({ draft: r.draft, createdBy: STRANGER, submissionKey: "a" })).toEqual(refused);
    expect(await database.db.prisma.event.count()).toBe(0);

    const created = await events.create({ draft: r.draft, createdBy: STAFF, submissionKey: "b" });
    if (created.status === "refused") throw new Error("refused staff");
    const id = created.event.id;
    const [item] = await events.checklist(id);
    if (!item) throw new Error("no checklist");

    expect(await events.cancel(id, STRANGER, "όχι")).toEqual(refused);
    expect(await events.settleItem(item.id, "done", STRANGER)).toEqual(refused);
    expect(await events.reassignItem(STRANGER, item.id, { owner: STRANGER, dueOn: "2026-12-01" })).toEqual(refused);
    expect(await events.update(STRANGER, id, { ...r.draft, title: "Άλλο" })).toEqual(refused);
    expect(await events.invite(id, ["Κάποιος"], STRANGER)).toEqual(refused);
    expect(await events.addFeedback({ eventId: id, by: STRANGER, wentWell: "όλα" })).toEqual(refused);
    expect(
      await events.addGift({
        eventId: id,
        what: "Βιβλίο",
        forWhom: "Πρέσβης",
        costCents: null,
        addedBy: STRANGER,
        submissionKey: "g",
      }),
    ).toEqual(refused);
    expect(await events.giftsOfYear(STRANGER, 2026)).toEqual(refused);
    // What a person opens of an event is theirs to see only as staff.
    expect(await events.eventFor(STRANGER, id)).toEqual(refused);
    expect(await events.checklistFor(STRANGER, id)).toEqual(refused);
    expect(await events.guestsFor(STRANGER, id)).toEqual(refused);
    expect(await events.invitationsFor(STRANGER, id)).toEqual(refused);
    expect(await events.giftsFor(STRANGER, id)).toEqual(refused);
    expect(await events.eventFor(STAFF, id)).toMatchObject({ id, title: "Συναυλία" });
    const checklist = await events.checklistFor(STAFF, id);
    expect(checklist).toMatchObject({ event: { id } });
    expect(checklist && "shown" in checklist ? checklist.shown.map((i) => i.id) : []).toContain(item.id);
    expect(await events.eventFor(STAFF, 999_999)).toBeNull();

    expect(await events.get(id)).toMatchObject({ status: "scheduled", title: "Συναυλία" });
    expect(await events.checklistItem(item.id)).toMatchObject({ status: "open", owner: item.owner });
    expect(await events.invitations(id)).toEqual([]);
    expect(await events.feedbackFor(id)).toEqual([]);
    expect(await events.giftsOf(id)).toEqual([]);
    expect(await events.cancel(id, STAFF, "καιρός")).toMatchObject({ status: "cancelled" });
  });
});
