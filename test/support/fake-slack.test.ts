// The fake must reject what Slack rejects, or tests against it prove nothing.
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOT_TOKEN, FakeSlack } from "./fake-slack.js";

let fake: FakeSlack;
let client: WebClient;
beforeAll(async () => {
  fake = new FakeSlack();
  client = new WebClient(BOT_TOKEN, { slackApiUrl: await fake.start(), retryConfig: { retries: 0 } });
  fake.rateLimit = { windowMs: 0, retryAfterSeconds: 1 }; // these tests post many messages to one channel
});
afterAll(() => fake.stop());

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });
const modal = (extra: object = {}) => ({
  type: "modal" as const,
  title: { type: "plain_text" as const, text: "Title" },
  blocks: [section("hello")],
  ...extra,
});
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return "ok";
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error ?? String(error);
  }
};

describe("fake Slack Web API", () => {
  it("accepts a message at the limits: 50 blocks, 3000-character section", async () => {
    const blocks = Array.from({ length: 50 }, () => section("x".repeat(3000)));
    expect(await errorOf(client.chat.postMessage({ channel: "C1", text: "t", blocks }))).toBe("ok");
  });

  it.each([
    ["51 blocks in a message", { blocks: Array.from({ length: 51 }, () => section("x")) }],
    ["a 3001-character section", { blocks: [section("x".repeat(3001))] }],
    [
      "11 section fields",
      { blocks: [{ type: "section", fields: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "f" })) }] },
    ],
    [
      "a 76-character button",
      {
        blocks: [
          {
            type: "actions",
            elements: [{ type: "button", text: { type: "plain_text", text: "b".repeat(76) }, action_id: "a" }],
          },
        ],
      },
    ],
    ["a 151-character header", { blocks: [{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }] }],
  ])("rejects %s with invalid_blocks", async (_name, extra) => {
    expect(await errorOf(client.chat.postMessage({ channel: "C1", text: "t", ...(extra as object) }))).toBe(
      "invalid_blocks",
    );
  });

  it("rejects a view with more than 100 blocks, a 25-character title, or 101 select options", async () => {
    expect(
      await errorOf(
        client.views.open({
          trigger_id: fake.triggerId(),
          view: modal({ blocks: Array.from({ length: 101 }, () => section("x")) }),
        }),
      ),
    ).toBe("invalid_blocks");
    expect(
      await errorOf(
        client.views.open({
          trigger_id: fake.triggerId(),
          view: modal({ title: { type: "plain_text", text: "t".repeat(25) } }),
        }),
      ),
    ).toBe("invalid_arguments");
    const options = Array.from({ length: 101 }, (_, i) => ({
      text: { type: "plain_text", text: `o${i}` },
      value: `${i}`,
    }));
    const select = {
      type: "input",
      label: { type: "plain_text", text: "L" },
      element: { type: "static_select", action_id: "s", options },
    };
    expect(
      await errorOf(
        client.views.open({
          trigger_id: fake.triggerId(),
          view: modal({ blocks: [select], submit: { type: "plain_text", text: "OK" } }),
        }),
      ),
    ).toBe("invalid_blocks");
  });

  it("rejects a view over 250 kB with view_too_large", async () => {
    const huge = {
      type: "modal",
      title: { type: "plain_text", text: "T" },
      blocks: [section("x")],
      private_metadata: "",
      extra: "y".repeat(260_000),
    };
    expect(await errorOf(client.views.open({ trigger_id: fake.triggerId(), view: huge as never }))).toBe(
      "view_too_large",
    );
  });

  it("accepts a trigger id once, and only within 3 seconds", async () => {
    const trigger = fake.triggerId();
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: modal() }))).toBe("ok");
    expect(await errorOf(client.views.open({ trigger_id: trigger, view: modal() }))).toBe("invalid_trigger_id");
    const old = `${Date.now() - 3500}.1.abc`;
    expect(await errorOf(client.views.open({ trigger_id: old, view: modal() }))).toBe("expired_trigger_id");
  });

  it("answers 429 with Retry-After to a second message in the same channel within the window", async () => {
    fake.rateLimit = { windowMs: 1000, retryAfterSeconds: 1 };
    try {
      const strict = new WebClient(BOT_TOKEN, {
        slackApiUrl: `${fake.baseUrl}/api/`,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
      });
      await strict.chat.postMessage({ channel: "CLIMIT", text: "first" });
      const error = await strict.chat.postMessage({ channel: "CLIMIT", text: "second" }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "slack_webapi_rate_limited_error", retryAfter: 1 });
      expect(await errorOf(strict.chat.postMessage({ channel: "COTHER", text: "another channel" }))).toBe("ok");
    } finally {
      fake.rateLimit = { windowMs: 0, retryAfterSeconds: 1 };
    }
  });

  it("refuses an unknown token", async () => {
    const stranger = new WebClient("xoxb-someone-else", {
      slackApiUrl: `${fake.baseUrl}/api/`,
      retryConfig: { retries: 0 },
    });
    expect(await errorOf(stranger.auth.test())).toBe("invalid_auth");
  });
});
