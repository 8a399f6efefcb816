import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A throwaway Redis and PostgreSQL for the run, so the store tests need no servers started by hand.
    globalSetup: ['test/support/database-servers.ts'],
    // Integration tests start real Bolt / discord.js apps against loopback fakes: give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
