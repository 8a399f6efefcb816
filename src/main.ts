/**
 * `npm start`: the composition root, the only place that reads the environment. It reads and
 * checks every setting first, then loads the data, opens the store, and starts each chat platform
 * whose settings are present; with none, the interactive console.
 */
import { readCoreConfig } from './config.js';
import { createBot } from './create-bot.js';
import { keepServingWhenTheReaderLeaves, stopQuietlyWhenTheReaderLeaves } from './broken-pipe.js';
import { describeFailure } from './errors.js';
import { createLogger } from './logger.js';
import { consoleAsker } from './platforms/console/console-asker.js';
import { runRepl } from './platforms/console/repl.js';
import { readDiscordConfig } from './platforms/discord/discord-config.js';
import type { RunningPlatform } from './platforms/running-platform.js';
import { readSlackConfig } from './platforms/slack/slack-config.js';
import { readReminderEnv } from './reminders/reminder-targets.js';
import { startReminders } from './reminders/start-reminders.js';
import { openStore } from './store/open-store.js';
import { maskCredentials } from './url-credentials.js';

/**
 * Every setting of the environment, read and checked before anything starts: a bad one stops
 * start-up before the store opens or a platform connects, so nothing keeps the process alive.
 */
function readSettings(env: NodeJS.ProcessEnv) {
  return {
    core: readCoreConfig(env),
    discord: readDiscordConfig(env),
    slack: readSlackConfig(env),
    reminders: readReminderEnv(env),
  };
}

async function start(): Promise<number> {
  const { core: config, discord, slack, reminders: reminderEnv } = readSettings(process.env);
  // The console shares its terminal with the log: there, only what needs attention.
  const logger = createLogger(config.logLevel ?? (discord || slack ? 'info' : 'warn'));
  const store = await openStore(config.storeUrl);
  for (const warning of store.warnings) logger.warn(maskCredentials(warning, config.storeUrl));
  const bot = await createBot(config, store, logger, 'running');
  const platforms: RunningPlatform[] = [];
  // A platform's modules, and so discord.js or Bolt, are loaded only when it is configured: the
  // console starts without them in a third less time and about 30 MB less memory.
  if (discord) {
    const { startDiscord } = await import('./platforms/discord/start-discord.js');
    platforms.push(await startDiscord(bot, discord, logger));
  }
  if (slack) {
    const { startSlack } = await import('./platforms/slack/start-slack.js');
    platforms.push(await startSlack(bot, slack, logger));
  }
  const reminders = startReminders(bot, store, platforms, config.dataDir, reminderEnv, logger);
  if (platforms.length === 0) {
    stopQuietlyWhenTheReaderLeaves('gsef');
    await runRepl(
      bot,
      consoleAsker(bot.kb.catalog.settings.newsletter),
      config.lang,
      process.stdin,
      process.stdout,
    );
    await reminders.stop();
    await bot.services.outbox.stop();
    await store.close();
    return 0;
  }
  keepServingWhenTheReaderLeaves();
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
}

try {
  process.exitCode = await start();
} catch (error) {
  const { lines, exitCode } = describeFailure('Cannot start: ', error, process.env.GSEF_STORE_URL);
  for (const line of lines) process.stderr.write(`${line}\n`);
  // Exit now: a store or a platform opened before the failure must not keep the process alive.
  process.exit(exitCode);
}
