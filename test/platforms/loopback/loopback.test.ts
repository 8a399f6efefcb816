import { beforeAll, describe, expect, it } from 'vitest';
import { Bot } from '../../../src/bot.js';
import type { Asker } from '../../../src/domain/asker.js';
import type { Reply } from '../../../src/reply/reply.js';
import { readConfig } from '../../../src/config.js';
import { ConfigError } from '../../../src/errors.js';
import type { MessageKey } from '../../../src/i18n/message-keys.js';
import { silentLogger } from '../../../src/logger.js';
import { PLATFORMS } from '../../../src/platforms/registry.js';
import { botAt } from '../../support/test-bot.js';
import { loopbackPlatform } from './index.js';
import { LoopbackAdapter } from './loopback-adapter.js';
import { readLoopbackConfig } from './loopback-config.js';

// The test platform's own ways in, beyond the conversation every platform holds
// (test/platforms/conversation): its settings, buttons, marks, questions and its stop.

let bot: Bot;

beforeAll(async () => {
  bot = await botAt('2019-05-10');
});

async function startLoopback(on: Bot = bot): Promise<LoopbackAdapter> {
  const adapter = await loopbackPlatform.configure({ LOOPBACK_PLATFORM: 'on' })!(on, silentLogger);
  if (!(adapter instanceof LoopbackAdapter)) throw new Error('the loopback entry started something else');
  return adapter;
}

const t = (key: MessageKey, params: Record<string, string | number> = {}) => bot.t('en', key, params);

describe('the loopback settings', () => {
  it('leave the platform off unless LOOPBACK_PLATFORM is on', () => {
    expect(readLoopbackConfig({})).toBeUndefined();
    expect(readLoopbackConfig({ LOOPBACK_PLATFORM: '' })).toBeUndefined();
    expect(readLoopbackConfig({ LOOPBACK_PLATFORM: 'off', LOOPBACK_EDITORS: 'edith' })).toBeUndefined();
    expect(readLoopbackConfig({ LOOPBACK_PLATFORM: ' ON ' })).toEqual({ editors: [] });
    expect(readLoopbackConfig({ LOOPBACK_PLATFORM: 'on', LOOPBACK_EDITORS: 'edith, kim' })).toEqual({
      editors: ['edith', 'kim'],
    });
  });

  it.each([
    [{ LOOPBACK_PLATFORM: 'yes' }, 'LOOPBACK_PLATFORM', 'must be on or off'],
    [{ LOOPBACK_PLATFORM: 'on', LOOPBACK_EDITORS: 'Edith Piaf' }, 'LOOPBACK_EDITORS', 'must be person ids'],
  ])('stop start-up before anything starts, naming the variable: %o', (env, variable, message) => {
    const error = (() => {
      try {
        return readConfig(env, [...PLATFORMS, loopbackPlatform]);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable, message: expect.stringContaining(message) });
  });
});

describe('the loopback people', () => {
  it('are asked, under a direct message that reads like news, whether to add it; pressing Yes queues it', async () => {
    const { people, space } = await startLoopback();
    const asked = await people.directMessage(
      'ana',
      'The city of Bamako opens a social economy incubator for twelve young cooperatives next month.',
    );
    expect(asked.text).toContain(t('news.askToAdd'));
    expect(space.direct('ana').map((m) => m.from)).toEqual(['ana', 'bot']);
    const added = await people.press('ana', asked, t('news.addButton'));
    expect(added.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\./);
    await expect(people.press('ana', asked, 'Approve')).rejects.toThrow('no button "Approve"');
  });

  it("queue a person's message marked as news as its author's, and tell the one who marked it", async () => {
    const { people } = await startLoopback();
    const message = people.say(
      'kim',
      'general',
      'Seoul hosts the social economy week in September, with three hundred organisations.',
    );
    const answer = await people.mark('ana', 'general', message.id);
    const number = Number(/#(\d+)/.exec(answer.text)?.[1]);
    expect(answer.text).toContain(t('news.receivedFromOther', { number }));
    expect(await bot.services.news.get(number)).toMatchObject({
      author: { platform: 'loopback', userId: 'kim' },
      submittedBy: { userId: 'ana' },
      source: { channel: 'general', messageId: message.id },
    });
  });

  it('have a question in their own words answered as the matching command', async () => {
    const { people } = await startLoopback();
    const answer = await people.question('ana', 'when is the next event in Africa?');
    expect(answer.text).toContain('Africa Policy Dialogue');
  });

  it('get the short apology in their language when answering fails', async () => {
    class FailingBot extends Bot {
      override async answerQuestion(_question: string, _asker: Asker): Promise<Reply> {
        throw new Error('the knowledge base is unreachable');
      }
    }
    const { people, space } = await startLoopback(new FailingBot(bot.services));
    space.join('marie', { locale: 'fr-FR' });
    const answer = await people.question('marie', 'quand a lieu le prochain événement ?');
    expect(answer.text).toBe(bot.t('fr', 'errors.apology'));
  });

  it('reach the bot no more once the platform stopped', async () => {
    const adapter = await startLoopback();
    await adapter.stop();
    await expect(adapter.people.command('ana', 'next-event')).rejects.toThrow('the loopback platform has stopped');
  });
});
