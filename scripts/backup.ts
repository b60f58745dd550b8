// The office's backup, one file that restores on either engine (src/db/backup.ts):
//   npm run backup [-- <file>]     default grafeio-backup-<UTC time>.jsonl.gz here
//
// On PostgreSQL (DATABASE_URL) this script reads one consistent snapshot itself. On the embedded
// database, while the bot runs, the bot writes it (its local admin door): PGlite is one process's
// database, so the folder is never opened twice; with the bot stopped, the script opens it.
// The file is written under a temporary name, checked whole, then given its name.
import { createReadStream, createWriteStream, existsSync, renameSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { backupFromRunningBot, findRunningBot } from "../src/app/local-admin.js";
import { isPostgresUrl } from "../src/db/adapter.js";
import { BackupError, type BackupSummary, verifyBackup, writeBackup } from "../src/db/backup.js";
import { DataDirLockedError } from "../src/db/data-dir-lock.js";

dotenv.config({ quiet: true });
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || "./data";
const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error("usage: npm run backup [-- <file>]");
  process.exit(2);
}
const file = path.resolve(args[0] ?? `grafeio-backup-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl.gz`);
if (existsSync(file)) {
  console.error(`${file} exists already; name another file (a backup never overwrites one).`);
  process.exit(2);
}
const temp = `${file}.partial`;

async function direct(): Promise<void> {
  const { openDatabase } = await import("../src/db/database.js");
  if (!isPostgresUrl(databaseUrl) && !existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new BackupError(
      `There is no embedded database in ${path.resolve(dataDir)} to back up (set DATA_DIR or DATABASE_URL).`,
    );
  }
  const db = await openDatabase({
    databaseUrl,
    dataDir,
    purpose: "a backup (npm run backup)",
    busyAdvice:
      "wait for it to finish or stop it, then run the backup again (beside a running bot, npm run backup asks the bot itself once it has started)",
  });
  try {
    const summary = await writeBackup(db, createWriteStream(temp, { flags: "wx", mode: 0o600 }));
    // The audit line (src/lib/audit.ts); beside a running bot, the bot writes its own.
    const { auditLog, createLogger } = await import("../src/app/logger.js");
    auditLog(createLogger({ level: "info" })).record("backup.written", {
      via: "npm run backup",
      tables: summary.tables.length,
      rows: summary.rows,
      uid: process.getuid?.() ?? null,
    });
  } finally {
    await db.close();
  }
}

let by = "";
let code = 0;
try {
  const bot = isPostgresUrl(databaseUrl) ? undefined : findRunningBot(dataDir);
  if (bot) {
    by = ` (written by the running bot, pid ${bot.holder.pid})`;
    const status = await backupFromRunningBot(bot, createWriteStream(temp, { flags: "wx", mode: 0o600 }));
    if (status !== 200) throw new BackupError(`The running bot answered HTTP ${status} to the backup; see its log.`);
  } else {
    await direct();
  }
  // Checked whole before it is kept: a backup cut short (the bot stopped half-way) is no backup.
  const summary: BackupSummary = await verifyBackup(() => createReadStream(temp));
  renameSync(temp, file);
  const { header } = summary;
  console.log(
    `Wrote ${file}: ${summary.tables.length} tables, ${summary.rows} rows, ${statSync(file).size} bytes, from ${header.engine} at ${header.migrations.length} migrations (Grafeio ${header.grafeio})${by}.`,
  );
} catch (error) {
  if (existsSync(temp)) unlinkSync(temp);
  if (error instanceof BackupError || error instanceof DataDirLockedError) {
    console.error(error.message);
    code = 2;
  } else {
    console.error(`The backup failed: ${(error as Error).message}`);
    code = 1;
  }
}
process.exit(code);
