import { PassThrough } from 'node:stream';
import type { Bot } from '../../../src/bot.js';
import type { Lang } from '../../../src/domain/vocabulary.js';
import { consoleAdapter } from '../../../src/platforms/console/console-adapter.js';
import { consoleAsker } from '../../../src/platforms/console/console-asker.js';
import { runRepl } from '../../../src/platforms/console/repl.js';
import { botAt } from '../../support/test-bot.js';
import { announceChange, waitFor } from '../../support/wait-for.js';
import { NOW, type Person, type PlatformDriver } from './conversation.js';

const PROMPT = 'gsef> ';

/** One person's console: the interactive prompt of `npm start` over streams, answered by the shared bot. */
class Terminal {
  private shown = '';
  private readonly input = new PassThrough();
  private readonly ended: Promise<void>;

  constructor(bot: Bot, name: string, lang: Lang | undefined) {
    const output = new PassThrough();
    output.on('data', (chunk: Buffer) => {
      this.shown += chunk.toString('utf8');
      announceChange();
    });
    this.ended = runRepl(bot, consoleAsker(bot.kb.catalog.settings.newsletter, name), lang, this.input, output);
  }

  /** Types a line once the prompt shows, and reads what is printed before the next prompt. */
  async type(line: string): Promise<string> {
    await waitFor(() => this.shown.endsWith(PROMPT), 'the console prompt');
    const from = this.shown.length;
    this.input.write(`${line}\n`);
    return waitFor(() => {
      const after = this.shown.slice(from);
      return after.length > PROMPT.length && after.endsWith(PROMPT) && after.slice(0, -PROMPT.length).trim();
    }, `the console's answer to "${line}"`);
  }

  async exit(): Promise<void> {
    this.input.end('exit\n');
    await this.ended;
  }
}

/**
 * The console: one terminal per person over one bot (and one store), as several people at the
 * prompt of `npm start` (`GSEF_LANG=fr` for the French speaker); what the bot tells people and
 * channels of its own accord is printed, as the console adapter prints it.
 */
export async function startConsoleDriver(): Promise<PlatformDriver> {
  const printed: string[] = [];
  const print = (text: string) => {
    printed.push(text);
    announceChange();
  };
  const bot = await botAt(NOW, undefined, undefined, print);
  const terminals: Record<Person, Terminal> = {
    member: new Terminal(bot, 'ana', undefined),
    francophone: new Terminal(bot, 'marie', 'fr'),
    // The seed's settings.yaml makes the secretariat, the console's own user, an editor.
    editor: new Terminal(bot, 'secretariat', undefined),
  };
  const printedWith = (start: string, words: readonly string[]) =>
    waitFor(
      () => printed.find((text) => text.trimStart().startsWith(start) && words.every((w) => text.includes(w))),
      `"${start}…" printed with ${words.join(', ')}`,
    );
  return {
    adapter: consoleAdapter(bot.kb.catalog.settings.newsletter, print),
    reminderChannel: 'steering-committee',
    knowsWhatItPosted: false,
    ask: (command, person) => terminals[person].type(command),
    sendNews: (text) => terminals.member.type(`news ${text}`),
    approve: (number) => terminals.editor.type(`newsletter approve ${number}`),
    toldMember: (words) => printedWith('[→ ana]', words),
    postedIn: (channel) => printedWith(`[${channel}]`, []),
    async stop() {
      await Promise.all(Object.values(terminals).map((terminal) => terminal.exit()));
    },
  };
}
