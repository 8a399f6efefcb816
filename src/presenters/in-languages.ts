import type { Lang } from '../domain/vocabulary.js';
import { reply, type Reply, type ReplyBlock } from '../reply/reply.js';

/** What a message says in one language. */
export interface LanguageSection {
  title: string;
  blocks: ReplyBlock[];
}

/**
 * One public message in several languages, one after the other, for a channel that reads them
 * all: the first language's title and blocks, then each other's under a `——— title` line.
 */
export function inLanguages(languages: readonly Lang[], section: (lang: Lang) => LanguageSection): Reply {
  const [first, ...others] = languages.map(section) as [LanguageSection, ...LanguageSection[]];
  const blocks = [
    ...first.blocks,
    ...others.flatMap((s): ReplyBlock[] => [{ type: 'text', text: `——— ${s.title}` }, ...s.blocks]),
  ];
  return { ...reply('ok', first.title, blocks), visibility: 'public' };
}
