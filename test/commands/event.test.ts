import { describe, expect, it } from 'vitest';
import { ask } from '../support/test-bot.js';

describe('event', () => {
  it('shows both versions of the World Social Forum', async () => {
    const { reply, text } = await ask('2019-01-01', 'event world social forum');
    expect(reply.status).toBe('ok');
    expect(text).toContain('5 – 7 April 2019');
    expect(text).toContain('15 – 19 April 2019');
  });

  it('shows the past editions of a policy dialogue', async () => {
    const { text } = await ask('2019-01-01', 'event asia policy dialogue');
    expect(text).toContain('Hong Kong');
    expect(text).toContain('80 participants');
  });

  it('asks for a name when given none, or only words that name nothing', async () => {
    const { reply, text } = await ask('2019-01-01', 'event');
    expect(reply).toMatchObject({
      status: 'invalid',
      title: '`event` needs a name, such as `event world social forum`.',
    });
    expect(text).toContain('Usage: event <name>');
    expect((await ask('2019-01-01', 'event the of')).reply).toMatchObject({
      status: 'invalid',
      title: '“the of” is not a name; for example: `event world social forum`.',
    });
  });

  it('says so when nothing matches', async () => {
    const { reply } = await ask('2019-01-01', 'event quidditch');
    expect(reply.status).toBe('empty');
    expect(reply.title).toContain('quidditch');
  });
});
