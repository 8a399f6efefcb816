/** Who asks, as the platform knows them. */
export interface Asker {
  platform: 'console' | 'slack' | 'discord';
  id: string;
  displayName?: string;
  /** The locale the platform reports for the person (`fr-FR`, `es-419`), if any. */
  locale?: string;
  /** Whether the asker belongs to the editorial committee (configured in data/). */
  isEditor: boolean;
  /** Where the request was made, when the platform says: news items keep it as their source. */
  origin?: { channel?: string; messageId?: string; permalink?: string };
}
