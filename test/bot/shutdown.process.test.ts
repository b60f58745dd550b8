// The real process (`npm start`'s own command, through tsx) on SIGTERM.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createProcessDatabase } from "../support/database.js";
import { BOT_TOKEN, FakeSlack } from "../support/fake-slack.js";
import { SlackDriver } from "../support/slack-driver.js";
import { SIGNING_SECRET } from "../support/test-bot.js";

describe("graceful shutdown of the process", () => {
  it("on SIGTERM the real process finishes the request, closes the database and exits 0 within 10 s", async () => {
    const fake = new FakeSlack();
    const apiUrl = await fake.start();
    // A migrated database of its own (a copy of the run's template), so that the start is quick.
    const database = await createProcessDatabase();
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "src/app/main.ts"], {
        env: {
          PATH: process.env.PATH,
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: apiUrl,
          PORT: "0",
          ...database.env,
          ADMIN_USER_IDS: "U0ADMIN01",
          LOG_LEVEL: "info",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stderr.on("data", (d: Buffer) => {
        output += d.toString();
      });
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bot did not start: ${output}`)), 60_000);
        child.stdout.on("data", (d: Buffer) => {
          output += d.toString();
          const m = /"port":(\d+).*"msg":"Grafeio is running"/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.on("exit", () => reject(new Error(`bot exited: ${output}`)));
      });
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
      const slack = new SlackDriver(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
      expect((await slack.command({ command: "/clip", userId: "U0ADMIN01" })).status).toBe(200);
      await viewsOpenArrived;

      const started = Date.now();
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      setTimeout(release, 300);
      const code = await exited;
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
