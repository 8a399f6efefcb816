import { defineCommand } from '../src/dispatch/command.js';
import { LANGS } from '../src/domain/vocabulary.js';
import { reply } from '../src/reply/reply.js';

/** `lang [en|fr|es]`: shows or sets the language the bot answers the asker in; remembered in the store. */
export default defineCommand({
  name: 'lang',
  aliases: ['language', 'langue', 'idioma'],
  options: [{ name: 'language', type: 'choice', choices: LANGS, required: false }],
  permission: 'everyone',
  readOnly: false,
  async handle(ctx, { language }) {
    if (language === undefined)
      return reply('ok', ctx.t('lang.current', { lang: ctx.t(`lang.name.${ctx.lang}`) }), [
        { type: 'text', text: ctx.t('lang.how') },
      ]);
    await ctx.languages.set(ctx.asker, language);
    // Confirm in the language just chosen: that is the proof it worked.
    const chosen = ctx.inLanguage(language);
    return reply('ok', chosen.t('lang.saved', { lang: chosen.t(`lang.name.${language}`) }));
  },
});
