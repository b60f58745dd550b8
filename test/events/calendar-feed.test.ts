import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateEvent } from "../../src/areas/events/event-validation.js";
import { isRefused } from "../../src/areas/events/service.js";
import { ManualClock } from "../../src/lib/clock.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const TOKEN = "feed0123456789abcdefABCDEF";

describe("the events' calendar feed (HTTP mode)", () => {
  const clock = new ManualClock(new Date("2026-11-23T08:00:00Z"));
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ clock, env: { CALENDAR_FEED_TOKEN: TOKEN } });
    await t.grant("U0STAFF01", "staff");
    const types = new Set((await t.bot.services.events.types()).map((x) => x.slug));
    const add = async (title: string, startDate: string, key: string) => {
      const r = validateEvent(
        { title, typeSlug: "ceremony", startDate, startTime: "18:00", endTime: "20:00" },
        { now: clock.now(), timeZone: "Europe/Athens", knownTypes: types },
      );
      if (!r.ok) throw new Error("invalid");
      const outcome = await t.bot.services.events.create({
        draft: r.draft,
        createdBy: "U0STAFF01",
        submissionKey: key,
      });
      if (isRefused(outcome)) throw new Error("refused");
      return outcome.event;
    };
    await add("Φωταγώγηση του δέντρου", "2026-12-05", "tree");
    const cancelled = await add("Συναυλία που ακυρώθηκε", "2026-12-12", "gig");
    await t.bot.services.events.cancel(cancelled.id, "U0STAFF01", "καιρός");
  });
  afterAll(() => t?.stop());

  it("serves the events to a calendar that subscribes with the secret address", async () => {
    const res = await fetch(`${t.baseUrl}/calendar/${TOKEN}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    const events = Object.values(nodeIcal.sync.parseICS(await res.text())).filter((c) => c?.type === "VEVENT") as {
      summary: string;
      start: Date;
      status?: string;
    }[];
    const tree = events.find((e) => e.summary === "Φωταγώγηση του δέντρου");
    expect(new Date(tree?.start as Date).toISOString()).toBe("2026-12-05T16:00:00.000Z");
    expect(events.find((e) => e.summary === "Συναυλία που ακυρώθηκε")?.status).toBe("CANCELLED");
  });

  it("carries every event of its window, however many (a month back, a year ahead, cancelled ones too)", async () => {
    const type = "ceremony";
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000); // from 1 Nov 2026, within the window
    await t.database.db.prisma.event.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        title: `Εκδήλωση αρ. ${i + 1}`,
        typeSlug: type,
        startsAt: new Date(day(i).getTime() + 16 * 3_600_000),
        endsAt: new Date(day(i).getTime() + 18 * 3_600_000),
        responsible: [],
        languages: [],
        createdBy: "U0STAFF01",
        ...(i % 10 === 0 ? { status: "cancelled" as const } : {}),
      })),
    });
    // Outside the window: two months back, and more than a year ahead.
    await t.database.db.prisma.event.createMany({
      data: [new Date("2026-09-20T16:00:00Z"), new Date("2027-12-20T16:00:00Z")].map((startsAt) => ({
        title: "Εκτός παραθύρου",
        typeSlug: type,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        responsible: [],
        languages: [],
        createdBy: "U0STAFF01",
      })),
    });
    const res = await fetch(`${t.baseUrl}/calendar/${TOKEN}.ics`);
    expect(res.status).toBe(200);
    const events = Object.values(nodeIcal.sync.parseICS(await res.text())).filter((c) => c?.type === "VEVENT") as {
      summary: string;
      status?: string;
    }[];
    const numbered = events.filter((e) => e.summary.startsWith("Εκδήλωση αρ. "));
    expect(new Set(numbered.map((e) => e.summary)).size).toBe(150);
    expect(numbered.filter((e) => e.status === "CANCELLED")).toHaveLength(15);
    expect(events.filter((e) => e.summary === "Εκτός παραθύρου")).toHaveLength(0);
    expect(events).toHaveLength(152); // and the two of the set-up
  });

  it("answers 404 to any other address", async () => {
    for (const path of [`/calendar/${TOKEN.slice(1)}.ics`, "/calendar/x.ics", `/calendar/${TOKEN}`]) {
      expect((await fetch(`${t.baseUrl}${path}`)).status, path).toBe(404);
    }
  });
});
