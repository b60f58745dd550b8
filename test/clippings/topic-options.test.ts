// The topics field's options when the office has more topics than a static select holds: searched
// as the user types, without accents, in the user's language; a failure is no options, never an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Json } from "../support/fake-slack.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(() => t?.stop());

async function suggest(userId: string, value: string) {
  const res = await t.slack.interactive({
    type: "block_suggestion",
    team: { id: "T0001", domain: "grafeio-test" },
    user: { id: userId, name: userId.toLowerCase(), team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    action_id: "topics_options",
    block_id: "topicIds",
    value,
    container: { type: "view", view_id: "V0001" },
    view: { id: "V0001", type: "modal", callback_id: "clip_modal" },
  });
  expect(res.status).toBe(200);
  return (res.json().options ?? []) as Json[];
}

describe("the topics' options", () => {
  it("match what is typed without accents, named in the user's language", async () => {
    const topics = await t.database.db.prisma.topic.findMany({ where: { active: true } });
    const culture = topics.find((tp) => tp.slug === "culture");
    expect(culture).toBeDefined();
    const greek = await suggest("U0STAFF01", "πολιτισμ");
    expect(greek.map((o) => o.value)).toContain(String(culture?.id));
    expect(greek.map((o) => (o.text as Json).text)).toContain(culture?.nameEl);
    expect(greek.length).toBeLessThan(topics.length);

    t.fake.users.set("U0ENGLISH", { id: "U0ENGLISH", locale: "en-US" });
    const english = await suggest("U0ENGLISH", "ΠΟΛΙΤΙΣΜ");
    expect(english.map((o) => (o.text as Json).text)).toContain(culture?.nameEn);
  });

  it("are every topic (up to Slack's 100) for an empty query", async () => {
    const count = await t.database.db.prisma.topic.count({ where: { active: true } });
    expect(await suggest("U0STAFF01", "")).toHaveLength(Math.min(count, 100));
  });
});
