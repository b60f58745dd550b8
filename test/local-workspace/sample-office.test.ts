// The sample office, through the areas' own services on the real engine: every area gets
// something to show (events with checklists, sponsorships at each step, translations, letters,
// partners, an agreement with obligations), and a second fill adds and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/lib/clock.js";
import { fillSampleOffice } from "../../src/local-workspace/sample-office.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

describe("the sample office", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
    await t.grant("ULOCSTAFF", "staff");
    await t.grant("ULOCTRANS", "staff");
    await t.grant("ULOCMANAGER", "manager");
  });
  afterAll(() => t?.stop());

  it("fills every area once, through the services, whatever the number of fills", async () => {
    const said = await fillSampleOffice(t.bot.services, systemClock, t.config.timeZone);
    expect(said).toMatch(
      /18 clippings .* 7 contacts .* 3 events .* 5 sponsorships .* 3 translation requests, 4 letters, 2 partners and 1 agreement/,
    );
    const { prisma } = t.database.db;
    const snapshot = async () => ({
      clippings: await prisma.clipping.count(),
      contacts: await prisma.contact.count(),
      events: await prisma.event.findMany({ select: { title: true }, orderBy: { id: "asc" } }),
      checklist: await prisma.eventChecklistItem.findMany({ select: { owner: true, status: true } }),
      sponsorships: (await prisma.sponsorship.findMany({ select: { status: true } })).map((s) => s.status).sort(),
      translations: (await prisma.translationRequest.findMany({ select: { status: true, assignee: true } })).sort(
        (a, b) => a.status.localeCompare(b.status),
      ),
      letters: await prisma.letter.count(),
      partners: await prisma.partner.count(),
      agreements: await prisma.agreement.count(),
      obligations: await prisma.obligation.findMany({ select: { owner: true, description: true } }),
    });
    const first = await snapshot();
    expect(first.events).toHaveLength(3);
    // Each event has its type's checklist, given to the staff member responsible.
    expect(first.checklist.length).toBeGreaterThanOrEqual(3);
    expect(first.checklist.every((i) => i.owner === "ULOCSTAFF" && i.status === "open")).toBe(true);
    expect(first.sponsorships).toEqual(["awaiting_approval", "committed", "contacted", "prospect", "thanked"]);
    expect(first.translations).toEqual([
      { status: "assigned", assignee: "ULOCTRANS" },
      { status: "in_progress", assignee: "ULOCTRANS" },
      { status: "requested", assignee: null },
    ]);
    expect(first.letters).toBe(4);
    expect(first.partners).toBe(2);
    expect(first.agreements).toBe(1);
    expect(first.obligations).toHaveLength(2);

    expect(await fillSampleOffice(t.bot.services, systemClock, t.config.timeZone)).toBe(
      "The sample office is already there.",
    );
    expect(await snapshot()).toEqual(first);
  });
});
