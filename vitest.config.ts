import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Migrates one database per run; each file's createTestDatabase() copies it.
    globalSetup: ["test/support/migrated-template.ts"],
    // Each file opens its own database (PGlite in memory, or a fresh PostgreSQL database), in its
    // own process: PGlite is a WASM PostgreSQL per process.
    pool: "forks",
    // The machines have 2 cores; a file mostly computes (PGlite, or the PostgreSQL server beside it),
    // so more workers than cores only make each file slower.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Opening a copy of the migrated database takes about a second or two, not the minute that
    // replaying the migrations under load could.
    hookTimeout: 20_000,
  },
});
