import type { Bot } from '../../bot.js';
import type { Logger } from '../../logger.js';
import type { NewsIntake } from '../../news/direct-message-news.js';
import type { NewsRules } from '../../news/news-rules.js';

/** What the Discord handlers share: the bot that answers and where to log. */
export interface DiscordContext {
  bot: Bot;
  logger: Logger;
  /** How long an answer may take before the interaction is deferred (Discord allows 3 s for the first response). */
  deferAfterMs: number;
  /** Where messages taken as news go (DMs, news channels, 📰, the message menu). */
  intake: NewsIntake;
  /** The newsletter's rules: which messages are news and whose, who may moderate. */
  rules: NewsRules;
}
