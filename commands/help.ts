import { defineCommand } from '../src/dispatch/command.js';
import { closestName } from '../src/dispatch/suggest.js';
import { reply } from '../src/reply/reply.js';

/** `help [command]`: the list of commands, or one command's usage and examples. */
export default defineCommand({
  name: 'help',
  aliases: ['aide', 'ayuda', '?'],
  options: [{ name: 'command', type: 'command-name', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, argument) {
    const wanted = argument
      .trim()
      .replace(/^\/?gsef\s+/i, '')
      .toLowerCase();
    if (wanted === '') {
      return reply('ok', ctx.t('help.title'), [
        { type: 'text', text: ctx.t('help.intro') },
        {
          type: 'list',
          items: ctx.commands.map((c) => ({
            title: ctx.t(`commands.${c.name}.usage`),
            details: [ctx.t(`commands.${c.name}.summary`)],
          })),
        },
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
    const examples = ctx.translator.words(ctx.lang, `commands.${command.name}.examples`);
    return reply('ok', ctx.t(`commands.${command.name}.usage`), [
      { type: 'text', text: ctx.t(`commands.${command.name}.summary`) },
      { type: 'list', heading: ctx.t('help.examples'), items: examples.map((e) => ({ title: e, details: [] })) },
      ...(command.aliases.length > 0
        ? [{ type: 'note' as const, text: ctx.t('help.aliases', { aliases: command.aliases.join(', ') }) }]
        : []),
      ...(command.permission === 'editor' ? [{ type: 'note' as const, text: ctx.t('help.editorsOnly') }] : []),
    ]);
  },
});
