import { z } from 'zod';
import { ConfigError } from '../../../src/errors.js';
import { envText } from '../../../src/env-text.js';

/** What the loopback platform needs from the environment. */
export interface LoopbackConfig {
  /**
   * The people of the editorial committee on this platform (LOOPBACK_EDITORS, comma-separated
   * ids): the seed's settings.yaml names editors for Slack, Discord and the console only.
   */
  editors: readonly string[];
}

// An empty variable (`LOOPBACK_PLATFORM=` in an env file) counts as unset.
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const loopbackEnv = z.object({
  LOOPBACK_PLATFORM: z.preprocess(
    unsetIfEmpty,
    envText(8)
      .trim()
      .toLowerCase()
      .pipe(z.enum(['on', 'off'], { error: 'must be on or off' }))
      .optional(),
  ),
  LOOPBACK_EDITORS: z.preprocess(
    unsetIfEmpty,
    envText(1000)
      .transform((text) => text.split(',').map((id) => id.trim()))
      .pipe(z.array(z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be person ids such as edith,kim (a-z, 0-9, -)')))
      .optional(),
  ),
});

/**
 * Reads the loopback platform's settings: undefined unless LOOPBACK_PLATFORM is `on` (the
 * platform is off), else its configuration. A bad value is a ConfigError naming the variable.
 */
export function readLoopbackConfig(env: NodeJS.ProcessEnv): LoopbackConfig | undefined {
  const parsed = loopbackEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  if (parsed.data.LOOPBACK_PLATFORM !== 'on') return undefined;
  return { editors: parsed.data.LOOPBACK_EDITORS ?? [] };
}
