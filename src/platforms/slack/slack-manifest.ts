import type { CommandDefinition } from '../../dispatch/command.js';
import type { MessageKey } from '../../i18n/message-keys.js';
import type { Translator } from '../../i18n/translator.js';
import { NEWS_SHORTCUT_CALLBACK_ID, SLASH_COMMAND } from './slack-ids.js';

/**
 * The bot scopes the app uses, and why: `commands` /gsef; `chat:write` answers, reminders,
 * editorial notices and private (ephemeral) answers; `app_mentions:read` @gsef questions;
 * `im:history`, `im:read` DMs to the bot; `im:write` opening a DM for the .ics file and for telling
 * authors of the editors' decision; `users:read` a user's locale and name; `files:write` the .ics
 * upload; `channels:history`, `groups:history` posts in news channels and the messages people
 * react to with :newspaper:, in public and in private channels the bot is a member of;
 * `reactions:read` the :newspaper: reaction.
 */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'app_mentions:read',
  'im:history',
  'im:read',
  'im:write',
  'users:read',
  'files:write',
  'channels:history',
  'groups:history',
  'reactions:read',
] as const;

/**
 * The events the app subscribes to: mentions in channels, messages in its DMs and in the public
 * and private channels it is a member of (only news channels' are read), and reactions.
 */
export const SLACK_BOT_EVENTS = [
  'app_mention',
  'message.im',
  'message.channels',
  'message.groups',
  'reaction_added',
] as const;

/** Where Slack sends requests in HTTP mode: Bolt's default path. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackManifestOptions {
  /** Socket Mode (no request URLs) rather than HTTP. */
  socket: boolean;
  /** The public base URL of the bot in HTTP mode, e.g. https://gsef-bot.example.org. */
  baseUrl: string;
}

/**
 * The Slack app manifest (api.slack.com/apps → Create New App → From a manifest), derived from
 * the command declarations; its texts are the English locale file's.
 */
export function slackManifest(
  commands: readonly CommandDefinition[],
  translator: Translator,
  options: SlackManifestOptions,
): Record<string, unknown> {
  const t = (key: MessageKey, params?: Record<string, string>) => translator.t('en', key, params);
  const requestUrl = options.socket
    ? {}
    : { request_url: `${options.baseUrl.replace(/\/+$/, '')}${SLACK_EVENTS_PATH}` };
  const name = t('slack.manifest.name');
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: { name, description: t('slack.manifest.description'), background_color: '#1f3a5f' },
    features: {
      // The Messages tab lets people write to the bot directly.
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      // "Send to GSEF newsletter" in a message's ⋯ menu.
      shortcuts: [
        {
          name: t('slack.manifest.shortcutName'),
          type: 'message',
          callback_id: NEWS_SHORTCUT_CALLBACK_ID,
          description: t('slack.manifest.shortcutDescription'),
        },
      ],
      slash_commands: [
        {
          command: SLASH_COMMAND,
          ...(options.socket ? {} : { url: requestUrl.request_url }),
          description: t('slack.manifest.commandDescription'),
          usage_hint: t('slack.manifest.usageHint', { commands: commands.map((c) => c.name).join(' | ') }),
          should_escape: false,
        },
      ],
    },
    oauth_config: { scopes: { bot: [...SLACK_BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...requestUrl, bot_events: [...SLACK_BOT_EVENTS] },
      interactivity: { is_enabled: true, ...requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socket,
      token_rotation_enabled: false,
    },
  };
}
