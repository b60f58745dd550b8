// `npm run backup` beside the running bot on PGlite, as its own process: it asks the bot over its
// local door (src/app/local-admin.ts) instead of opening the folder, and the file restores.
import { spawn } from "node:child_process";
import { createReadStream, mkdtempSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InFlight } from "../../src/app/in-flight.js";
import { startLocalAdmin } from "../../src/app/local-admin.js";
import { auditLog } from "../../src/app/logger.js";
import { restoreBackup, writeBackup } from "../../src/db/backup.js";
import { openDatabase } from "../../src/db/database.js";
import { BackupScratch, contents, officeServices } from "../support/backup-office.js";
import { entryPoint } from "../support/bot-process.js";
import { pgliteTemplateDump, testEngine } from "../support/database.js";
import { fillOffice } from "../support/office-data.js";
import { captureLogs } from "../support/test-bot.js";

const scratch = new BackupScratch();
afterAll(() => scratch.dispose());

describe("npm run backup beside the running bot on PGlite", () => {
  it("asks the bot over its local door, never opening the folder, and the file restores", async () => {
    // The "bot": this process holds the folder (its lock) and opens the door, as main.ts does.
    const dataDir = mkdtempSync(path.join(scratch.folder, "bot-"));
    const db = await openDatabase({
      dataDir,
      purpose: "the Grafeio bot (npm start)",
      loadDataDir: testEngine === "pglite" ? pgliteTemplateDump() : undefined,
    });
    scratch.later(() => db.close());
    await db.migrate();
    await fillOffice(db, officeServices(db));
    const { logs, logger } = captureLogs("silent");
    const admin = await startLocalAdmin({
      engine: "pglite",
      dataDir,
      scheduler: { overview: async () => [], runByHand: async () => "succeeded" },
      inFlight: new InFlight(),
      logger,
      backup: (out) => writeBackup(db, out),
      audit: auditLog(logger),
    });
    scratch.later(async () => admin?.close());

    const file = path.join(scratch.folder, "by-the-bot.jsonl.gz");
    const child = spawn(process.execPath, [...entryPoint("scripts/backup.ts"), file], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    // Had the script opened the folder itself, the lock would have refused it (exit 2).
    expect({ code, out }).toMatchObject({
      code: 0,
      out: expect.stringContaining(`(written by the running bot, pid ${process.pid})`),
    });
    // Every contact's data left the database: an audit line with the counts, whatever LOG_LEVEL.
    const rows = Number(/(\d+) rows/.exec(out)?.[1]);
    expect(logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.audit === true)).toEqual([
      expect.objectContaining({ event: "backup.written", via: "local-admin", rows }),
    ]);

    const target = await scratch.emptyDatabase(testEngine);
    await restoreBackup(target, () => createReadStream(file));
    expect(await contents(target)).toEqual(await contents(db));
  });
});
