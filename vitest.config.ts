import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Migrates one database per run, which each file's createTestDatabase() copies; compiles the
    // source once for the tests that start the bot or a script as its own process.
    globalSetup: ["test/support/migrated-template.ts", "test/support/compiled-source.ts"],
    // Each file opens its own database (PGlite in memory, or a fresh PostgreSQL database), in its
    // own process: PGlite is a WASM PostgreSQL per process.
    pool: "forks",
    // A worker keeps its modules from one file to the next (Prisma's client, Bolt, PGlite's WASM):
    // importing them again for every file cost about 90 s of a run. Nothing a test file changes is
    // left behind in a module: every file opens its own database, clock, fake Slack and bot.
    isolate: false,
    // The machines have 2 cores; a file mostly computes (PGlite, or the PostgreSQL server beside it),
    // so more workers than cores only make each file slower.
    maxWorkers: 2,
    // Time-outs catch a test that hangs; they say nothing about speed. The heaviest tests (a 500-item
    // digest, three days of scheduler ticks, a real process started and stopped) take 10-15 s on an
    // idle 2-core machine and three or four times that when the cores are shared, so the limit is
    // far above both.
    testTimeout: 120_000,
    // No hook migrates any more (a copy opens in about a second), but some fill a register through
    // the bot, which takes over 20 s when the machine's two cores are shared with other runs.
    hookTimeout: 120_000,
  },
});
