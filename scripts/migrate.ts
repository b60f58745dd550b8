// Applies pending migrations without starting the bot (the bot also does this at start):
//   npm run db:migrate            (embedded database in DATA_DIR, or DATABASE_URL)
import dotenv from "dotenv";
import { DataDirLockedError } from "../src/db/data-dir-lock.js";
import { type Database, openDatabase } from "../src/db/database.js";

dotenv.config({ quiet: true });
let db: Database;
try {
  db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR ?? "./data",
    purpose: "a migration (npm run db:migrate)",
    busyAdvice: "stop that process first, then run it again (the bot itself applies pending migrations at start)",
  });
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  console.error(error.message);
  process.exit(2);
}
try {
  const { applied, alreadyApplied } = await db.migrate();
  console.log(
    `${db.engine}: applied ${applied.length} (${applied.join(", ") || "none"}), ${alreadyApplied} already applied.`,
  );
} finally {
  await db.close();
}
