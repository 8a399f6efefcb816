import { readConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { PLATFORMS } from '../../../src/platforms/registry.js';
import { startPlatforms } from '../../../src/platforms/start-platforms.js';
import { botAt } from '../../support/test-bot.js';
import { pollUntil } from '../../support/wait-for.js';
import { loopbackPlatform } from '../loopback/index.js';
import { LoopbackAdapter } from '../loopback/loopback-adapter.js';
import { BOT } from '../loopback/loopback-space.js';
import { NOW, type Person, type PlatformDriver } from './conversation.js';

const PEOPLE: Record<Person, string> = { member: 'ana', francophone: 'marie', editor: 'edith' };

/**
 * The loopback platform, started as `npm start` starts platforms, from settings in the
 * environment (src/config.ts reads them with its entry added to the registry's list), its people
 * acting through the adapter's `people`. The loopback says nothing when it changes: what its
 * people receive is looked at again until it shows.
 */
export async function startLoopbackDriver(): Promise<PlatformDriver> {
  const { platforms } = readConfig({ LOOPBACK_PLATFORM: 'on', LOOPBACK_EDITORS: PEOPLE.editor }, [
    ...PLATFORMS,
    loopbackPlatform,
  ]);
  const bot = await botAt(NOW);
  const running = await startPlatforms(platforms, bot, silentLogger, bot.services.outbox);
  const adapter = running[0];
  if (running.length !== 1 || !(adapter instanceof LoopbackAdapter))
    throw new Error(`expected the loopback platform alone, not ${running.map((p) => p.name).join(', ')}`);
  const { people, space } = adapter;
  space.join(PEOPLE.member, { name: 'Ana' });
  space.join(PEOPLE.francophone, { name: 'Marie', locale: 'fr-FR' });
  space.join(PEOPLE.editor, { name: 'Edith' });

  return {
    adapter,
    reminderChannel: 'steering-committee',
    knowsWhatItPosted: true,
    ask: async (command, person) => (await people.command(PEOPLE[person], command)).text,
    sendNews: async (text) => (await people.directMessage(PEOPLE.member, `news: ${text}`)).text,
    approve: async (number) => (await people.command(PEOPLE.editor, `newsletter approve ${number}`)).text,
    async toldMember(words) {
      const told = await pollUntil(
        async () => space.direct(PEOPLE.member).find((m) => m.from === BOT && words.every((w) => m.text.includes(w))),
        `a direct message to the member with ${words.join(', ')}`,
      );
      return told.text;
    },
    async postedIn(channel) {
      return (await pollUntil(async () => space.channel(channel)[0], `a post in ${channel}`)).text;
    },
    stop: () => Promise.all(running.map((platform) => platform.stop())).then(() => {}),
  };
}
