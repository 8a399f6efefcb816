import { readCoreConfig } from '../config.js';
import { createBot } from '../create-bot.js';
import { createLogger } from '../logger.js';
import { consoleAsker } from '../platforms/console/console-asker.js';
import { renderText } from '../reply/render-text.js';
import { parseToolArgs, runTool, type Print, type Tool } from './tool.js';
import { openToolStore } from './tool-store.js';
import { EXPORT_USAGE, IMPORT_USAGE, REMINDERS_USAGE, SLACK_MANIFEST_USAGE, STORE_USAGE } from './tool-usage.js';
// For bin/gsef.js, which sets it up before main() writes anything: one module to load, not two.
export { stopQuietlyWhenTheReaderLeaves } from '../broken-pipe.js';
import type { Bot } from '../bot.js';
import type { Asker } from '../domain/asker.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Reply } from '../reply/reply.js';

const USAGE = `usage: gsef <command text> [--now ISO] [--lang en|fr|es] [--json] [--as NAME]
       gsef check-data [DIR]
       gsef discord-register [--guild ID]
       ${IMPORT_USAGE}
       ${EXPORT_USAGE}
       ${REMINDERS_USAGE}
       ${SLACK_MANIFEST_USAGE}
       ${STORE_USAGE}
       gsef            (no command: interactive console)
Try: gsef help`;

/**
 * Tools for the secretariat, each parsing its own flags; any other first word is chat command
 * text. Each tool is loaded when its name is typed: what they need (the YAML parser and the
 * schemas, spreadsheet readers, discord.js…) is not loaded by every one-shot answer.
 */
const TOOLS = new Map<string, () => Promise<Tool>>([
  ['check-data', async () => (await import('./check-data.js')).checkDataCli],
  ['discord-register', async () => (await import('./discord-register.js')).discordRegisterCli],
  ['export', async () => (await import('./export-events.js')).exportCli],
  ['import', async () => (await import('./import-events.js')).importCli],
  ['reminders', async () => (await import('./reminders-cli.js')).remindersCli],
  ['slack-manifest', async () => (await import('./slack-manifest.js')).printSlackManifest],
  ['store', async () => (await import('./store-cli.js')).storeCli],
]);

/**
 * Exit codes: 0 an answer, 1 a failure (bad data, an error, no file from a command whose answer is
 * one), 2 bad input (unknown command, bad flag, bad setting). A failure is reported in one line per
 * problem, never with a stack trace.
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = (text: string) => process.stdout.write(`${text}\n`);
  const err = (text: string) => process.stderr.write(`${text}\n`);
  const loadTool = argv[0] === undefined ? undefined : TOOLS.get(argv[0]);
  // A tool reports its own failures; this also reports one loading it (a module that cannot be loaded).
  return runTool(loadTool ? `gsef ${argv[0]}: ` : 'gsef: ', env, err, async () =>
    loadTool ? (await loadTool())(argv.slice(1), env, out, err) : answer(argv, env, out, err),
  );
}

const CLI_OPTIONS = {
  now: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--csv`: a word that looks like a switch and is none of gsef's own. */
function isCommandSwitch(arg: string): boolean {
  const name = /^--([a-z][a-z0-9-]*)$/.exec(arg)?.[1];
  return name !== undefined && !(name in CLI_OPTIONS);
}

/** `gsef <command text>` or, with no command, the interactive console. */
async function answer(argv: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print): Promise<number> {
  // A command's own switches (`attendance --csv`) belong to its text, not to gsef.
  const commandSwitches = argv.filter(isCommandSwitch);
  const { values, positionals: words } = parseToolArgs(
    {
      args: argv.filter((arg) => !isCommandSwitch(arg)),
      options: CLI_OPTIONS,
      allowPositionals: true,
    },
    USAGE,
  );
  const positionals = [...words, ...commandSwitches];
  if (values.help) {
    out(USAGE);
    return 0;
  }

  const config = readCoreConfig(env, { now: values.now, lang: values.lang });
  const store = await openToolStore(config.storeUrl, 'gsef', err);
  try {
    const bot = await createBot(config, store, createLogger(config.logLevel ?? 'warn'));
    const asker = consoleAsker(bot.kb.catalog.settings.newsletter, values.as);
    if (positionals.length === 0) {
      // Only the interactive console reads lines: a one-shot answer does not load readline.
      const { runRepl } = await import('../platforms/console/repl.js');
      await runRepl(bot, asker, config.lang, process.stdin, process.stdout);
      return 0;
    }
    return await answerOnce(bot, asker, positionals.join(' '), config.lang, values.json === true, out, err);
  } finally {
    await store.close();
  }
}

async function answerOnce(
  bot: Bot,
  asker: Asker,
  text: string,
  lang: Lang | undefined,
  json: boolean,
  out: Print,
  err: Print,
): Promise<number> {
  const answer = await bot.answer(text, asker, lang);
  if (json) out(JSON.stringify(answer, null, 2));
  if (answer.status === 'invalid') {
    // Bad input: one line saying why (and what to try), for scripts and people alike.
    err(`gsef: ${reason(answer)}`);
    return 2;
  }
  if (answer.fileExpected && !answer.attachment) {
    // `gsef calendar <filter> > gsef.ics`: the explanation goes to stderr, nothing into the file.
    err(`gsef: ${reason(answer)}`);
    return 1;
  }
  // A file is written exactly as it is: `gsef calendar > gsef.ics` ends with the file's own CRLF, no extra line.
  if (!json && answer.attachment) process.stdout.write(answer.attachment.content);
  else if (!json) out(renderText(answer));
  return answer.status === 'error' ? 1 : 0;
}

/** An answer in one line: its title and its first text (why, and what to try). */
function reason(answer: Reply): string {
  const hint = answer.blocks.find((b) => b.type === 'text');
  return `${answer.title}${hint?.type === 'text' ? ` ${hint.text}` : ''}`;
}
