// Issue 21's finding 4 with the real process: a confirmed import of 400 contacts, the bot killed
// (SIGKILL) while it applies them, the bot started again and the resume job run: every row is in
// the archive once, and the requester is told at which row the import had stopped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { type BotProcess, botEnv, runScript, spawnBot } from "../support/bot-process.js";
import { createProcessDatabase, type ProcessDatabase } from "../support/database.js";
import { FakeSlack, type Json } from "../support/fake-slack.js";

const MANAGER = "U0MANAGER";
const CHANNEL = "C0PRESS01";
const ROWS = 400;

let fake: FakeSlack;
let database: ProcessDatabase;
let env: Record<string, string>;
let bot: BotProcess | undefined;

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  database = await createProcessDatabase();
  env = database.env;
});

afterAll(async () => {
  await bot?.stop();
  await database?.dispose();
  await fake?.stop();
});

/** The database while the bot is not running (on PGlite the bot holds it alone). */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await database.reopen();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const start = () => spawnBot(fake, { ...env, MANAGER_USER_IDS: MANAGER, LOG_LEVEL: "debug" });

describe("a contact import killed halfway", () => {
  // Two starts of the real bot and 400 rows applied on a shared machine: a generous time-out.
  it("is resumed after the restart, every row once, and the requester told where it had stopped", {
    timeout: 300_000,
  }, async () => {
    bot = await start();
    const running = bot;
    const csv = [
      "Ονοματεπώνυμο;Email",
      ...Array.from({ length: ROWS }, (_, i) => `Εισαγόμενη Επαφή ${i + 1};row${i + 1}@example.gr`),
    ].join("\r\n");
    const triggerId = fake.triggerId();
    await running.slack.command({
      command: "/contact",
      text: "import",
      userId: MANAGER,
      triggerId,
      channelId: CHANNEL,
    });
    const opened = await fake.waitFor("views.open", (c) => c.args.trigger_id === triggerId, 30_000);
    const view = opened.response.view as Json;
    const file = fake.hostFile("epafes.csv", new TextEncoder().encode(csv));
    await running.slack.viewSubmission({
      view,
      userId: MANAGER,
      values: { file: { value: { type: "file_input", files: [file] } } },
    });
    const preview = await fake.waitFor(
      "views.update",
      (c) => (c.args.view as Json).callback_id === "contact_import_confirm",
      30_000,
    );
    await running.slack.viewSubmission({
      view: { ...(preview.args.view as Json), id: view.id },
      userId: MANAGER,
      values: {},
    });

    // Killed as soon as it has saved its first step: hundreds of rows are still to come.
    for (let i = 0; i < 600 && !running.output().includes('"msg":"contact import progress"'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(running.output()).toContain('"msg":"contact import progress"');
    const killed = new Promise((resolve) => running.child.on("exit", resolve));
    running.child.kill("SIGKILL");
    await killed;

    const stopped = await withDatabase(async (db) => {
      const [row] = await db.prisma.contactImport.findMany();
      const written = await db.prisma.contact.count({ where: { nameEl: { startsWith: "Εισαγόμενη Επαφή " } } });
      // The 2-minute lease of the dead run, run out (what waiting for it would do).
      await db.prisma.contactImport.updateMany({ data: { leaseUntil: new Date(Date.now() - 1000) } });
      return { row, written };
    });
    expect(stopped.row?.finishedAt).toBeNull();
    const savedAt = stopped.row?.appliedRows ?? 0;
    expect(savedAt).toBeGreaterThan(0);
    expect(stopped.written).toBeGreaterThanOrEqual(savedAt);
    expect(stopped.written).toBeLessThan(ROWS);

    // The bot again, and the resume job (as its schedule would run it).
    bot = await start();
    const job = await runScript(
      "scripts/job.ts",
      ["contact-import-resume", "--at", "2026-11-23T06:00:00.000Z", "--force"],
      botEnv(fake, env),
    );
    expect(job.code, job.stdout + job.stderr).toBe(0);
    // The restarted bot's own first tick may have taken it up first; either way, one DM.
    await fake.waitFor("chat.postMessage", (c) => String(c.args.text).includes(`#${stopped.row?.id}`), 60_000);
    const dm = `D${MANAGER.slice(1)}`;
    const told = (fake.messages.get(dm) ?? []).map((m) => String(m.text));
    expect(told.filter((text) => text.includes(`#${stopped.row?.id}`))).toHaveLength(1);
    expect(told.join("\n")).toContain(
      `στη γραμμή ${savedAt.toLocaleString("el-GR")} από ${ROWS.toLocaleString("el-GR")}`,
    );
    await bot.stop();
    bot = undefined;

    const after = await withDatabase(async (db) => {
      const names = await db.prisma.contact.findMany({
        where: { nameEl: { startsWith: "Εισαγόμενη Επαφή " } },
        select: { nameEl: true },
      });
      const [row] = await db.prisma.contactImport.findMany();
      return { names: names.map((n) => n.nameEl), row };
    });
    expect(after.names).toHaveLength(ROWS);
    expect(new Set(after.names).size).toBe(ROWS);
    expect(after.row?.finishedAt).not.toBeNull();
    expect(after.row?.appliedRows).toBe(ROWS);
  });
});
