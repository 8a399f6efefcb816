import type { Asker } from '../../commands/command.js';

/** The person at the console. The secretariat runs the console, so it may moderate by default. */
export function consoleAsker(name = 'secretariat'): Asker {
  return { platform: 'console', id: name, displayName: name, isEditor: name === 'secretariat' };
}
