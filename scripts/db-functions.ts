// Writes prisma/migrations/functions.sql: the current definition of every SQL function of ours
// (grafeio_*), as the database reports it once all the migrations are applied. The migrations
// define and redefine them over time; this file is where to read what they are now.
//   npm run db:functions          (migrates an in-memory PGlite and reads it)
// test/db/functions.test.ts fails, on either engine, when the file and the migrations disagree.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type Database, MIGRATIONS_DIR, openDatabase } from "../src/db/database.js";

export const FUNCTIONS_FILE = path.join(MIGRATIONS_DIR, "functions.sql");

const HEADER = `-- The current definition of every grafeio_* SQL function, as a migrated database reports it
-- (pg_get_functiondef). Written by \`npm run db:functions\`; not a migration, never applied.
-- To change a function, add a migration that redefines it, then run that command again.
`;

/** The text of functions.sql for this database: its grafeio_* functions in schema public. */
export async function functionsFileOf(db: Database): Promise<string> {
  const rows = await db.prisma.$queryRawUnsafe<{ definition: string }[]>(
    `SELECT pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND p.proname LIKE 'grafeio\\_%'
      ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`,
  );
  return [HEADER, ...rows.map((r) => `${r.definition.trimEnd()};\n`)].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const db = await openDatabase({ dataDir: "memory://" });
  try {
    await db.migrate();
    writeFileSync(FUNCTIONS_FILE, await functionsFileOf(db));
    console.log(`Wrote ${path.relative(process.cwd(), FUNCTIONS_FILE)}.`);
  } finally {
    await db.close();
  }
}
