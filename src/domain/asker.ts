/**
 * A chat platform's name, as its adapter gives it (`slack`, `discord`, `console`): stored with
 * news items and their notices, and named in data/settings.yaml's reminder targets. Any adapter
 * listed in src/platforms/registry.ts may add one; the core never lists them.
 */
export type PlatformName = string;

/** Who asks, as the platform knows them. */
export interface Asker {
  platform: PlatformName;
  id: string;
  displayName?: string;
  /** The locale the platform reports for the person (`fr-FR`, `es-419`), if any. */
  locale?: string;
  /** Whether the asker belongs to the editorial committee (configured in data/). */
  isEditor: boolean;
  /** Where the request was made, when the platform says: news items keep it as their source. */
  origin?: { channel?: string; messageId?: string; permalink?: string };
}
