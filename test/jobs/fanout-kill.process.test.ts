// Issue 21's finding 14: a fan-out (the managers' morning digest) killed halfway by SIGKILL, and the
// bot started again. The rest must go out without waiting for the dead run's lease to run out of
// its own (10 minutes, before), once each, the DM Slack had in hand at the kill included.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProcessDatabase, type ProcessDatabase } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";
import { runFanoutKill } from "../support/fanout-kill.js";

let fake: FakeSlack;
let database: ProcessDatabase;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  database = await createProcessDatabase();
});

afterAll(async () => {
  await fake?.stop();
  await database?.dispose();
});

describe("a fan-out killed halfway", () => {
  // Two starts of the real bot on a shared machine: a generous time-out.
  it("goes on when the bot is back: every manager gets the digest once", { timeout: 240_000 }, async () => {
    const result = await runFanoutKill({
      fake,
      env: database.env,
      reopen: () => database.reopen(),
      // Well short of the 10 minutes the dead run's lease used to hold the rest back.
      timeoutMs: 120_000,
    });
    expect(result.postedBeforeKill).toBe(3);
    expect(result.perManager).toEqual(Object.fromEntries(result.managers.map((m) => [m, 1])));
    expect(result.run).toEqual({ status: "succeeded", attempts: 3 });
  });
});
