import path from 'node:path';
import { stringify } from 'yaml';
import { COMMANDS } from '../../commands/index.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { readCoreConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { Translator } from '../i18n/translator.js';
import { slackManifest } from '../platforms/slack/slack-manifest.js';
import { SLACK_MANIFEST_USAGE } from './tool-usage.js';
import { parseToolArgs, runTool, type Tool } from './tool.js';

/** `gsef slack-manifest [--socket] [--url BASE]`: prints the Slack app manifest as YAML. */
export const printSlackManifest: Tool = (args, env, out, err) =>
  runTool('gsef slack-manifest: ', env, err, async () => {
    const { values } = parseToolArgs(
      { args: [...args], options: { socket: { type: 'boolean' }, url: { type: 'string' } } },
      `usage: ${SLACK_MANIFEST_USAGE}`,
    );
    const socket = values.socket === true;
    const baseUrl = values.url ?? 'https://YOUR-HOST';
    if (socket && values.url !== undefined)
      throw new UsageError('--socket and --url exclude each other: Socket Mode needs no request URL');
    // Slack sends requests to https URLs only.
    if (!/^https:\/\/[^\s/]+/.test(baseUrl))
      throw new UsageError(
        `--url must be the bot's public https address, such as https://gsef-bot.example.org (got "${baseUrl}")`,
      );
    const catalog = await loadCatalog(path.resolve(readCoreConfig(env).dataDir));
    out(stringify(slackManifest(COMMANDS, new Translator(catalog.locales), { socket, baseUrl })).trimEnd());
    return 0;
  });
