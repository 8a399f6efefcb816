import type { ReminderSettings, ReminderTarget } from '../catalog/schema.js';
import { ConfigError } from '../config.js';
import { isLang, type Lang } from '../domain/vocabulary.js';

/**
 * The reminder targets: those of data/settings.yaml, plus one per platform named in the
 * environment (GSEF_REMINDER_SLACK_CHANNEL, GSEF_REMINDER_DISCORD_CHANNEL), in the languages of
 * GSEF_REMINDER_LANGUAGES (comma-separated, default all three).
 */
export function reminderTargets(settings: ReminderSettings, env: NodeJS.ProcessEnv): ReminderTarget[] {
  const languages = (env.GSEF_REMINDER_LANGUAGES ?? 'en,fr,es').split(',').map((l) => l.trim().toLowerCase());
  const bad = languages.find((l) => !isLang(l));
  if (bad !== undefined) throw new ConfigError('GSEF_REMINDER_LANGUAGES', `"${bad}" is not one of en, fr, es`);
  const targets = [...settings.targets];
  const fromEnv = [
    ['slack', env.GSEF_REMINDER_SLACK_CHANNEL],
    ['discord', env.GSEF_REMINDER_DISCORD_CHANNEL],
  ] as const;
  for (const [platform, channel] of fromEnv) {
    const id = channel?.trim();
    if (id && !targets.some((t) => t.platform === platform && t.channel === id)) targets.push({ platform, channel: id, languages: languages as Lang[] });
  }
  return targets;
}
