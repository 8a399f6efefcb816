import { describe, expect, it } from 'vitest';
import { newsletterSettings } from '../../src/catalog/schema.js';
import { silentLogger } from '../../src/logger.js';
import { hasBroadcastMention } from '../../src/news/sanitize.js';
import { Outbox } from '../../src/messaging/outbox.js';
import { consoleAdapter } from '../../src/platforms/console/console-adapter.js';
import { reply } from '../../src/reply/reply.js';
import { MemoryNoticeQueue } from '../../src/store/memory/memory-notice-queue.js';

describe('the outbox, for a console author', () => {
  it('prints the notice at once, naming the author on one line, with no control characters or live mention', async () => {
    const printed: string[] = [];
    const outbox = new Outbox({}, new MemoryNoticeQueue(), silentLogger);
    outbox.attach(consoleAdapter(newsletterSettings.parse({}), (text) => printed.push(text)));
    const told = await outbox.toAuthor(
      { platform: 'console', userId: 'ana\n<!channel>\u0000@every\u200bone', displayName: 'Ana' },
      reply('ok', 'Your news #1 was approved'),
    );
    expect(told).toBe('told');
    const [notice] = printed;
    const name = /\[→ ([^\]]*)\]/.exec(notice!)![1]!;
    expect(name).not.toContain('\n');
    expect(name).not.toContain('\u0000');
    expect(hasBroadcastMention(name)).toBe(false);
    expect(name).toContain('ana');
    expect(notice).toContain('Your news #1 was approved');
  });
});
