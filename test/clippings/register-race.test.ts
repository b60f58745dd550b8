// Two deliveries of one submission at the same moment, in the exact order that once turned the
// second into a "duplicate link" warning about the user's own clipping: B looks for its submission
// (nothing yet), then A stores it and commits, then B goes on. Real PostgreSQL; PGlite runs one
// transaction at a time, so there this interleaving cannot happen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClippingService } from "../../src/areas/clippings/clipping-service.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { createRoleService } from "../../src/areas/users/roles.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { ManualClock } from "../../src/lib/clock.js";
import { validClip } from "../support/clip-form.js";
import { createTestDatabase, type TestDatabase, testEngine } from "../support/database.js";

describe.skipIf(testEngine !== "postgres")("a second delivery racing the first", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.dispose());

  it("is the same submission, not a duplicate link, and stores nothing more", async () => {
    const clock = new ManualClock(new Date("2026-11-22T08:00:00Z"));
    const r = validateClipping(
      { ...validClip, url: "https://example.gr/race" },
      { today: "2026-11-22", knownTopicIds: new Set() },
    );
    if (!r.ok) throw new Error("invalid draft");
    const first = createClippingService({
      prisma: t.db.prisma,
      clock,
      timeZone: "Europe/Athens",
      roles: createRoleService({ prisma: t.db.prisma }),
    });

    let arrived: () => void = () => {};
    const atGate = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = false;
    // The real query runs; only the moment B goes on is chosen.
    const heldPrisma = t.db.prisma.$extends({
      query: {
        clipping: {
          async findUnique({ args, query }) {
            const result = await query(args);
            if (!held && (args.where as { submissionKey?: string }).submissionKey === "race-view") {
              held = true;
              arrived();
              await gate;
            }
            return result;
          },
        },
      },
    }) as unknown as PrismaClient;
    const second = createClippingService({
      prisma: heldPrisma,
      clock,
      timeZone: "Europe/Athens",
      roles: createRoleService({ prisma: t.db.prisma }),
    });

    const b = second.createClipping({ draft: r.draft, createdBy: "U0STAFF01", submissionKey: "race-view" });
    await atGate; // B looked for its submission and found nothing
    const a = await first.createClipping({ draft: r.draft, createdBy: "U0STAFF01", submissionKey: "race-view" });
    release();
    expect(a.status).toBe("created");
    expect((await b).status).toBe("already_stored");
    expect(await t.db.prisma.clipping.count({ where: { submissionKey: "race-view" } })).toBe(1);
  });
});
