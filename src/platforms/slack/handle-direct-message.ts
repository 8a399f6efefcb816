import { answerInConversation } from './answer-question-in-channel.js';
import type { SlackDeps } from './slack-deps.js';
import type { ReceivedMessage } from './slack-message-facts.js';
import { incomingNews } from './slack-news.js';

/**
 * Every direct message to the bot comes through here, and goes to the core's news intake, which
 * tells news from questions: `news: …` is queued at once; a question is answered; a text that
 * reads like news gets Yes / No buttons (their clicks: handle-reply-action.ts); anything else a
 * short help. The answer is posted in the DM (in the thread, if the message was in one).
 */
export async function handleDirectMessage(deps: SlackDeps, message: ReceivedMessage, authorId: string): Promise<void> {
  await answerInConversation(
    deps,
    { userId: authorId, channel: message.channel, threadTs: message.thread_ts },
    { listener: 'direct message' },
    async (asker) => deps.intake.directMessage(await incomingNews(deps, message.channel, message), asker),
  );
}
