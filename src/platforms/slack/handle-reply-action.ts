import type { BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Bot } from '../../bot.js';
import { escapeMrkdwn, MAX_BUTTON_VALUE, type SlackBlock } from './render-slack.js';
import { answerSafely } from './answer-safely.js';
import type { SlackDeps } from './slack-deps.js';
import { EACH_READER_ACTION_PREFIX, REPLY_ACTION_ID } from './slack-ids.js';
import { noteLine, slackMessage } from './slack-message.js';

type ActionArgs = Pick<SlackActionMiddlewareArgs<BlockButtonAction>, 'ack' | 'body' | 'action' | 'respond'>;

/**
 * A press on one of a reply's buttons (Approve / Reject under an editorial notice, Yes / No under
 * a DM that reads like news) runs the button's command as the person who pressed it, with that
 * person's permissions: a non-editor's Approve, or someone else's Yes, is refused by the command
 * itself, and nothing changes.
 *
 * The outcome goes to the presser alone (an ephemeral message; in a DM, a plain message, which
 * stays). When the command did what it was asked (`ok`), the message that held the buttons is
 * updated for everyone in the channel: its buttons are replaced by a line naming the button and
 * who pressed it, so that the other editors see the item is dealt with and nobody presses twice.
 * A button each reader presses for themselves (an answer under a reminder) leaves the message as
 * it is, its buttons there for the next reader.
 */
export async function handleReplyAction(deps: SlackDeps, { ack, body, action, respond }: ActionArgs): Promise<void> {
  await ack();
  const command = typeof action.value === 'string' ? action.value : '';
  const presser = await deps.askers.asker(body.user.id, body.user.name ?? body.user.username);
  const channel = body.channel?.id;
  const inDirectMessage = channel?.startsWith('D') === true;
  const tell = (message: object) =>
    respond({ response_type: inDirectMessage ? 'in_channel' : 'ephemeral', replace_original: false, ...message });
  await answerSafely(deps, presser, { listener: 'reply button', command, channel }, tell, async () => {
    const lang = await deps.bot.languageOf(presser);
    // The value comes back from Slack: anything but a command text (an old button, a forged value) is refused here.
    if (!isButtonCommand(deps.bot, command)) {
      deps.logger.warn('a Slack button carried no command the bot knows; ignored', {
        command: command.slice(0, 100),
        presser: presser.id,
        channel,
      });
      await tell({ text: noteLine(deps.bot, lang, 'slack.buttonNotUnderstood') });
      return;
    }
    const answer = await deps.bot.answer(command, presser);
    const forEveryone = !action.action_id.startsWith(EACH_READER_ACTION_PREFIX);
    if (answer.status === 'ok' && body.message && forEveryone) {
      const blocks = withoutReplyButtons(body.message.blocks, action.text?.text ?? command, presser.id);
      // The command has run: failing to mark the message must not read as its failure.
      await respond({ replace_original: true, text: String(body.message.text ?? ''), blocks }).catch((error: unknown) =>
        deps.logger.warn('could not mark a message whose button was pressed', {
          command,
          presser: presser.id,
          channel,
          error,
        }),
      );
    }
    await tell(slackMessage(deps.bot, lang, answer));
  });
}

/** Whether a button's value is one of the bot's commands, of a length a button can hold. */
function isButtonCommand(bot: Bot, value: string): boolean {
  return value.trim() !== '' && value.length <= MAX_BUTTON_VALUE && bot.parse(value).kind === 'command';
}

/** The blocks of a message, its reply buttons replaced by "*<button>* — @presser". */
function withoutReplyButtons(blocks: unknown, label: string, userId: string): SlackBlock[] {
  const isReplyButtons = (block: SlackBlock) =>
    block.type === 'actions' &&
    Array.isArray(block.elements) &&
    block.elements.some((e) => 'action_id' in e && REPLY_ACTION_ID.test(e.action_id ?? ''));
  const kept = (Array.isArray(blocks) ? (blocks as SlackBlock[]) : []).filter((block) => !isReplyButtons(block));
  return [
    ...kept,
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `:ballot_box_with_check: *${escapeMrkdwn(label)}* — <@${userId}>` }],
    },
  ];
}
