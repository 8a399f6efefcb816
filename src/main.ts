/**
 * `npm start`: the composition root, the only place that reads the environment. It loads the
 * data, opens the store, and starts each chat platform whose settings are present; with none,
 * the interactive console.
 */
import { DataError, problemReport } from './catalog/data-error.js';
import { ConfigError, readCoreConfig } from './config.js';
import { createBot } from './create-bot.js';
import { createLogger } from './logger.js';
import { consoleAsker } from './platforms/console/console-asker.js';
import { runRepl } from './platforms/console/repl.js';
import { readDiscordConfig } from './platforms/discord/discord-config.js';
import { startDiscord } from './platforms/discord/start-discord.js';
import type { RunningPlatform } from './platforms/running-platform.js';
import { readSlackConfig } from './platforms/slack/slack-config.js';
import { startSlack } from './platforms/slack/start-slack.js';
import { startReminders } from './reminders/start-reminders.js';
import { openStore } from './store/open-store.js';

async function start(): Promise<number> {
  try {
    const config = readCoreConfig(process.env);
    const discord = readDiscordConfig(process.env);
    const slack = readSlackConfig(process.env);
    // The console shares its terminal with the log: there, only what needs attention.
    const logger = createLogger(config.logLevel ?? (discord || slack ? 'info' : 'warn'));
    const store = await openStore(config.storeUrl);
    for (const warning of store.warnings) logger.warn(warning);
    const bot = await createBot(config, store, logger, 'running');
    const platforms: RunningPlatform[] = [];
    if (discord) platforms.push(await startDiscord(bot, discord, logger));
    if (slack) platforms.push(await startSlack(bot, slack, logger));
    const reminders = startReminders(bot, store, platforms, config.dataDir, process.env, logger);
    if (platforms.length === 0) {
      await runRepl(bot, consoleAsker(bot.services.kb.catalog.settings.newsletter), config.lang, process.stdin, process.stdout);
      await reminders.stop();
      await bot.services.outbox.stop();
      await store.close();
      return 0;
    }
    logger.info('gsef-bot is running', { platforms: platforms.map((p) => p.name) });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    logger.info('stopping');
    await reminders.stop();
    // Before the platforms: a notice being sent finishes and is recorded as delivered.
    await bot.services.outbox.stop();
    await Promise.allSettled(platforms.map((p) => p.stop()));
    await store.close();
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Cannot start: ${error.message}`);
      return 2;
    }
    if (error instanceof DataError) {
      for (const line of problemReport('Cannot start: ', error)) console.error(line);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await start();
