/**
 * A news text of exactly `length` characters, in paragraphs with blank lines between them, that
 * the news sanitizer keeps as it is; `tag` makes it differ from every other such text.
 */
export function longNews(length: number, tag: string): string {
  const paragraphs: string[] = [];
  for (let i = 1; paragraphs.join('\n\n').length < length; i++) {
    paragraphs.push(
      `${tag}, paragraph ${i}: the cooperatives of the region report on their year,\ntheir members and their plans.`,
    );
  }
  // Cut where it may, the text ends on a full stop rather than on a space or a line break.
  return paragraphs
    .join('\n\n')
    .slice(0, length)
    .replace(/\s+$/, (space) => '.'.repeat(space.length));
}

/**
 * A news text of exactly `length` characters as people see them, each of which a program may
 * count as several: people it names (written as `mention` writes them: `@ana` typed, or Slack's
 * `<@U0ANA|ana>`), accents written as a letter and a combining accent, a family emoji joined by
 * zero-width joiners, flags. `tag` (plain ASCII) starts it and makes it differ from every other.
 */
export function newsSeenAs(
  length: number,
  tag: string,
  mention: (name: string) => string = (name) => `@${name}`,
): string {
  // Each piece with the number of characters a person sees in it, counted by hand.
  const pieces: [string, number][] = [
    [` ${mention('ana')}`, 5],
    [' cafe\u0301', 5],
    [' \u{1F468}\u200D\u{1F469}\u200D\u{1F467}', 2],
    [' \u{1F1F0}\u{1F1F7}', 2],
    [' e\u0301quipe,', 8],
  ];
  let text = `${tag}:`;
  let seen = tag.length + 1;
  for (let i = 0; seen + pieces[i % pieces.length]![1] <= length; i++) {
    const [piece, count] = pieces[i % pieces.length]!;
    text += piece;
    seen += count;
  }
  return text + '.'.repeat(length - seen);
}
