import { defineConfig } from 'vitest/config';

/** Tests that start real processes or use a real database: SQLite files, PostgreSQL, Redis. */
const INTEGRATION = 'test/**/*.integration.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          // Unit and component tests: in-process only, real Bolt and discord.js against loopback fakes.
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [INTEGRATION],
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
