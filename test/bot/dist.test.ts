// The production install: `npm run build` compiles to dist/, and Node alone runs it. Building takes
// a while, so the suite runs this only when asked (GRAFEIO_TEST_DIST=1, after `npm run build`), as
// .ci/run does; without dist/ built, it fails rather than passing on nothing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botEnv } from "../support/bot-process.js";
import { createProcessDatabase, type ProcessDatabase } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";
import { SlackDriver } from "../support/slack-driver.js";
import { SIGNING_SECRET } from "../support/test-bot.js";

describe.runIf(process.env.GRAFEIO_TEST_DIST === "1")("the compiled bot (dist/)", () => {
  const fake = new FakeSlack();
  let database: ProcessDatabase;
  beforeAll(async () => {
    await fake.start();
    database = await createProcessDatabase();
  });
  afterAll(async () => {
    await database?.dispose();
    await fake.stop();
  });

  it("starts with Node alone, answers a signed command, and stops on SIGTERM with exit 0", async () => {
    expect(existsSync("dist/src/app/main.js"), "run `npm run build` first").toBe(true);
    const child = spawn(process.execPath, ["dist/src/app/main.js"], {
      env: botEnv(fake, { ...database.env, ADMIN_USER_IDS: "U0ADMIN01" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        output += d.toString();
        const m = /"port":(\d+).*"msg":"Grafeio is running"/.exec(output);
        if (m) resolve(Number(m[1]));
      });
      void exited.then((code) => reject(new Error(`the compiled bot exited (${code}): ${output}`)));
    });
    const slack = new SlackDriver(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
    const res = await slack.command({ command: "/grafeio", text: "help", userId: "U0ADMIN01" });
    expect(res.status).toBe(200);
    const answer = await fake.waitFor("response_url", () => true, 30_000);
    expect(String(answer.args.text)).toContain("/grafeio");
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  });
});
