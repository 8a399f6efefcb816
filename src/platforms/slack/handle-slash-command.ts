import type { SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Asker } from '../../domain/asker.js';
import type { MessageKey } from '../../i18n/message-keys.js';
import type { Reply } from '../../reply/reply.js';
import { renderedOnce } from '../../reply/rendered-once.js';
import { ackOrRespond } from './ack-or-respond.js';
import { answerSafely } from './answer-safely.js';
import { shareableText } from './shareable-text.js';
import type { SlackDeps } from './slack-deps.js';
import { noteLine, slackMessage } from './slack-message.js';
import { slashCommandText } from './slack-text.js';
import { directMessageChannel, uploadAttachment } from './upload-attachment.js';
import type { SlackMessage } from './render-slack.js';

/** The Slack message of an answer given again (the bot's answer cache), rendered the first time only. */
const rendered = renderedOnce<SlackMessage>();

/**
 * `/gsef <command text>`: the console's command text, answered privately (ephemeral) with a
 * "Share in channel" button. The answer goes in the acknowledgement when it is ready within
 * `ackBudgetMs` (ACK_ANSWER_BUDGET_MS, unless a test shortens it), which spares Slack and the bot
 * a request to the response URL; a slower one (Slack slow to say who asks, a file to upload)
 * follows through the response URL after an empty acknowledgement, in time for Slack's 3-second
 * deadline.
 */
export async function handleSlashCommand(
  deps: SlackDeps,
  { command, ack, respond }: Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'>,
  ackBudgetMs: number,
): Promise<void> {
  const delivery = ackOrRespond(ack, respond, deps.logger, ackBudgetMs);
  try {
    const text = slashCommandText(command.text ?? '', (typed) => deps.bot.carriesNews(typed));
    // The channel is where `/gsef news …` was sent from: the news item keeps it as its source.
    const asker = await deps.askers.asker(command.user_id, command.user_name, { channel: command.channel_id });
    const send = (message: object) => delivery.send({ response_type: 'ephemeral', ...message });
    await answerSafely(
      deps,
      asker,
      { listener: 'slash command', text, channel: command.channel_id },
      send,
      async () => {
        const reply = await deps.bot.answer(text, asker);
        // The language the answer is in (the asker's, or the question's): the words around it follow.
        const lang = reply.lang ?? deps.bot.defaultLang;
        const footer = reply.attachment
          ? noteLine(deps.bot, lang, await sendFilePrivately(deps, asker, reply))
          : undefined;
        const message = () =>
          slackMessage(deps.bot, lang, reply, { share: shareableText(deps.bot, text, reply), footer });
        // The line saying where a file went may differ each time: only a message without one is kept.
        await send(footer === undefined ? rendered(reply, `${lang}:${text}`, message) : message());
      },
    );
  } finally {
    await delivery.close();
  }
}

/**
 * The answer is private, so its file goes to the asker's direct messages with the bot rather
 * than to the channel. Returns the locale key of the line that says where it went.
 */
async function sendFilePrivately(deps: SlackDeps, asker: Asker, reply: Reply): Promise<MessageKey> {
  try {
    await uploadAttachment(deps.client, await directMessageChannel(deps.client, asker.id), reply.attachment!);
    return 'slack.fileSentPrivately';
  } catch (error) {
    deps.logger.error('could not send a file to a Slack user', {
      asker: asker.id,
      filename: reply.attachment!.filename,
      error,
    });
    return 'slack.fileNotSent';
  }
}
