import { describe, expect, it, vi } from 'vitest';
import { sendSlashCommand, useTestSlack } from './slack-test-kit.js';

const env = useTestSlack();

describe('a slash command', () => {
  // While the store does not answer, each look-up waits out the store's timeout before falling back
  // to the locale: two of them would double the wait before the answer.
  it("looks the asker's language up in the store once", async () => {
    const lookups = vi.spyOn(env.slack.bot.services.preferences, 'get');
    const answer = await sendSlashCommand(env, 'help', 'U1', 'one-lookup');
    expect(answer.status).toBe(200);
    expect(lookups).toHaveBeenCalledTimes(1);
  });
});
