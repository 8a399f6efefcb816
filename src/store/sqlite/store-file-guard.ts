import { stat } from 'node:fs/promises';
import { StoreFileLostError } from '../../errors.js';
import { createLogger } from '../../logger.js';

/**
 * Watches that the file at a path is still the one the store opened (same device and inode). An
 * open SQLite handle keeps writing to a file that was deleted or replaced (a clean-up script, a
 * restore with `mv`): every write would be acknowledged and then lost at the next start. Once the
 * file is found gone or changed, every later operation is refused.
 */
export class StoreFileGuard {
  private lost = false;

  private constructor(
    private readonly file: string,
    private readonly identity: string,
  ) {}

  static async of(file: string): Promise<StoreFileGuard> {
    return new StoreFileGuard(file, await identityOf(file));
  }

  /** Resolves if the file is still the store's; else rejects, and says so loudly the first time. */
  async check(): Promise<void> {
    if (!this.lost && (await identityOf(this.file).catch(() => undefined)) === this.identity) return;
    const error = new StoreFileLostError(this.file);
    if (!this.lost) createLogger('error').error(error.message, { file: this.file });
    this.lost = true;
    throw error;
  }
}

async function identityOf(file: string): Promise<string> {
  const { dev, ino } = await stat(file, { bigint: true });
  return `${dev}:${ino}`;
}
