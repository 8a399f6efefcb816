/** `<@123> when is the next event?` -> `when is the next event?` (`<@!123>` is the older nickname form). */
export function withoutMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}
