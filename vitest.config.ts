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
    // No hook migrates any more (a copy opens in about a second), but some fill a register through
    // the bot, which takes over 20 s when the machine's two cores are shared with other runs.
    hookTimeout: 60_000,
  },
});
