import { defineCommand } from '../src/dispatch/command.js';
import { isLang, LANGS } from '../src/domain/vocabulary.js';
import { reply } from '../src/reply/reply.js';

/** `lang [en|fr|es]`: shows or sets the language the bot answers the asker in; remembered in the store. */
export default defineCommand({
  name: 'lang',
  aliases: ['language', 'langue', 'idioma'],
  options: [{ name: 'language', type: 'text', required: false }],
  permission: 'everyone',
  readOnly: false,
  async handle(ctx, argument) {
    const wanted = argument.trim().toLowerCase();
    if (wanted === '')
      return reply('ok', ctx.t('lang.current', { lang: ctx.t(`lang.name.${ctx.lang}`) }), [
        { type: 'text', text: ctx.t('lang.how') },
      ]);
    if (!isLang(wanted)) return reply('invalid', ctx.t('lang.unknown', { typed: wanted, langs: LANGS.join(', ') }));
    await ctx.preferences.set(ctx.asker, wanted);
    // Confirm in the language just chosen: that is the proof it worked.
    return reply(
      'ok',
      ctx.translator.t(wanted, 'lang.saved', { lang: ctx.translator.t(wanted, `lang.name.${wanted}`) }),
    );
  },
});
