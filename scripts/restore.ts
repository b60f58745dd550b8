// Brings a backup (npm run backup) back, on either engine, into an empty database only:
//   npm run restore -- <file>      into DATABASE_URL's database, or the DATA_DIR folder
//
// The whole file is checked first (its hash, its migrations against this Grafeio's); the database
// is migrated to the backup's migrations, every row loaded in one transaction, the sequences set,
// the row counts checked. A refusal is one sentence and exit code 2, and writes nothing.
import { createReadStream, existsSync, readdirSync } from "node:fs";
import path from "node:path";
import dotenv from "dotenv";
import { isPostgresUrl } from "../src/db/adapter.js";
import { BackupError, restoreBackup, verifyBackup } from "../src/db/backup.js";
import { DataDirLockedError } from "../src/db/data-dir-lock.js";
import { openDatabase } from "../src/db/database.js";

dotenv.config({ quiet: true });
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = path.resolve(process.env.DATA_DIR || "./data");
const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1) {
  console.error("usage: npm run restore -- <backup file>");
  process.exit(2);
}
const file = path.resolve(args[0] ?? "");

async function restore(): Promise<string> {
  if (!existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  const open = () => createReadStream(file);
  // Before anything is created or opened: a file this Grafeio cannot restore touches nothing.
  await verifyBackup(open);
  if (!isPostgresUrl(databaseUrl) && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupError(
      `The data folder ${dataDir} is not empty; restore only into a new, empty folder (set DATA_DIR to one, or move this one aside).`,
    );
  }
  const db = await openDatabase({
    databaseUrl,
    dataDir,
    purpose: "a restore (npm run restore)",
    busyAdvice: "stop that process first; a restore goes only into an empty database",
  });
  try {
    const { header, tables, rows } = await restoreBackup(db, open);
    return `Restored ${file} into ${isPostgresUrl(databaseUrl) ? "the PostgreSQL database" : dataDir}: ${tables.length} tables, ${rows} rows, every count checked; taken from ${header.engine} on ${header.createdAt} at ${header.migrations.length} migrations (Grafeio ${header.grafeio}). The bot applies any newer migrations when it starts.`;
  } finally {
    await db.close();
  }
}

let code = 0;
try {
  console.log(await restore());
} catch (error) {
  if (error instanceof BackupError || error instanceof DataDirLockedError) {
    console.error(error.message);
    code = 2;
  } else {
    console.error(`The restore failed, and nothing was loaded: ${(error as Error).message}`);
    code = 1;
  }
}
process.exit(code);
