import type { webApi } from '@slack/bolt';
import type { Bot } from '../../bot.js';
import type { Logger } from '../../logger.js';
import type { NewsIntake } from '../../news/direct-message-news.js';
import type { NewsRules } from '../../news/news-rules.js';
import type { SlackAskers } from './slack-askers.js';

/**
 * What the Slack listeners share: the bot that answers, the newsletter's intake and its rules
 * (which messages are news, and whose), the Web API client, who asks, the log.
 */
export interface SlackDeps {
  bot: Bot;
  intake: NewsIntake;
  rules: NewsRules;
  client: webApi.WebClient;
  askers: SlackAskers;
  logger: Logger;
}
