// Applies pending migrations without starting the bot (the bot also does this at start):
//   npm run db:migrate            (embedded database in DATA_DIR, or DATABASE_URL)
import dotenv from "dotenv";
import { openDatabase } from "../src/db/database.js";

dotenv.config({ quiet: true });
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR ?? "./data" });
try {
  const { applied, alreadyApplied } = await db.migrate();
  console.log(
    `${db.engine}: applied ${applied.length} (${applied.join(", ") || "none"}), ${alreadyApplied} already applied.`,
  );
} finally {
  await db.close();
}
