import type { Bot } from '../../../src/bot.js';
import type { Logger } from '../../../src/logger.js';
import { LoopbackAdapter } from './loopback-adapter.js';
import type { LoopbackConfig } from './loopback-config.js';

/** Starts the loopback platform: there is nothing to connect to, its people are ready at once. */
export async function startLoopback(bot: Bot, config: LoopbackConfig, logger: Logger): Promise<LoopbackAdapter> {
  const adapter = new LoopbackAdapter(bot, config);
  logger.info('the loopback platform is ready', { editors: config.editors });
  return adapter;
}
