import type { PlatformEntry } from '../platform-entry.js';
import { readSlackConfig } from './slack-config.js';

/** Slack, when SLACK_BOT_TOKEN is set: Bolt over HTTP or in Socket Mode. */
export const slackPlatform: PlatformEntry = {
  name: 'slack',
  configure(env) {
    const config = readSlackConfig(env);
    if (!config) return undefined;
    return async (bot, logger) => (await import('./start-slack.js')).startSlack(bot, config, logger);
  },
};
