import { createInterface } from 'node:readline';
import type { Bot } from '../../bot.js';
import type { Lang } from '../../domain/vocabulary.js';
import { renderText } from '../../reply/render-text.js';
import type { Asker } from '../../domain/asker.js';

/**
 * The interactive console: type `/gsef next-event` (or just `next-event`) and read the answer.
 * Lines are answered one at a time, in order, even when piped in faster than answered. Ends on
 * `exit`, `quit` or the end of input, once every line read has been answered.
 */
export async function runRepl(
  bot: Bot,
  asker: Asker,
  lang: Lang | undefined,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<void> {
  // Greet before reading: lines read while nothing listens would be lost.
  output.write(`${bot.context(asker, lang ?? (await bot.languageOf(asker))).t('console.welcome')}\n`);
  const rl = createInterface({ input, output, prompt: 'gsef> ', terminal: false });
  const closed = new Promise<void>((resolve) => rl.once('close', resolve));
  let answered: Promise<void> = Promise.resolve();
  let done = false;
  rl.on('line', (line) => {
    const text = line.trim();
    if (done) return;
    if (/^(exit|quit|\\q)$/i.test(text)) {
      done = true;
      rl.close();
      return;
    }
    answered = answered.then(async () => {
      if (text !== '') output.write(`${renderText(await bot.answer(text, asker, lang))}\n\n`);
      if (!done) rl.prompt();
    });
  });
  rl.prompt();
  await closed;
  await answered;
}
