import type { Message } from 'discord.js';
import { answerMessage, tellAbout } from './answer-message.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessageFacts } from './discord-message-facts.js';
import { handleDirectMessage } from './handle-direct-message.js';
import { newsOf } from './message-news.js';
import { withoutMention } from './without-mention.js';

/**
 * Routes a message the bot can see as the newsletter's rules decide (NewsRules.received): a DM
 * goes to `handleDirectMessage`; a post in a news channel (`newsletter.newsChannels.discord`) is
 * news, queued as its author's, who is told privately; a message that mentions the bot is a
 * question (with the mention taken out); anything else, and anything from a bot, a webhook or
 * Discord itself (the bot included, so that it never answers itself), is left alone.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  const decision = context.rules.received(discordMessageFacts(message));
  switch (decision.action) {
    case 'direct-message':
      return handleDirectMessage(message, context);
    case 'news':
      return tellAbout(message.author, message, context, 'discord.aboutYourMessage', () =>
        context.intake.submit(newsOf(message), discordAsker(message.author)),
      );
    case 'question': {
      const question = withoutMention(message.content, message.client.user.id);
      return answerMessage(message, context, (asker) => context.bot.answerQuestion(question, asker));
    }
    case 'ignore':
      return;
  }
}
