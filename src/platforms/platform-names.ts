import type { Settings } from '../catalog/schema.js';
import type { PlatformName } from '../domain/asker.js';
import { PLATFORMS } from './registry.js';

/** Every platform this build knows: the console and those of src/platforms/registry.ts. */
export const PLATFORM_NAMES: readonly PlatformName[] = ['console', ...PLATFORMS.map((platform) => platform.name)];

/**
 * The places in data/settings.yaml that name a platform this build does not know (`slak` for
 * `slack`): the schema takes any platform name, so that adding a platform needs no change to it,
 * and this check catches the typo instead. Each is `path: name`.
 */
export function unknownPlatformNames(settings: Settings, known: readonly PlatformName[] = PLATFORM_NAMES): string[] {
  const { reminders, newsletter, announcements, admin = {} } = settings;
  const named = [
    ...reminders.targets.map((target, i) => [`reminders.targets[${i}].platform`, target.platform] as const),
    ...announcements.targets.map((target, i) => [`announcements.targets[${i}].platform`, target.platform] as const),
    ...Object.keys(admin).map((name) => [`admin.${name}`, name] as const),
    ...Object.keys(newsletter.editorialChannels).map((name) => [`newsletter.editorialChannels.${name}`, name] as const),
    ...Object.keys(newsletter.newsChannels).map((name) => [`newsletter.newsChannels.${name}`, name] as const),
    ...newsletter.authors.map((author, i) => [`newsletter.authors[${i}].platform`, author.platform] as const),
  ];
  return named.filter(([, name]) => !known.includes(name)).map(([where, name]) => `${where}: ${name}`);
}
