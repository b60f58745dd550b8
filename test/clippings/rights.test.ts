// Who may change a clipping is decided by the service from the actor's role as it is now: a staff
// member whose role was taken away no longer corrects or withdraws even their own entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClippingsServices } from "../../src/areas/clippings/index.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import { ManualClock } from "../../src/lib/clock.js";
import { validClip } from "../support/clip-form.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const AUTHOR = "U0STAFF01";
const MANAGER = "U0MANAG01";

describe("changing a clipping", () => {
  const clock = new ManualClock(new Date("2026-11-22T08:00:00Z"));
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.dispose());

  it("refuses its author once their staff role is revoked; a manager still may", async () => {
    const prisma = t.db.prisma;
    const roles = createRoleService({ prisma });
    await roles.ensureRoleHolders([AUTHOR], "staff");
    await roles.ensureRoleHolders([MANAGER], "manager");
    const { clippings } = createClippingsServices({
      prisma,
      reader: t.db.reader,
      clock,
      timeZone: "Europe/Athens",
      roles,
    });
    const r = validateClipping(
      { ...validClip, url: "https://example.gr/rights" },
      { today: "2026-11-22", knownTopicIds: new Set() },
    );
    if (!r.ok) throw new Error("invalid draft");
    const made = await clippings.createClipping({ draft: r.draft, createdBy: AUTHOR, submissionKey: "rights" });
    if (made.status !== "created") throw new Error(made.status);
    const id = made.clipping.id;
    const corrected = { ...r.draft, title: "Διορθωμένος τίτλος" };
    expect(await clippings.updateClipping({ id, draft: corrected, by: AUTHOR, version: 0 })).toMatchObject({
      status: "updated",
    });

    expect(await roles.revokeRole({ slackUserId: AUTHOR, role: "staff", revokedBy: "U0ADMIN01" })).toBe("revoked");
    const refused = { status: "refused", reason: "not_yours" };
    expect(await clippings.openForChange(id, AUTHOR)).toEqual(refused);
    expect(
      await clippings.updateClipping({ id, draft: { ...r.draft, title: "Πάλι" }, by: AUTHOR, version: 0 }),
    ).toEqual(refused);
    expect(await clippings.withdrawClipping({ id, by: AUTHOR, reason: "λάθος" })).toEqual(refused);
    const stored = await prisma.clipping.findUniqueOrThrow({ where: { id } });
    expect(stored.title).toBe("Διορθωμένος τίτλος");
    expect(stored.withdrawnAt).toBeNull();

    expect(await clippings.withdrawClipping({ id, by: MANAGER, reason: "διπλή" })).toMatchObject({
      status: "withdrawn",
    });
  });
});
