import type { NewsletterSettings } from '../../catalog/schema.js';
import type { Asker } from '../../domain/asker.js';

/**
 * The person at the console (`--as NAME`, `secretariat` by default). The secretariat runs the
 * console: it is an editor unless data/settings.yaml says otherwise.
 */
export function consoleAsker(settings: NewsletterSettings, name = 'secretariat'): Asker {
  return { platform: 'console', id: name, displayName: name, isEditor: settings.editors.console.includes(name) };
}
