import type { LocaleContext } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/message-keys.js';
import { usageBlocks } from '../presenters/usage.js';
import { reply, type Reply } from '../reply/reply.js';
import { commandHelp } from './command-help.js';
import type { OptionName } from './options.js';
import type { Refusal } from './parse-arguments.js';

/** Choice options whose refusal has words of its own. */
const CHOICE_REFUSALS: Partial<Record<OptionName, MessageKey>> = { language: 'lang.unknown' };

/**
 * The answer to a command whose words cannot be read: what is wrong, precisely ("`approve` needs
 * an item number, such as `newsletter approve 3`"), then how the command is used, with examples.
 * The example is the first of the command's help examples for the (sub)command refused.
 */
export function refusalReply(ctx: LocaleContext & { today: string }, refusal: Refusal): Reply {
  const { path, problem } = refusal;
  const named = path[path.length - 1] ?? path[0];
  const help = commandHelp(path[0], ctx);
  const examples = help ? examplesOf(ctx.words(help.examples), path) : [];
  const example = examples.find((e) => e.includes(' ')) ?? examples[0] ?? path.join(' ');
  const what = (name: OptionName) => ctx.t(`arguments.what.${name}`);
  let title: string;
  switch (problem.kind) {
    case 'missing':
      title = ctx.t('arguments.missing', { command: named, what: what(problem.option.name), example });
      break;
    case 'invalid':
      if (problem.option.type === 'choice' && problem.name === problem.option.name)
        title = ctx.t(CHOICE_REFUSALS[problem.name] ?? 'arguments.notAChoice', {
          typed: problem.typed,
          choices: problem.option.choices.join(', '),
        });
      // Any month makes an example of an edition; this one is sure to be near the one meant.
      else if (problem.option.type === 'edition')
        title = ctx.t('newsletter.notAnEdition', { typed: problem.typed, example: ctx.today.slice(0, 7) });
      else title = ctx.t('arguments.invalid', { typed: problem.typed, what: what(problem.name), example });
      break;
    case 'too-many':
      title = ctx.t('arguments.tooMany', { command: named, typed: problem.typed, example });
      break;
    case 'no-subcommand':
      title = ctx.t('arguments.noSubcommand', { command: named, subcommands: problem.subcommands.join(', ') });
      break;
    case 'unknown-subcommand':
      title = ctx.t('arguments.unknownSubcommand', {
        command: named,
        typed: problem.typed,
        subcommands: problem.subcommands.join(', '),
      });
      break;
  }
  return reply('invalid', title, help ? usageBlocks(ctx, help.usage, examples) : []);
}

/** The examples of the (sub)command refused (`newsletter approve …`), or all of the command's when it has none of its own. */
function examplesOf(all: readonly string[], path: readonly string[]): readonly string[] {
  const words = path.join(' ');
  const own = all.filter((e) => e === words || e.startsWith(`${words} `));
  return own.length > 0 ? own : all;
}
