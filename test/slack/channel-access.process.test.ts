// At start, the bot as `npm start` runs it checks the configured channels before its jobs start:
// it joins a public one it is not in, and tells the admin once, across a restart, of a private one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBot } from "../support/bot-process.js";
import { createProcessDatabase, type ProcessDatabase } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";

const ADMIN_A = "U0ADMINA1";

/** Waits for a condition (the time-out only catches a hang). */
async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the bot as npm start runs it", () => {
  let data: ProcessDatabase;
  let proc: FakeSlack;
  beforeAll(async () => {
    proc = new FakeSlack();
    await proc.start();
    data = await createProcessDatabase();
  });
  afterAll(async () => {
    await data?.dispose();
    await proc?.stop();
  });

  it("checks the configured channels before the jobs start: joins the public one, tells the admin once across a restart", async () => {
    proc.channelsWithoutBot.add("CPROCPR01");
    proc.channelsWithoutBot.add("GPROCINT1");
    proc.privateChannels.add("GPROCINT1");
    const env = { ...data.env, PR_CHANNEL_ID: "CPROCPR01", INTL_CHANNEL_ID: "GPROCINT1", ADMIN_USER_IDS: ADMIN_A };
    const notices = () =>
      proc.callsTo("chat.postMessage").filter((c) => c.response.ok && String(c.args.text).includes("<#GPROCINT1>"));

    const first = await spawnBot(proc, env);
    try {
      await proc.waitFor("conversations.join", (c) => c.args.channel === "CPROCPR01", 30_000);
      const dm = await proc.waitFor(
        "chat.postMessage",
        (c) => c.response.ok === true && c.args.channel === "D0ADMINA1",
        30_000,
      );
      // The office's language by default: Greek.
      expect(String(dm.args.text)).toContain("INTL_CHANNEL_ID");
      expect(String(dm.args.text)).toContain("ιδιωτικό");
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(proc.channelsWithoutBot.has("CPROCPR01")).toBe(false);
    expect(notices()).toHaveLength(1);

    const second = await spawnBot(proc, env);
    try {
      // The second start checks again (the private channel is still refused) and tells nobody.
      await until(() => second.output().includes("configured channels checked"));
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(notices()).toHaveLength(1);
  });
});
