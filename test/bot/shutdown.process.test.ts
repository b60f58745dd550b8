// The real process (`npm start`'s own command, through tsx) on SIGTERM.
import { describe, expect, it } from "vitest";
import { spawnBot } from "../support/bot-process.js";
import { createProcessDatabase } from "../support/database.js";
import { BOT_TOKEN, FakeSlack } from "../support/fake-slack.js";
import { SIGNING_SECRET } from "../support/test-bot.js";

describe("graceful shutdown of the process", () => {
  it("on SIGTERM the real process finishes the request, closes the database and exits 0 within 10 s", async () => {
    const fake = new FakeSlack();
    await fake.start();
    // A migrated database of its own (a copy of the run's template), so that the start is quick.
    const database = await createProcessDatabase();
    try {
      const bot = await spawnBot(fake, { ...database.env, ADMIN_USER_IDS: "U0ADMIN01" }, { tsx: true });
      // Slack is slow to open the modal: the request is still in flight when SIGTERM arrives.
      let release: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let arrived: () => void = () => {};
      const viewsOpenArrived = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      fake.override("views.open", async (args) => {
        arrived();
        await gate;
        return { ok: true, view: { ...(args.view as object), id: "V0SLOW" } };
      });
      expect((await bot.slack.command({ command: "/clip", userId: "U0ADMIN01" })).status).toBe(200);
      await viewsOpenArrived;

      const started = Date.now();
      const exited = bot.stop();
      setTimeout(release, 300);
      const code = await exited;
      const output = bot.output();
      expect(code, output).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(fake.callsTo("views.open")).toHaveLength(1);
      expect(output).toContain('"msg":"stopped"');
      expect(output).not.toContain(BOT_TOKEN);
      expect(output).not.toContain(SIGNING_SECRET);

      // The database was closed cleanly: it opens again with the admin in it.
      const db = await database.reopen();
      try {
        expect((await db.migrate()).applied).toEqual([]);
        expect(await db.prisma.userRole.count({ where: { slackUserId: "U0ADMIN01", role: "admin" } })).toBe(1);
      } finally {
        await db.close();
      }
    } finally {
      await fake.stop();
      await database.dispose();
    }
  });
});
