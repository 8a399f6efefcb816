import type { BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerSafely } from './answer-safely.js';
import { isShareableCommand } from './shareable-text.js';
import type { SlackDeps } from './slack-deps.js';
import { mentionLine, noteLine, slackMessage } from './slack-message.js';
import { uploadAttachment } from './upload-attachment.js';

type ShareArgs = Pick<SlackActionMiddlewareArgs<BlockButtonAction>, 'ack' | 'body' | 'action' | 'respond'>;

/**
 * "Share in channel": posts the private answer publicly. The answer is computed again from the
 * command text the button carries, in the clicker's language (it may be stale otherwise), and
 * the private copy is deleted, so that a second click cannot post it twice.
 */
export async function handleShareAction(deps: SlackDeps, { ack, body, action, respond }: ShareArgs): Promise<void> {
  await ack();
  const text = action.value ?? '';
  const asker = await deps.askers.asker(body.user.id, body.user.name);
  const channel = body.channel?.id;
  const sendPrivately = (message: object) =>
    respond({ response_type: 'ephemeral', replace_original: false, ...message });
  await answerSafely(deps, asker, { listener: 'share button', text, channel }, sendPrivately, async () => {
    // The button's value comes back from Slack: never run what would not have had the button.
    if (!isShareableCommand(deps.bot, text)) return;
    const reply = await deps.bot.answer(text, asker);
    const lang = reply.lang ?? (await deps.bot.languageOf(asker));
    const footer = mentionLine(deps.bot, lang, 'slack.sharedBy', asker.id);
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...slackMessage(deps.bot, lang, { ...reply, visibility: 'public' }, { footer }),
    });
    await respond({ delete_original: true }).catch((error: unknown) =>
      deps.logger.warn('could not delete the private answer after sharing it', { asker: asker.id, error }),
    );
    if (reply.attachment && channel) {
      try {
        await uploadAttachment(deps.client, channel, reply.attachment);
      } catch (error) {
        // Usually the bot is not in the channel: the answer is shared, the file needs an invitation.
        deps.logger.warn('could not share a file in a Slack channel', { channel, asker: asker.id, error });
        await sendPrivately({ text: noteLine(deps.bot, lang, 'slack.fileNotShared') });
      }
    }
  });
}
