// The same slash command, with the same text, from the same person, again within seconds (a
// replayed request, a double Enter) is acknowledged and ignored; help is always answered.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import { commandRepeats } from "../../src/slack/repeated-commands.js";
import { validClip } from "../support/clip-form.js";
import { commandPayload } from "../support/slack-driver.js";
import { startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
let t: TestBot;
/** The guard's wall time, moved by hand: what counts is the window, not how fast the machine is. */
let now = 1_000_000;

beforeAll(async () => {
  t = await startTestBot({ env: { COMMAND_REPEAT_SECONDS: "3" } });
  await t.grant(STAFF, "staff");
  const r = validateClipping(validClip, { today: "2030-01-01", knownTopicIds: new Set() });
  if (!r.ok) throw new Error("bad seed");
  await t.bot.services.clippings.createClipping({ draft: r.draft, createdBy: STAFF, submissionKey: "repeat" });
  expect(commandRepeats.windowMs).toBe(3000);
  commandRepeats.now = () => now;
});
afterAll(async () => {
  commandRepeats.now = () => Date.now();
  await t?.stop();
});
beforeEach(() => {
  t.fake.calls.length = 0;
});
afterEach(async () => {
  expect(await t.bot.inFlight.drain(30_000)).toBe(true);
});

const exports = () => t.fake.callsTo("files.completeUploadExternal").length;

describe("a command repeated within seconds", () => {
  it("sends one export for a replayed /clip export, and another once the window has passed", async () => {
    // The very same signed request, sent three times, as a replay does.
    const body = new URLSearchParams(
      commandPayload(t.fake, { command: "/clip", text: "export 11/2026", userId: STAFF }),
    ).toString();
    for (let i = 0; i < 3; i++) {
      const res = await t.slack.send(body, "application/x-www-form-urlencoded");
      expect(res.status).toBe(200); // acknowledged every time
      now += 500;
    }
    await t.fake.waitFor("files.completeUploadExternal");
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(exports()).toBe(1);

    now += 3000;
    await t.slack.command({ command: "/clip", text: "export 11/2026", userId: STAFF });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    await t.fake.waitFor("files.completeUploadExternal", () => true, 30_000);
    expect(exports()).toBe(2);
  });

  it("answers help every time, and another text or person at once", async () => {
    const logsBefore = t.logs.length;
    for (let i = 0; i < 2; i++) await t.slack.command({ command: "/clip", text: "help", userId: STAFF });
    await t.slack.command({ command: "/contact", text: "help", userId: STAFF });
    await t.slack.command({ command: "/contact", text: "help", userId: "U0OTHER01" });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(t.fake.callsTo("response_url")).toHaveLength(4);

    await t.slack.command({ command: "/clip", text: "search πάρκο", userId: STAFF });
    await t.slack.command({ command: "/clip", text: "search Δήμαρχος", userId: STAFF });
    await t.slack.command({ command: "/clip", text: "search πάρκο", userId: STAFF });
    expect(await t.bot.inFlight.drain(30_000)).toBe(true);
    expect(t.fake.callsTo("response_url")).toHaveLength(6);
    const logged = t.logs.slice(logsBefore).filter((l) => l.includes("repeated command ignored"));
    expect(logged).toHaveLength(1);
    expect(logged[0]).not.toContain("πάρκο");
  });
});
