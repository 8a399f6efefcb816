import { readCoreConfig } from '../config.js';
import { ConfigError, UsageError } from '../errors.js';
import { copyStore } from '../store/copy-store.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { withoutPassword } from '../url-credentials.js';
import { STORE_USAGE } from './tool-usage.js';
import { parseToolArgs, runTool, type Tool } from './tool.js';

/** `gsef store copy --to URL`: moves the queue, the reminder records and the language choices to another store. */
export const storeCli: Tool = (args, env, out, err) =>
  runTool('gsef store: ', env, err, async () => {
    const usage = `usage: ${STORE_USAGE}`;
    const { values, positionals } = parseToolArgs(
      { args: [...args], options: { to: { type: 'string' } }, allowPositionals: true },
      usage,
    );
    const to = values.to;
    if (positionals.join(' ') !== 'copy' || !to) throw new UsageError('expected `copy --to URL`', usage);
    const fromUrl = readCoreConfig(env).storeUrl;
    if (fromUrl === to) throw new ConfigError('--to', 'is the store GSEF_STORE_URL already names');
    const opened: Store[] = [];
    try {
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
    } finally {
      await Promise.all(opened.map((store) => store.close()));
    }
  });
