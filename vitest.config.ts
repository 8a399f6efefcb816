import { defineConfig } from 'vitest/config';

/** Tests that start real processes or use a real database: SQLite files, PostgreSQL, Redis. */
const INTEGRATION = 'test/**/*.integration.test.ts';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/layer-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          // Unit and component tests: in-process only, real Bolt and discord.js against loopback fakes.
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [INTEGRATION],
          // The files of a worker share one module graph instead of each loading Bolt, discord.js and
          // the catalogue again: a quarter of the CPU time. Tests therefore keep no state in modules
          // (each builds its own bot, store and fakes) and undo what they patch.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [INTEGRATION],
          // The program the child processes run, built from src/ now; then a throwaway Redis and
          // PostgreSQL for the run, so the store tests need no servers started by hand.
          globalSetup: ['test/support/build-program.ts', 'test/support/database-servers.ts'],
        },
      },
    ],
    // Integration tests start real Bolt / discord.js apps against loopback fakes: give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
