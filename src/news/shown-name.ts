import type { NewsAuthor } from './news-item.js';
import { inertText } from './sanitize.js';
import { oneLine } from './text-layout.js';

/** An author's name as notices, the queue and drafts show it: inert, on one line, their id when the name is empty. */
export function shownAuthorName(author: NewsAuthor): string {
  return oneLine(inertText(author.displayName)) || oneLine(inertText(author.userId));
}
