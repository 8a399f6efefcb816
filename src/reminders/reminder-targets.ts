import type { ReminderSettings, ReminderTarget } from '../catalog/schema.js';
import { quoted } from '../config.js';
import { ConfigError } from '../errors.js';
import { isLang, LANGS, type Lang } from '../domain/vocabulary.js';

/** The reminder settings of the environment, read and checked before anything starts. */
export interface ReminderEnv {
  /** GSEF_REMINDER_LANGUAGES: the languages of the targets below (comma-separated, default all three). */
  languages: Lang[];
  /** GSEF_REMINDER_SLACK_CHANNEL: a Slack channel id. */
  slackChannel: string | undefined;
  /** GSEF_REMINDER_DISCORD_CHANNEL: a Discord channel id. */
  discordChannel: string | undefined;
}

const CHANNELS = {
  GSEF_REMINDER_SLACK_CHANNEL: {
    pattern: /^[A-Z0-9]{2,40}$/,
    example: 'a Slack channel id such as C0123456789 (channel details > About, at the bottom)',
  },
  GSEF_REMINDER_DISCORD_CHANNEL: {
    pattern: /^\d{1,25}$/,
    example: 'a Discord channel id, digits such as 123456789012345678 (right-click the channel > Copy Channel ID)',
  },
} as const;

/** Reads GSEF_REMINDER_LANGUAGES and the channel variables; a bad one is a ConfigError naming it. */
export function readReminderEnv(env: NodeJS.ProcessEnv): ReminderEnv {
  const text = env.GSEF_REMINDER_LANGUAGES?.trim() || LANGS.join(',');
  const languages = text.length > 64 ? [text] : text.split(',').map((l) => l.trim().toLowerCase());
  const bad = languages.find((l) => !isLang(l));
  if (bad !== undefined)
    throw new ConfigError(
      'GSEF_REMINDER_LANGUAGES',
      `${quoted(bad)} is not one of ${LANGS.join(', ')} (give a comma-separated list such as en,fr)`,
    );
  const channel = (variable: keyof typeof CHANNELS) => {
    const id = env[variable]?.trim();
    if (!id) return undefined;
    if (!CHANNELS[variable].pattern.test(id))
      throw new ConfigError(variable, `${quoted(id)} is not ${CHANNELS[variable].example}`);
    return id;
  };
  return {
    languages: languages as Lang[],
    slackChannel: channel('GSEF_REMINDER_SLACK_CHANNEL'),
    discordChannel: channel('GSEF_REMINDER_DISCORD_CHANNEL'),
  };
}

/**
 * The reminder targets: those of data/settings.yaml, plus one per platform named in the
 * environment (GSEF_REMINDER_SLACK_CHANNEL, GSEF_REMINDER_DISCORD_CHANNEL), in the languages of
 * GSEF_REMINDER_LANGUAGES.
 */
export function reminderTargets(settings: ReminderSettings, env: ReminderEnv): ReminderTarget[] {
  const targets = [...settings.targets];
  const fromEnv = [
    ['slack', env.slackChannel],
    ['discord', env.discordChannel],
  ] as const;
  for (const [platform, channel] of fromEnv) {
    if (channel && !targets.some((t) => t.platform === platform && t.channel === channel))
      targets.push({ platform, channel, languages: env.languages });
  }
  return targets;
}
