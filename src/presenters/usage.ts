import type { LocaleContext } from '../i18n/locale-context.js';
import type { MessageKey } from '../i18n/message-keys.js';
import type { ReplyBlock } from '../reply/reply.js';

/** How a command is used, with examples, in the asker's language: under an answer that refuses what was typed. */
export function usageBlocks(ctx: LocaleContext, usage: MessageKey, examples: readonly string[]): ReplyBlock[] {
  return [
    { type: 'text', text: ctx.t('errors.usage', { usage: ctx.t(usage) }) },
    { type: 'list', heading: ctx.t('help.examples'), items: examples.map((e) => ({ title: e, details: [] })) },
  ];
}
