import type { Asker } from '../../domain/asker.js';
import type { SlackMessage } from './render-slack.js';
import { reply } from '../../reply/reply.js';
import type { SlackDeps } from './slack-deps.js';
import { slackMessage } from './slack-message.js';
import { apologyKey } from '../../errors.js';

/**
 * Runs the work of a Slack listener. If it fails, the error is logged with its context and the
 * asker gets a short apology in their language through `send`; nothing escapes to Bolt, so one
 * failing request never affects another.
 */
export async function answerSafely(
  deps: SlackDeps,
  asker: Asker,
  context: Record<string, unknown>,
  send: (message: SlackMessage) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.logger.error('Slack request failed', { ...context, asker: asker.id, error });
    try {
      const lang = await deps.bot.languageOf(asker);
      await send(slackMessage(deps.bot, lang, reply('error', deps.bot.t(lang, apologyKey(error)))));
    } catch (apologyError) {
      deps.logger.error('could not send the apology either', { ...context, asker: asker.id, error: apologyError });
    }
  }
}
