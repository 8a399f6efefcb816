/** `<@123> when is the next event?` -> `when is the next event?` (`<@!123>` is the older nickname form). */
export function withoutMention(content: string, botId: string): string {
  return withoutBotMention(content, botId).replace(/\s+/g, ' ');
}

/** The text without the bot's mention, otherwise as written (lines and paragraphs kept): for news. */
export function withoutBotMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}
