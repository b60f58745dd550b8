// Authors a migration from the difference between prisma/migrations and prisma/schema.prisma:
//   npm run db:migration -- <name>
// Runs `prisma migrate diff` through the PGlite adapter in memory (no server, no download) and
// stops the CLI once the file is written, because on PGlite it never exits by itself.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lower case letters, digits and _)");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
// Written outside prisma/migrations first: an empty migration folder would stop the diff.
const file = path.join(mkdtempSync(path.join(os.tmpdir(), "grafeio-migration-")), "migration.sql");

const child = spawn(
  "npx",
  [
    "prisma",
    "migrate",
    "diff",
    "--from-migrations",
    "prisma/migrations",
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
    "-o",
    file,
  ],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: "postgresql://placeholder/unused",
      GRAFEIO_CLI_ENGINE: "pglite",
      DATA_DIR: "memory://",
    },
  },
);
const deadline = Date.now() + 120_000;
let lastSize = -1;
const timer = setInterval(() => {
  const size = existsSync(file) ? statSync(file).size : -1;
  if (size > 0 && size === lastSize) finish(0);
  lastSize = size;
  if (Date.now() > deadline) finish(1);
}, 500);
child.on("exit", (code) => finish(code ?? 1));

function finish(code: number) {
  clearInterval(timer);
  child.kill("SIGTERM");
  const sql = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (code !== 0 || sql.trim() === "" || /^-- This is an empty migration/m.test(sql)) {
    console.error(code === 0 ? "No changes: no migration written." : "prisma migrate diff failed.");
    process.exit(code === 0 ? 0 : 1);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  rmSync(path.dirname(file), { recursive: true, force: true });
  console.log(`Wrote ${path.join(dir, "migration.sql")}`);
  process.exit(0);
}
