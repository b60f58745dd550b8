// Issue 21's finding 14 with the real process: the managers' morning digest (one DM per manager, one
// after another) under way in the bot as `npm start` runs it, the bot killed (SIGKILL) while Slack
// has its third DM in hand, then started again. What became of the rest: each manager's DM posted
// once (the one in flight when the bot died was posted by Slack and must not come twice), and how
// long the rest waited. Shared by test/jobs/fanout-kill.process.test.ts (what came of it) and
// bench/fanout-kill.ts (how long it took).
import type { Database } from "../../src/db/database.js";
import { type BotProcess, spawnBot } from "./bot-process.js";
import type { FakeSlack, Json } from "./fake-slack.js";

export const DIGEST_AT = new Date("2026-11-23T06:00:00.000Z"); // a Monday, 08:00 in Athens
export const DIGEST_KEY = `morning-digest@${DIGEST_AT.toISOString()}`;

export interface FanoutKillResult {
  managers: string[];
  /** Digest DMs Slack had when the bot was killed (the one in flight included). */
  postedBeforeKill: number;
  /** Digest DMs in each manager's DM channel at the end (1 each is right). */
  perManager: Record<string, number>;
  /** From the kill until the last manager had the digest. */
  waitedAfterKillMs: number;
  /** From "Grafeio is running" again until the last manager had it. */
  waitedAfterRestartMs: number;
  /** The occurrence's row once the bot has stopped. */
  run: { status: string; attempts: number } | null;
}

const dmOf = (user: string) => `D${user.slice(1)}`;

function digestMessages(fake: FakeSlack, user: string): Json[] {
  return (fake.messages.get(dmOf(user)) ?? []).filter((m) => {
    const key = (m.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;
    return key === `${DIGEST_KEY}:${user}`;
  });
}

export async function runFanoutKill(options: {
  fake: FakeSlack;
  /** The bot's database: DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** Opens it here while the bot is not running (on PGlite the bot holds it alone). */
  reopen(): Promise<Database>;
  managers?: number;
  /** How long to wait for the rest after the restart before giving up. */
  timeoutMs: number;
}): Promise<FanoutKillResult> {
  const { fake, env } = options;
  const managers = Array.from({ length: options.managers ?? 8 }, (_, i) => `U0MGR${String(i + 1).padStart(3, "0")}`);
  // The digest is due: an earlier attempt failed (Slack was away) and its retry's time has come,
  // so the bot's first tick runs it.
  const seed = await options.reopen();
  try {
    await seed.prisma.jobRun.create({
      data: {
        jobName: "morning-digest",
        scheduledFor: DIGEST_AT,
        status: "retrying",
        attempts: 1,
        nextAttemptAt: new Date(Date.now() - 1000),
        lastError: "Slack was away",
      },
    });
  } finally {
    await seed.close();
  }

  const start = () => spawnBot(fake, { ...env, MANAGER_USER_IDS: managers.join(","), LOG_LEVEL: "info" });
  let bot: BotProcess | undefined;
  try {
    bot = await start();
    const first = bot;
    let killedAt = 0;
    let digestPosts = 0;
    const killed = new Promise<void>((resolve) => {
      fake.hold("chat.postMessage", async (args) => {
        if (!/^D0MGR/.test(String(args.channel))) return;
        if (++digestPosts !== 3 || killedAt) return;
        // Slack has the third DM in hand; the bot dies before it hears back. Slack posts it anyway.
        const exited = new Promise((r) => first.child.once("exit", r));
        first.child.kill("SIGKILL");
        await exited;
        killedAt = Date.now();
        resolve();
      });
    });
    await killed;
    fake.hold("chat.postMessage", undefined);
    // The held DM is answered (to nobody) once the kill is through.
    await fake.waitFor("chat.postMessage", (c) => String(c.args.channel) === dmOf(managers[2] ?? ""), 30_000);
    const postedBeforeKill = managers.filter((m) => digestMessages(fake, m).length > 0).length;

    bot = await start();
    const restartedAt = Date.now();
    const allHaveIt = () => managers.every((m) => digestMessages(fake, m).length > 0);
    if (!allHaveIt())
      await fake.waitFor("chat.postMessage", () => allHaveIt(), options.timeoutMs).catch(() => undefined);
    const doneAt = allHaveIt() ? Date.now() : Number.NaN;
    await bot.stop();
    bot = undefined;

    const db = await options.reopen();
    try {
      const run = await db.prisma.jobRun.findUnique({
        where: { jobName_scheduledFor: { jobName: "morning-digest", scheduledFor: DIGEST_AT } },
        select: { status: true, attempts: true },
      });
      return {
        managers,
        postedBeforeKill,
        perManager: Object.fromEntries(managers.map((m) => [m, digestMessages(fake, m).length])),
        waitedAfterKillMs: doneAt - killedAt,
        waitedAfterRestartMs: doneAt - restartedAt,
        run,
      };
    } finally {
      await db.close();
    }
  } finally {
    fake.hold("chat.postMessage", undefined);
    await bot?.stop();
  }
}
