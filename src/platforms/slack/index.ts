import { platformEntry } from '../platform-entry.js';
import { readSlackConfig } from './slack-config.js';

/** Slack, when SLACK_BOT_TOKEN is set: Bolt over HTTP or in Socket Mode. */
export const slackPlatform = platformEntry(
  'slack',
  readSlackConfig,
  async () => (await import('./start-slack.js')).startSlack,
);
