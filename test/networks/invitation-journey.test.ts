// An invitation registered with /letter becomes a meeting, through the running app: the letter's
// menu opens the networks' form filled in from it; submitted twice (a Slack retry), one meeting,
// which keeps the letter; the letter then says so and its menu shows that meeting instead of a
// second form; the meeting's card links back to the letter; a forged letter id changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/lib/clock.js";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const CHANNEL = "C0INTL001";

const text = (x?: string) => ({ value: { type: "plain_text_input", value: x ?? null } });
const date = (x?: string) => ({ value: { type: "datepicker", selected_date: x ?? null } });

describe("an invitation becomes a meeting in Slack", () => {
  // Tuesday 1 December 2026, 10:00 in Athens.
  const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
  let t: TestBot;
  let letterId: number;
  let networkId: number;
  beforeAll(async () => {
    t = await startTestBot({ clock });
    await t.grant(STAFF, "staff");
    const s = t.bot.services;
    const network = await s.networks.createNetwork({ actor: STAFF, input: { name: "Eurocities" }, submissionKey: "n" });
    if (network.status !== "created") throw new Error(network.status);
    networkId = network.network.id;
    const letter = await s.letters.create({
      draft: {
        direction: "incoming",
        kind: "invitation",
        letterDate: "2026-11-25",
        counterpart: "Eurocities Brussels",
        country: "BE",
        subject: "Culture Forum in Lyon <!channel>",
        language: "en",
        documentUrl: null,
        translationRequestId: null,
        dueOn: "2026-12-10",
        briefing: null,
      },
      createdBy: STAFF,
      submissionKey: "l1",
    });
    if (letter.status !== "created") throw new Error(letter.status);
    letterId = letter.letter.id;
  });
  afterAll(() => t?.stop());
  afterEach(async () => {
    expect(await t.bot.inFlight.drain(5000)).toBe(true);
  });

  const said = (needle: string, after = 0) =>
    Promise.race(
      ["response_url", "chat.postEphemeral", "chat.postMessage"].map((method) =>
        t.fake.waitFor(method, (c) => JSON.stringify(c.args).includes(needle), 30_000, after),
      ),
    );
  const menu = (value: string) =>
    t.slack.overflowAction({ userId: STAFF, actionId: "letter_menu", value, channelId: CHANNEL });

  it("opens the networks' form from the letter's menu, filled in; one meeting on a retry, keeping the letter", async () => {
    await t.slack.command({ command: "/letter", text: "Eurocities", userId: STAFF, channelId: CHANNEL });
    await said(`meeting:${letterId}`);

    await menu(`meeting:${letterId}`);
    const view = (
      await t.fake.waitFor("views.open", (c) => (c.args.view as Json)?.callback_id === "network_meeting_modal")
    ).response.view as Json;
    const element = (id: string) => ((view.blocks as Json[]).find((b) => b.block_id === id) as Json).element as Json;
    expect((element("host").initial_option as Json).value).toBe(`network:${networkId}`);
    expect(element("title").initial_value).toBe("Culture Forum in Lyon <!channel>");
    expect(element("registrationDeadline").initial_date).toBe("2026-12-10");

    const values = {
      host: { value: { type: "static_select", selected_option: { value: `network:${networkId}` } } },
      title: text("Culture Forum in Lyon <!channel>"),
      startsOn: date("2026-12-14"),
      endsOn: date(),
      place: text("Lyon"),
      online: { value: { type: "checkboxes", selected_options: [] } },
      agenda: text(),
      registrationDeadline: date("2026-12-10"),
    };
    await t.slack.viewSubmission({ view, userId: STAFF, values });
    await t.slack.viewSubmission({ view, userId: STAFF, values });
    const card = await t.fake.waitFor("chat.postEphemeral", (c) =>
      JSON.stringify(c.args.blocks ?? []).includes("letter_open"),
    );
    expect(JSON.stringify(card.args)).toContain("2026/0001");
    expect(JSON.stringify(card.args)).not.toContain("<!channel>");
    const meetings = await t.database.db.prisma.networkMeeting.findMany();
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ letterId, networkId, title: "Culture Forum in Lyon <!channel>" });
  });

  it("the letter then says which meeting it became and shows it instead of a second form; the card links back", async () => {
    const meetingId = (await t.database.db.prisma.networkMeeting.findFirstOrThrow()).id;
    const opened = t.fake.calls.filter((c) => c.method === "views.open").length;
    let before = t.fake.calls.length;
    await menu(`meeting:${letterId}`);
    await said("network_meeting_menu", before);
    expect(t.fake.calls.filter((c) => c.method === "views.open")).toHaveLength(opened);

    before = t.fake.calls.length;
    await t.slack.blockAction({ userId: STAFF, actionId: "letter_open", value: String(letterId), channelId: CHANNEL });
    const entry = await said("letter_menu", before);
    expect(JSON.stringify(entry.args)).toContain(`#${meetingId}`);
    expect(JSON.stringify(entry.args)).not.toContain("<!channel>");

    // A forged letter id: told it is not there, no form, nothing stored.
    before = t.fake.calls.length;
    await menu("meeting:999999");
    await said("πρωτόκολλο", before);
    await t.slack.blockAction({ userId: STAFF, actionId: "letter_open", value: "abc", channelId: CHANNEL });
    await said("επίκαιρο", before);
    expect(t.fake.calls.filter((c) => c.method === "views.open")).toHaveLength(opened);
    expect(await t.database.db.prisma.networkMeeting.count()).toBe(1);
  });
});
