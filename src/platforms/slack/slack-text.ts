/**
 * The plain text of a Slack message or slash-command text: mentions of people removed (the bot's
 * own mention starts every `@gsef …` question), channels and links reduced to their names, and
 * Slack's `&amp;`, `&lt;`, `&gt;` turned back into characters.
 */
export function plainSlackText(text: string): string {
  // Most command texts (`next-event africa`) have nothing to change: one test instead of seven replacements.
  if (!NEEDS_CLEANING.test(text)) return text;
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/&lt;|&gt;|&amp;/g, (entity) => ENTITIES[entity]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markup, an entity, whitespace other than single spaces, or whitespace at either end. */
const NEEDS_CLEANING = /[<&]|[^\S ]|\s\s|^\s|\s$/;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * The text of a Slack message as news: Slack's `&amp;`, `&lt;`, `&gt;` turned back into
 * characters, its markup (links, mentions, broadcasts) kept for the core's news sanitizer, which
 * turns links into "label (URL)" and makes every mention inert.
 */
export function slackNewsText(text: string): string {
  return text.replace(/&lt;|&gt;|&amp;/g, (entity) => ENTITIES[entity]!);
}

/**
 * The text of `/gsef …`: news (`news`, `newsletter edit`, a reason) as slackNewsText, keeping its
 * lines and paragraphs, and the people it names, which the news sanitizer turns into inert names;
 * any other command as plainSlackText.
 */
export function slashCommandText(text: string, carriesNews: (text: string) => boolean): string {
  return carriesNews(text) ? slackNewsText(text) : plainSlackText(text);
}
