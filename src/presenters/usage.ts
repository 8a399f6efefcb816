import type { CommandContext } from '../dispatch/command.js';
import { reply, type Reply } from '../reply/reply.js';

/** The answer to a command used wrongly: how to use it, with examples, in the asker's language. */
export function usageReply(ctx: CommandContext, commandName: string): Reply {
  return reply('invalid', ctx.t('errors.usage', { usage: ctx.t(`commands.${commandName}.usage`) }), [
    { type: 'text', text: ctx.t(`commands.${commandName}.summary`) },
    {
      type: 'list',
      heading: ctx.t('help.examples'),
      items: ctx.translator.words(ctx.lang, `commands.${commandName}.examples`).map((e) => ({ title: e, details: [] })),
    },
  ]);
}
