import type { NewsletterSettings } from '../../catalog/schema.js';
import type { PlatformAdapter } from '../../messaging/platform-adapter.js';
import { inertText } from '../../news/sanitize.js';
import { oneLine } from '../../news/text-layout.js';
import { renderText } from '../../reply/render-text.js';
import { consoleAsker } from './console-asker.js';

/**
 * The console as a platform: the terminal (or the log) of this process. Its "channels" and its
 * people are whoever reads this output now: reminders for a console target and messages to a
 * console author are printed at once, never queued (nobody would be there to deliver them to
 * later). The interactive prompt itself is `runRepl`.
 */
export function consoleAdapter(
  newsletter: NewsletterSettings,
  write: (text: string) => void = (text) => process.stdout.write(text),
): PlatformAdapter {
  return {
    name: 'console',
    delivery: 'immediate',
    async post(channel, reply) {
      write(`\n[${channel}] ${renderText(reply)}\n\n`);
    },
    async sendDirect(person, reply) {
      // The console name is whatever --as said: shown on one line, without control characters or live markup.
      write(`\n[→ ${oneLine(inertText(person))}] ${renderText(reply)}\n`);
    },
    async person(name) {
      return consoleAsker(newsletter, name);
    },
    async stop() {},
  };
}
