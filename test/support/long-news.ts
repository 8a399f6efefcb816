/**
 * A news text of exactly `length` characters, in paragraphs with blank lines between them, that
 * the news sanitizer keeps as it is; `tag` makes it differ from every other such text.
 */
export function longNews(length: number, tag: string): string {
  const paragraphs: string[] = [];
  for (let i = 1; paragraphs.join('\n\n').length < length; i++) {
    paragraphs.push(`${tag}, paragraph ${i}: the cooperatives of the region report on their year,\ntheir members and their plans.`);
  }
  // Cut where it may, the text ends on a full stop rather than on a space or a line break.
  return paragraphs.join('\n\n').slice(0, length).replace(/\s+$/, (space) => '.'.repeat(space.length));
}
