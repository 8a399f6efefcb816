import { defineCommand, type CommandContext, type CommandDefinition } from '../src/dispatch/command.js';
import { commandHelp } from '../src/dispatch/command-help.js';
import { closestName } from '../src/dispatch/suggest.js';
import { reply } from '../src/reply/reply.js';

/** `help [command]`: the list of commands, or one command's usage and examples. */
export default defineCommand({
  name: 'help',
  aliases: ['aide', 'ayuda', '?'],
  options: [{ name: 'command', type: 'command-name', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { command: wanted }) {
    if (wanted === undefined) {
      return reply('ok', ctx.t('help.title'), [
        { type: 'text', text: ctx.t('help.intro') },
        { type: 'list', items: ctx.commands.map((c) => summaryItem(ctx, c)) },
        { type: 'note', text: ctx.t('help.more') },
      ]);
    }
    const command = ctx.commands.find((c) => c.name === wanted || c.aliases.includes(wanted));
    if (!command) {
      const suggestion = closestName(
        wanted,
        ctx.commands.map((c) => c.name),
      );
      return reply('invalid', ctx.t('errors.unknownCommand', { typed: wanted }), [
        { type: 'text', text: suggestion ? ctx.t('errors.didYouMean', { suggestion }) : ctx.t('errors.seeHelp') },
      ]);
    }
    const { title, details } = summaryItem(ctx, command);
    const help = commandHelp(command.name, ctx);
    const examples = help ? ctx.words(help.examples) : [];
    return reply('ok', title, [
      ...details.map((text) => ({ type: 'text' as const, text })),
      { type: 'list', heading: ctx.t('help.examples'), items: examples.map((e) => ({ title: e, details: [] })) },
      ...(command.aliases.length > 0
        ? [{ type: 'note' as const, text: ctx.t('help.aliases', { aliases: command.aliases.join(', ') }) }]
        : []),
      ...(command.permission === 'everyone'
        ? []
        : [{ type: 'note' as const, text: ctx.t(ONLY_FOR[command.permission]) }]),
    ]);
  },
});

/** The note under the help of a command only some may run. */
const ONLY_FOR = { editor: 'help.editorsOnly', secretariat: 'help.secretariatOnly' } as const;

/** A command's usage line and summary; only its name for a command the locale files do not explain. */
function summaryItem(ctx: CommandContext, command: CommandDefinition): { title: string; details: string[] } {
  const help = commandHelp(command.name, ctx);
  return help ? { title: ctx.t(help.usage), details: [ctx.t(help.summary)] } : { title: command.name, details: [] };
}
