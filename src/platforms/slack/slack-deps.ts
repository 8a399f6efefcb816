import type { webApi } from '@slack/bolt';
import type { Bot } from '../../bot.js';
import type { Logger } from '../../logger.js';
import type { NewsIntake } from '../../news/direct-message-news.js';
import type { SlackAskers } from './slack-askers.js';

/** What the Slack listeners share: the bot that answers, its news intake, the Web API client, who asks, the log. */
export interface SlackDeps {
  bot: Bot;
  intake: NewsIntake;
  client: webApi.WebClient;
  askers: SlackAskers;
  logger: Logger;
}
