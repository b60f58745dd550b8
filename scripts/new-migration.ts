// Authors a migration from the difference between the last migration and prisma/schema.prisma:
//   npm run db:migration -- <name>
// prisma/migrations/datamodel.prisma is the datamodel the migrations lead to (one snapshot, not a
// copy per migration folder: only the newest was ever read). The new migration is `prisma migrate
// diff` from it to the current schema, and the snapshot then becomes the schema. A
// datamodel-to-datamodel diff needs no database and downloads nothing. (`--from-migrations` needs
// Prisma's shadow database, which runs each migration as one prepared statement and fails on PGlite
// as soon as a migration has several statements.)
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower case letters, digits and _)");
  process.exit(2);
}
const MIGRATIONS = path.join("prisma", "migrations");
const SCHEMA = path.join("prisma", "schema.prisma");

// A file, not a folder: the migrator takes every folder in prisma/migrations for a migration.
const SNAPSHOT = path.join(MIGRATIONS, "datamodel.prisma");

const from = existsSync(SNAPSHOT) ? ["--from-schema-datamodel", SNAPSHOT] : ["--from-empty"];

const tmp = mkdtempSync(path.join(os.tmpdir(), "grafeio-migration-"));
const out = path.join(tmp, "migration.sql");
const result = spawnSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA, "--script", "-o", out],
  {
    stdio: "inherit",
    timeout: 120_000,
    env: {
      ...process.env,
      DATABASE_URL: "postgresql://placeholder/unused",
      GRAFEIO_CLI_ENGINE: "pglite",
      DATA_DIR: "memory://",
    },
  },
);
const sql = existsSync(out) ? readFileSync(out, "utf8") : "";
rmSync(tmp, { recursive: true, force: true });
if (result.status !== 0) {
  console.error("prisma migrate diff failed.");
  process.exit(1);
}
if (sql.trim() === "" || /^-- This is an empty migration/m.test(sql)) {
  console.log("No changes: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
copyFileSync(SCHEMA, SNAPSHOT);
console.log(`Wrote ${path.join(dir, "migration.sql")} and updated ${SNAPSHOT}. Read the SQL before committing.`);
