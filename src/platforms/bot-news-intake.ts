import type { Bot } from '../bot.js';
import { questionToCommand } from '../dispatch/question-to-command.js';
import { NewsIntake } from '../news/direct-message-news.js';

/**
 * The news intake of a running bot, for the chat adapters: direct messages that may be news and
 * messages marked as news reach the newsletter through it, with the bot's languages, its answers
 * to questions and the context its `news` command runs in.
 */
export function newsIntakeOf(bot: Bot): NewsIntake {
  return new NewsIntake({
    languageOf: (asker) => bot.languageOf(asker),
    answerQuestion: (text, asker) => bot.answerQuestion(text, asker),
    isQuestion: (text) => questionToCommand(text, bot.commands, bot.translator) !== undefined,
    contextOf: (asker, lang) => bot.context(asker, lang),
  });
}
