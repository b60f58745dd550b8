// Each person's time zone (Slack's profile `tz`) kept in the database: a restart neither loses it
// nor asks Slack again while it is fresh; a stale one is asked again within users.info's budget.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTimeZoneService, FRESH_MS, LOOKUPS_PER_MINUTE } from "../../src/areas/users/time-zone.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const OFFICE = "Europe/Athens";

describe("a person's time zone, kept in the users table", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.dispose());

  /** A bot process: its own service (no memory of another's), asking a Slack that counts the asks. */
  function process(clock: ManualClock, zones: Map<string, string | undefined>) {
    const asked: string[] = [];
    const service = createTimeZoneService({
      prisma: database.db.prisma,
      clock,
      timeZone: OFFICE,
      lookup: async (user) => {
        asked.push(user);
        return zones.get(user);
      },
    });
    return { service, asked };
  }

  it("is asked of Slack once, survives a restart without asking again while fresh, and is asked again once stale", async () => {
    const clock = new ManualClock(new Date("2026-12-01T07:00:00Z"));
    const zones = new Map([["U0TZKEPT01", "Europe/Brussels"]]);
    const first = process(clock, zones);
    expect(await first.service.resolve("U0TZKEPT01")).toBe("Europe/Brussels");
    expect(await first.service.resolve("U0TZKEPT01")).toBe("Europe/Brussels");
    expect(first.asked).toEqual(["U0TZKEPT01"]);
    const row = await database.db.prisma.user.findUniqueOrThrow({ where: { slackUserId: "U0TZKEPT01" } });
    expect(row).toMatchObject({ slackTz: "Europe/Brussels" });

    // The bot restarted an hour later: the stored zone, no users.info.
    clock.set(new Date("2026-12-01T08:00:00Z"));
    const second = process(clock, zones);
    expect(await second.service.resolve("U0TZKEPT01")).toBe("Europe/Brussels");
    expect(second.asked).toEqual([]);

    // Stale: asked again, and a new zone (the colleague flew to Lisbon) is kept.
    clock.set(new Date(new Date("2026-12-01T07:00:00Z").getTime() + FRESH_MS + 60_000));
    zones.set("U0TZKEPT01", "Europe/Lisbon");
    expect(await second.service.resolve("U0TZKEPT01")).toBe("Europe/Lisbon");
    expect(second.asked).toEqual(["U0TZKEPT01"]);
    const third = process(clock, zones);
    expect(await third.service.resolve("U0TZKEPT01")).toBe("Europe/Lisbon");
    expect(third.asked).toEqual([]);
  });

  it("keeps the stored zone when Slack does not answer, and gives the office's to someone Slack never told of", async () => {
    const clock = new ManualClock(new Date("2026-12-02T07:00:00Z"));
    const zones = new Map<string, string | undefined>([["U0TZGONE01", "Asia/Shanghai"]]);
    const p = process(clock, zones);
    expect(await p.service.resolve("U0TZGONE01")).toBe("Asia/Shanghai");
    clock.set(new Date(clock.now().getTime() + FRESH_MS + 60_000));
    zones.set("U0TZGONE01", undefined); // users.info fails
    expect(await p.service.resolve("U0TZGONE01")).toBe("Asia/Shanghai");
    expect(await p.service.resolve("U0TZNONE01")).toBe(OFFICE);
    // An unknown zone from Slack is the office's, and is not taken for a zone.
    zones.set("U0TZBAD001", "Mars/Olympus");
    expect(await p.service.resolve("U0TZBAD001")).toBe(OFFICE);
  });

  it("asks Slack one person at a time, once per person, and no more than its budget a minute", async () => {
    const clock = new ManualClock(new Date("2026-12-03T07:00:00Z"));
    const people = Array.from({ length: LOOKUPS_PER_MINUTE + 10 }, (_, i) => `U0TZMANY${String(i).padStart(2, "0")}`);
    const zones = new Map(people.map((u) => [u, "Europe/London"] as const));
    // Everyone was read before, long ago (a bot stopped for a week).
    for (const u of people)
      await database.db.prisma.user.create({
        data: { slackUserId: u, slackTz: "Europe/Brussels", slackTzAt: new Date("2026-11-20T07:00:00Z") },
      });
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    const service = createTimeZoneService({
      prisma: database.db.prisma,
      clock,
      timeZone: OFFICE,
      lookup: async (user) => {
        asked.push(user);
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return zones.get(user);
      },
    });
    // A job's fan-out asks for everyone at once, and for the first person twice.
    const zonesNow = await Promise.all([people[0] as string, ...people].map((u) => service.resolve(u)));
    expect(most).toBe(1);
    expect(asked).toHaveLength(LOOKUPS_PER_MINUTE);
    expect(new Set(asked).size).toBe(LOOKUPS_PER_MINUTE);
    // Those over the budget keep their stored zone for now; those asked have Slack's.
    expect(zonesNow.filter((z) => z === "Europe/London")).toHaveLength(LOOKUPS_PER_MINUTE + 1);
    expect(zonesNow.filter((z) => z === "Europe/Brussels")).toHaveLength(10);
    // A minute later the budget is back: the rest are asked, and the fresh ones are not.
    clock.set(new Date("2026-12-03T07:01:00Z"));
    for (const u of people) await service.resolve(u);
    expect(asked).toHaveLength(LOOKUPS_PER_MINUTE + 10);
  });

  it("takes Slack's profile change for someone it knows, fresh from then, and keeps nothing of a stranger", async () => {
    const clock = new ManualClock(new Date("2026-12-04T07:00:00Z"));
    const zones = new Map([["U0TZMOVE01", "Europe/Athens"]]);
    const p = process(clock, zones);
    expect(await p.service.resolve("U0TZMOVE01")).toBe("Europe/Athens");
    expect(await p.service.changed("U0TZMOVE01", "Europe/Brussels")).toBe(true);
    expect(await p.service.resolve("U0TZMOVE01")).toBe("Europe/Brussels");
    expect(p.asked).toEqual(["U0TZMOVE01"]);
    expect(await p.service.changed("U0TZSTRAN1", "Europe/Brussels")).toBe(false);
    expect(await database.db.prisma.user.count({ where: { slackUserId: "U0TZSTRAN1" } })).toBe(0);
  });
});
