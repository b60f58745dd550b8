// One process per embedded database, with the real processes an operator starts: the bot, and
// beside it a second `npm start`, `npm run db:migrate` and `npm run job` (issue 15; issue 21's
// finding 2: `npm run job` beside the bot on PGlite lost its writes, hung, and wedged the bot).
// On PostgreSQL the same job runs open the database themselves, and the claim keeps them single.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, botEnv, runScript, spawnBot } from "../support/bot-process.js";
import { createProcessDatabase, type ProcessDatabase, testEngine } from "../support/database.js";
import { FakeSlack } from "../support/fake-slack.js";

const ADMIN = "U0ADMIN01";
const MANAGER = "U0MANAGER";
// A Monday's 08:00 in Athens: the README's own example.
const AT = "2026-11-23T06:00:00.000Z";

let fake: FakeSlack;
let bot: BotProcess;
let database: ProcessDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  // On PGlite a folder holding the migrated template, as a bot that ran before would leave it.
  database = await createProcessDatabase();
  env = database.env;
  bot = await spawnBot(fake, { ...env, ADMIN_USER_IDS: ADMIN, MANAGER_USER_IDS: MANAGER });
});

afterAll(async () => {
  await bot?.stop();
  await database?.dispose();
  await fake?.stop();
});

/** Every file of a folder with its size, time and content hash, and every folder's time. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (d: string) => {
    entries[`${path.relative(dir, d)}/`] = String(statSync(d).mtimeMs);
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        entries[path.relative(dir, p)] =
          `${s.size} ${s.mtimeMs} ${createHash("sha1").update(readFileSync(p)).digest("hex")}`;
      }
    }
  };
  walk(dir);
  return entries;
}

/** `/grafeio jobs` by the admin: the bot reads job_runs in its own process and answers. */
async function jobsAsSeenByTheBot(): Promise<string> {
  const before = fake.calls.length;
  const res = await bot.slack.command({ command: "/grafeio", text: "jobs", userId: ADMIN });
  expect(res.status).toBe(200);
  const answer = await fake.waitFor("response_url", () => true, 30_000, before);
  const text = String(answer.args.text);
  const line = text.split("\n").find((l) => l.includes("`morning-digest`"));
  return line ?? `(no line for morning-digest in the answer: ${text}; the bot's log: ${bot.output()})`;
}

function digestPosts() {
  return fake
    .callsTo("chat.postMessage")
    .filter((c) =>
      String((c.args.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key).startsWith(
        `morning-digest@${AT}`,
      ),
    );
}

describe(`one process per embedded database (${testEngine})`, () => {
  it.runIf(testEngine === "pglite")(
    "refuses a second npm start and npm run db:migrate on the bot's folder at once, naming the bot, without touching the folder",
    async () => {
      const folder = env.DATA_DIR ?? "";
      // The bot is frozen so that nothing but the second process could change the folder meanwhile.
      bot.child.kill("SIGSTOP");
      try {
        const before = snapshot(folder);
        const sentence = new RegExp(
          `^The embedded database in ${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is already open in the Grafeio bot \\(npm start\\) \\(pid ${bot.pid}, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\); .+\\.\\n$`,
        );
        const second = await runScript("src/app/main.ts", [], botEnv(fake, env));
        expect(second.code, second.stdout + second.stderr).toBe(2);
        expect(second.stderr).toMatch(sentence);
        expect(second.stderr).toContain("stop that process first");
        // It said which step it was at, and went no further: it never started.
        const logged = second.stdout.split("\n").filter(Boolean);
        expect(logged.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(["waiting for the database"]);
        const migrate = await runScript("scripts/migrate.ts", [], { PATH: process.env.PATH, DATA_DIR: folder });
        expect(migrate.code, migrate.stdout + migrate.stderr).toBe(2);
        expect(migrate.stderr).toMatch(sentence);
        expect(migrate.stderr).toContain("the bot itself applies pending migrations at start");
        expect(snapshot(folder)).toEqual(before);
      } finally {
        bot.child.kill("SIGCONT");
      }
      expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    },
  );

  it("runs a job by hand beside the running bot, three times: recorded once, seen by the bot, which keeps answering", async () => {
    expect(await jobsAsSeenByTheBot()).toContain("Τελευταία: —");
    const job = (...args: string[]) => runScript("scripts/job.ts", args, botEnv(fake, env));
    // Issue 21's sequence: `npm run job -- morning-digest --at …` beside the bot, three times.
    for (const round of [1, 2, 3]) {
      const run = await job("morning-digest", "--at", AT);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain(
        round === 1 ? `morning-digest @ ${AT}: ran and succeeded` : "already ran: nothing done",
      );
      if (testEngine === "pglite") expect(run.stdout).toContain(`(by the running bot, pid ${bot.pid})`);
      // The bot answers its health check and a signed command, and its answer has the run.
      expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
      expect(await jobsAsSeenByTheBot()).toContain("Τελευταία: 23/11/2026 08:00 succeeded");
    }
    const forced = await job("morning-digest", "--at", AT, "--force");
    expect(forced.stdout).toContain("ran and succeeded");
    const list = await job("list");
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/\| morning-digest \| `0 8 \* \* 1-5` \| yes \| .* \| succeeded/);
    // The digest went to the manager once: the forced run found its message already sent.
    expect(digestPosts()).toHaveLength(1);

    // Stopped, the bot leaves one row for the occurrence, marked as run by hand.
    expect(await bot.stop(), bot.output()).toBe(0);
    const db = await database.reopen();
    try {
      const runs = await db.prisma.jobRun.findMany({
        where: { jobName: "morning-digest", scheduledFor: new Date(AT) },
      });
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: "succeeded", manual: true });
    } finally {
      await db.close();
    }
    // With the bot stopped, the script opens the embedded database itself (on PostgreSQL it always
    // does, as every run above did).
    if (testEngine === "pglite") {
      const alone = await job("morning-digest", "--at", AT);
      expect(alone.stdout).toContain("already ran: nothing done");
      expect(alone.stdout).not.toContain("by the running bot");
    }
  });
});
