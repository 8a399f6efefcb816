/**
 * `npm start`: the composition root. It reads and checks every setting first (src/config.ts),
 * then loads the data, opens the store, and starts each chat platform whose settings are present;
 * with none, the interactive console. It follows the data folder while it runs (src/live-data/).
 */
import { parseInWorker } from './catalog/parse-in-worker.js';
import { readConfig } from './config.js';
import { createBot, startYear } from './create-bot.js';
import { keepServingWhenTheReaderLeaves, stopQuietlyWhenTheReaderLeaves } from './broken-pipe.js';
import { describeFailure } from './errors.js';
import { followData } from './live-data/follow-data.js';
import { LiveKnowledge } from './live-data/live-knowledge.js';
import { createLogger } from './logger.js';
import { unknownPlatformNames } from './platforms/platform-names.js';
import { consoleAdapter } from './platforms/console/console-adapter.js';
import { consoleAsker } from './platforms/console/console-asker.js';
import { runRepl } from './platforms/console/repl.js';
import { PLATFORMS } from './platforms/registry.js';
import { startPlatforms } from './platforms/start-platforms.js';
import { startReminders } from './reminders/start-reminders.js';
import { openStore } from './store/open-store.js';
import { maskCredentials } from './url-credentials.js';

async function start(): Promise<number> {
  const { core: config, platforms } = readConfig(process.env, PLATFORMS);
  // The console shares its terminal with the log: there, only what needs attention.
  const logger = createLogger(config.logLevel ?? (platforms.length > 0 ? 'info' : 'warn'));
  const store = await openStore(config.storeUrl);
  for (const warning of store.warnings) logger.warn(maskCredentials(warning, config.storeUrl));
  // A reload parses in a worker thread, so that answers go on meanwhile (the one-shot `gsef`,
  // which never reloads, does not load the worker's code).
  const knowledge = await LiveKnowledge.load(config.dataDir, logger, {
    ...startYear(config),
    parseReloads: parseInWorker,
  });
  const bot = await createBot(config, store, logger, 'running', knowledge);
  for (const place of unknownPlatformNames(bot.kb.catalog.settings))
    logger.warn('data/settings.yaml names a platform this bot does not have: nothing goes there', { place });
  const { outbox } = bot.services;
  const { newsletter } = bot.kb.catalog.settings;
  const running = await startPlatforms(platforms, bot, logger, outbox);
  const { timeZone, clock } = bot.services;
  const inLanguage = bot.inLanguage.bind(bot);
  const reminders = startReminders(
    { knowledge, timeZone, clock, inLanguage, services: bot.services },
    store,
    [consoleAdapter(newsletter), ...running],
    logger,
  );
  const data = followData(knowledge, { store, outbox, inLanguage, logger });
  if (running.length === 0) {
    stopQuietlyWhenTheReaderLeaves('gsef');
    await runRepl(bot, consoleAsker(newsletter), config.lang, process.stdin, process.stdout);
  } else {
    keepServingWhenTheReaderLeaves();
    logger.info('gsef-bot is running', { platforms: running.map((p) => p.name) });
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    logger.info('stopping');
  }
  await data.stop();
  await reminders.stop();
  // Before the platforms: a notice being sent finishes and is recorded as delivered.
  await outbox.stop();
  await Promise.allSettled(running.map((p) => p.stop()));
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
