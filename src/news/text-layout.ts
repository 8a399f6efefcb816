/** How plain text from outside is laid out in a document: lines, paragraphs. */

/** Text on one line (a heading, a byline): its line breaks and runs of spaces read as one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The paragraphs of a text (separated by a blank line), each as its non-blank lines, trimmed. */
export function paragraphsOf(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
}
