// An event's partner through the running app: the form's partner select is answered from the
// partners' search (in Greeklish too; nothing for someone without the staff role), a forged partner
// id is refused under its field and stores nothing, the card names the partner with a button that
// opens the partner's card, whose timeline lists the event, and the edit form shows it chosen.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0EVPSTAF";
const NOBODY = "U0EVPNOBO";
const PR = "C0PRESS01";

describe("an event's partner", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let t: TestBot;
  let partnerId: number;

  beforeAll(async () => {
    t = await startTestBot({ clock, env: { PR_CHANNEL_ID: PR } });
    await t.grant(STAFF, "staff");
    const prisma = t.database.db.prisma;
    partnerId = (
      await prisma.partner.create({
        data: {
          kind: "twinned_city",
          nameEl: "Φαέντσα",
          nameLatin: "Faenza",
          country: "IT",
          languages: ["it"],
          createdBy: STAFF,
        },
      })
    ).id;
    await prisma.partner.create({
      data: { kind: "university", nameEl: "Πανεπιστήμιο Νις", country: "RS", languages: ["sr"], createdBy: STAFF },
    });
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
  });

  async function suggest(userId: string, value: string) {
    const res = await t.slack.interactive({
      type: "block_suggestion",
      team: { id: "T0001", domain: "grafeio-test" },
      user: { id: userId, name: userId.toLowerCase(), team_id: "T0001" },
      api_app_id: "A0001",
      token: "legacy-verification-token",
      action_id: "event_partner",
      block_id: "partnerId",
      value,
      container: { type: "view", view_id: "V0001" },
      view: { id: "V0001", type: "modal", callback_id: "event_modal" },
    });
    expect(res.status).toBe(200);
    return (res.json().options ?? []) as Json[];
  }

  const form = (partner: string | null) => ({
    title: { value: { type: "plain_text_input", value: "Επίσκεψη αντιπροσωπείας της Φαέντσας" } },
    typeSlug: { value: { type: "static_select", selected_option: { value: "ceremony" } } },
    startDate: { value: { type: "datepicker", selected_date: "2026-12-10" } },
    startTime: { value: { type: "timepicker", selected_time: "11:00" } },
    endDate: { value: { type: "datepicker", selected_date: null } },
    endTime: { value: { type: "timepicker", selected_time: "13:00" } },
    allDay: { value: { type: "checkboxes", selected_options: [] } },
    venue: { value: { type: "plain_text_input", value: "Δημαρχείο" } },
    organiser: { value: { type: "plain_text_input", value: null } },
    responsible: { value: { type: "multi_users_select", selected_users: [] } },
    expectedAttendance: { value: { type: "plain_text_input", value: null } },
    languages: { value: { type: "multi_static_select", selected_options: [] } },
    partnerId: { event_partner: { type: "external_select", selected_option: partner ? { value: partner } : null } },
    relatedOrganisation: { value: { type: "plain_text_input", value: null } },
    notes: { value: { type: "plain_text_input", value: null } },
    pastRecord: { value: { type: "checkboxes", selected_options: [] } },
  });

  it("offers the partners found by what is typed, in Greeklish too, and nothing to someone without the role", async () => {
    const found = await suggest(STAFF, "faentsa");
    expect(found.map((o) => o.value)).toEqual([String(partnerId)]);
    expect(JSON.stringify(found)).toContain("Φαέντσα (Faenza)");
    expect(await suggest(NOBODY, "faentsa")).toEqual([]);
  });

  let eventId: number;
  it("stores the chosen partner, refuses a forged one under its field, and links the card to the partner's", async () => {
    const triggerId = t.fake.triggerId();
    await t.slack.command({ command: "/event", text: "", userId: STAFF, triggerId, channelId: PR });
    const view = (await t.fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId)).response.view as Json;
    expect(JSON.stringify(view.blocks)).toContain('"action_id":"event_partner"');

    const forged = (await t.slack.viewSubmission({ view, userId: STAFF, values: form("999999") })).json() as Json;
    expect(String((forged.errors as Json).partnerId)).toContain("φορέας");
    const garbage = (await t.slack.viewSubmission({ view, userId: STAFF, values: form("1; DROP") })).json() as Json;
    expect((garbage.errors as Json).partnerId).toBeDefined();
    expect(await t.database.db.prisma.event.count()).toBe(0);

    await t.slack.viewSubmission({ view, userId: STAFF, values: form(String(partnerId)) });
    const posted = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === PR);
    const stored = await t.database.db.prisma.event.findFirstOrThrow();
    eventId = stored.id;
    expect(stored.partnerId).toBe(partnerId);
    const blocks = JSON.stringify(posted.args.blocks);
    expect(blocks).toContain("Φαέντσα (Faenza)");
    const button = (
      (posted.args.blocks as Json[]).flatMap((b) => (b.elements as Json[] | undefined) ?? []) as Json[]
    ).find((e) => e.action_id === "partner_open");
    expect(button?.value).toBe(String(partnerId));
  });

  it("opens the partner's card from the event's, its timeline listing the event", async () => {
    await t.slack.blockAction({ userId: STAFF, actionId: "partner_open", value: String(partnerId), channelId: PR });
    const card = await t.fake.waitFor("chat.postEphemeral", (c) =>
      JSON.stringify(c.args.blocks ?? []).includes("partner_menu"),
    );
    expect(JSON.stringify(card.args.blocks)).toContain("Επίσκεψη αντιπροσωπείας της Φαέντσας");
    expect(JSON.stringify(card.args.blocks)).toContain(`#${eventId}`);
  });

  it("shows the partner chosen when the event is corrected", async () => {
    const before = t.fake.calls.length;
    await t.slack.blockAction({ userId: STAFF, actionId: "event_edit", value: String(eventId), channelId: PR });
    const view = (await t.fake.waitFor("views.open", () => true, 30_000, before)).response.view as Json;
    const block = (view.blocks as Json[]).find((b) => b.block_id === "partnerId") as Json;
    expect(((block.element as Json).initial_option as Json).value).toBe(String(partnerId));
  });
});
