import type { KnowledgeBase } from '../domain/knowledge-base.js';
import { tokenize } from '../domain/search/normalize.js';
import type { Lang } from '../domain/vocabulary.js';
import { truncate } from '../reply/truncate.js';

/** Discord shows at most 25 suggestions, each name at most 100 characters: other platforms fit in that too. */
export const MAX_SUGGESTIONS = 25;
export const MAX_SUGGESTION_NAME = 100;

export interface NameSuggestion {
  /** What the person sees: the name in their language. */
  name: string;
  /** What comes back as the typed text: the id, which `event` and `member` resolve exactly. */
  value: string;
}

/**
 * Names to offer while someone types an event or member name: those whose words (names in every
 * language, places, partners, aliases) start with every word typed, in the knowledge base's
 * order (events by date). Events that share a title get their start day to tell them apart.
 */
export function suggestNames(kb: KnowledgeBase, kind: 'event' | 'member', typed: string, lang: Lang): NameSuggestion[] {
  const words = tokenize(typed);
  if (kind === 'member') {
    const found = kb.memberIndex.matchAll(words);
    return kb.members
      .filter((m) => !found || found.has(m))
      .slice(0, MAX_SUGGESTIONS)
      .map((m) => ({ name: truncate(m.member.name[lang], MAX_SUGGESTION_NAME), value: m.member.id }));
  }
  const found = kb.eventIndex.matchAll(words);
  const events = kb.events.filter((e) => !found || found.has(e)).slice(0, MAX_SUGGESTIONS);
  const titles = events.map((e) => e.event.title[lang]);
  return events.map((e, i) => {
    const title = titles[i]!;
    const shared = titles.indexOf(title) !== titles.lastIndexOf(title);
    const day = shared ? ` (${e.event.when.start})` : '';
    return { name: truncate(title, MAX_SUGGESTION_NAME - day.length) + day, value: e.event.id };
  });
}
