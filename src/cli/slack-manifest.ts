import path from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { COMMANDS } from '../../commands/index.js';
import { DataError } from '../errors.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { Translator } from '../i18n/translator.js';
import { slackManifest } from '../platforms/slack/slack-manifest.js';

export const SLACK_MANIFEST_USAGE = 'gsef slack-manifest [--socket | --url https://YOUR-HOST]';

/** `gsef slack-manifest [--socket] [--url BASE]`: prints the Slack app manifest as YAML. */
export async function printSlackManifest(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { socket: { type: 'boolean' }, url: { type: 'string' } } }));
  } catch (error) {
    err(`gsef slack-manifest: ${(error as Error).message}\nusage: ${SLACK_MANIFEST_USAGE}`);
    return 2;
  }
  const socket = values.socket === true;
  const baseUrl = values.url ?? 'https://YOUR-HOST';
  if (socket && values.url !== undefined) {
    err('gsef slack-manifest: --socket and --url exclude each other: Socket Mode needs no request URL');
    return 2;
  }
  // Slack sends requests to https URLs only.
  if (!/^https:\/\/[^\s/]+/.test(baseUrl)) {
    err(
      `gsef slack-manifest: --url must be the bot's public https address, such as https://gsef-bot.example.org (got "${baseUrl}")`,
    );
    return 2;
  }
  try {
    const catalog = await loadCatalog(path.resolve(env.GSEF_DATA_DIR ?? 'data'));
    out(stringify(slackManifest(COMMANDS, new Translator(catalog.locales), { socket, baseUrl })).trimEnd());
    return 0;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    for (const line of error.report('gsef slack-manifest: ')) err(line);
    return 1;
  }
}
