import { parseArgs } from 'node:util';
import { readCoreConfig } from '../config.js';
import { ConfigError, TargetNotEmptyError } from '../errors.js';
import { copyStore } from '../store/copy-store.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { withoutPassword } from '../url-credentials.js';

export const STORE_USAGE = 'gsef store copy --to URL   (from GSEF_STORE_URL into an empty store; stop the bot first)';

/** `gsef store copy --to URL`: moves the queue, the reminder records and the language choices to another store. */
export async function storeCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let to: string;
  try {
    const parsed = parseArgs({ args, options: { to: { type: 'string' } }, allowPositionals: true });
    if (parsed.positionals.join(' ') !== 'copy' || !parsed.values.to) throw new Error('expected `copy --to URL`');
    to = parsed.values.to;
  } catch (error) {
    err(`gsef store: ${(error as Error).message}\nusage: ${STORE_USAGE}`);
    return 2;
  }
  const opened: Store[] = [];
  try {
    const fromUrl = readCoreConfig(env).storeUrl;
    if (fromUrl === to) throw new ConfigError('--to', 'is the store GSEF_STORE_URL already names');
    const from = await openStore(fromUrl);
    opened.push(from);
    const target = await openStore(to);
    opened.push(target);
    const report = await copyStore(from, target);
    out(
      `Copied ${report.items} news item(s)${report.items ? ` (numbers up to #${report.highestNumber})` : ''}, ${report.values} other value(s) and ${report.notices} notice(s) awaiting delivery from ${withoutPassword(fromUrl)} to ${withoutPassword(to)}.`,
    );
    out('Next: set GSEF_STORE_URL to the --to URL and start the bot.');
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof TargetNotEmptyError) {
      err(`gsef store: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    await Promise.all(opened.map((store) => store.close()));
  }
}
