import type { ReminderSettings, ReminderTarget } from '../catalog/schema.js';
import type { Lang } from '../domain/vocabulary.js';

/** The reminder settings of the environment, read and checked by src/config.ts before anything starts. */
export interface ReminderEnv {
  /** GSEF_REMINDER_LANGUAGES: the languages of the targets below (comma-separated, default all three). */
  languages: Lang[];
  /** GSEF_REMINDER_SLACK_CHANNEL: a Slack channel id. */
  slackChannel: string | undefined;
  /** GSEF_REMINDER_DISCORD_CHANNEL: a Discord channel id. */
  discordChannel: string | undefined;
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
