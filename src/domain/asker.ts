import { z } from 'zod';

/**
 * A chat platform's name, as its adapter gives it (`slack`, `discord`, `console`): stored with
 * news items and their notices, and named in data/settings.yaml's reminder targets. Any adapter
 * listed in src/platforms/registry.ts may add one; the core never lists them.
 */
export type PlatformName = string;

/** A platform's name as data/settings.yaml and the store hold it: lower-case letters, digits, dashes. */
export const platformName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a platform name such as slack, discord or console');

/** Who asks, as the platform knows them. */
export interface Asker {
  platform: PlatformName;
  id: string;
  displayName?: string;
  /** The locale the platform reports for the person (`fr-FR`, `es-419`), if any. */
  locale?: string;
  /** The IANA time zone the platform reports for the person (a Slack profile's), if any. */
  timeZone?: string;
  /** Whether the asker belongs to the editorial committee (configured in data/). */
  isEditor: boolean;
  /** Where the request was made, when the platform says: news items keep it as their source. */
  origin?: { channel?: string; messageId?: string; permalink?: string };
}
