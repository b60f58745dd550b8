// The press intake on the Home of those who review its proposals: how many wait, the oldest
// first, each linked to its message in the press channel; nothing for staff who never review them
// nor for someone without the staff role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPressIntakeServices } from "../../src/areas/press-intake/index.js";
import { createIntakeHomeSource } from "../../src/areas/press-intake/intake-home.js";
import { ManualClock } from "../../src/lib/clock.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const REVIEWER = "U0PIHOME01";
const OTHER_STAFF = "U0PIHOME02";
const NOBODY = "U0PIHOME03";
const LONG_AGO = "U0PIHOME04";

describe("the proposals waiting, on a reviewer's Home", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.dispose());

  it("counts and links what waits for those who review, oldest first, and shows nothing to anyone else", async () => {
    const prisma = database.db.prisma;
    const staff = new Set([REVIEWER, OTHER_STAFF, LONG_AGO]);
    const { intake } = createPressIntakeServices({
      prisma,
      clock: new ManualClock(new Date("2026-12-02T08:00:00Z")),
      timeZone: "Europe/Athens",
      roles: { hasRole: async (u, role) => role === "staff" && staff.has(u) },
      fetcher: { fetchText: async () => ({ ok: false, reason: "refused" }) as never },
      register: {
        termsMatching: async () => [],
        registeredLinks: async () => [],
        clippingById: async () => null,
        findClippings: async () => [],
      },
      schedule: { updateSetting: async () => undefined },
      watched: { listWatchTerms: async () => [], listActiveTopics: async () => [] },
    });
    const item = (n: number, data: Record<string, unknown>) => ({
      urlKey: `example.gr/${n}`,
      url: `https://example.gr/${n}`,
      title: `Άρθρο ${n}`,
      titleWords: "",
      outlet: "Καθημερινή",
      excerpt: "",
      matchedTerms: [],
      ...data,
    });
    await prisma.pressItem.createMany({
      data: [
        // Decided: the reviewer's last week, the other one's four months ago.
        item(1, { status: "dismissed", decidedBy: REVIEWER, decidedAt: new Date("2026-11-25T09:00:00Z") }),
        item(2, { status: "logged", decidedBy: LONG_AGO, decidedAt: new Date("2026-08-01T09:00:00Z") }),
        // Waiting in the channel, posted on different days; one not posted yet; a duplicate.
        ...Array.from({ length: 10 }, (_, i) =>
          item(10 + i, {
            title: i === 0 ? "Ο <!channel> & ο δήμαρχος" : `Άρθρο ${10 + i}`,
            channelId: "CPRESS001",
            messageTs: `176460000${i}.000100`,
            postedAt: new Date(Date.UTC(2026, 11, 1, 6, 0) - (10 - i) * 86400_000),
          }),
        ),
        item(30, {}),
        item(31, { status: "duplicate", channelId: "CPRESS001", postedAt: new Date("2026-11-20T06:00:00Z") }),
      ],
    });
    const source = createIntakeHomeSource(intake);
    const window = (actor: string, locale: "el" | "en" = "el") => ({
      actor,
      today: "2026-12-02",
      weekEnd: "2026-12-08",
      timeZone: "Europe/Athens",
      locale,
    });

    const mine = await source.collect(window(REVIEWER));
    expect(mine?.items).toBeUndefined();
    expect(mine?.notice?.title).toBe("Προτάσεις από τις ειδήσεις: 10 περιμένουν απόφαση");
    const lines = mine?.notice?.lines ?? [];
    expect(lines).toHaveLength(9); // the oldest eight, and the rest counted
    expect(lines[0]).toBe(
      "• <https://slack.com/archives/CPRESS001/p1764600000000100|Ο &lt;!channel&gt; &amp; ο δήμαρχος> · Καθημερινή · 21/11/2026",
    );
    expect(lines[7]).toContain("Άρθρο 17");
    expect(lines[8]).toBe("…και 2 ακόμη στο κανάλι.");
    expect((await source.collect(window(REVIEWER, "en")))?.notice?.title).toBe(
      "News proposals: 10 wait for a decision",
    );

    expect(await source.collect(window(OTHER_STAFF))).toBeNull(); // staff who never reviewed
    expect(await source.collect(window(LONG_AGO))).toBeNull(); // not within 90 days
    expect(await source.collect(window(NOBODY))).toBeNull(); // not staff

    // Once they are decided, the notice goes.
    await prisma.pressItem.updateMany({ where: { status: "proposed" }, data: { status: "dismissed" } });
    expect(await source.collect(window(REVIEWER))).toBeNull();
  });
});
