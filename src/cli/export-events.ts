import path from 'node:path';
import { exportEventRows } from '../catalog/import/export-events.js';
import { readCoreConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { EXPORT_USAGE } from './tool-usage.js';
import { parseToolArgs, runTool, type Tool } from './tool.js';

/** `gsef export events --csv`: events.yaml as CSV on stdout, in the columns `gsef import events` reads. */
export const exportCli: Tool = (args, env, out, err) =>
  runTool('gsef export: ', env, err, async () => {
    const { values, positionals } = parseToolArgs(
      {
        args: [...args],
        options: { csv: { type: 'boolean' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
      },
      `usage: ${EXPORT_USAGE}`,
    );
    if (values.help) {
      out(`usage: ${EXPORT_USAGE}`);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] !== 'events')
      throw new UsageError('give what to export: events', `usage: ${EXPORT_USAGE}`);
    const rows = await exportEventRows(path.resolve(values.data ?? readCoreConfig(env).dataDir));
    // CSV is the one format (--csv says so for scripts that may meet another one later).
    out(rows.map((row) => row.map(csvCell).join(',')).join('\n'));
    return 0;
  });

/**
 * A cell as RFC 4180 writes it, quoted when it holds a comma, a quote or a line break. A value
 * that a spreadsheet would run as a formula (=, +, @, -) is written after an apostrophe, which
 * spreadsheets show as text and the import reads back as the value.
 */
function csvCell(value: string): string {
  const safe = /^[=+@-]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
