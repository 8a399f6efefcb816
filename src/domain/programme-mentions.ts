import type { Mention } from '../catalog/schema.js';
import { allLanguages, type KnowledgeBase } from './knowledge-base.js';
import { normalize, tokenize } from './search/normalize.js';

/** Shorter words than this must be typed whole; longer ones may differ by an ending ("meeting", "meetings"). */
const SHORTEST_STEM = 4;

/**
 * The things the seed mentions without a calendar row (programmes.yaml `mentions`) that a text
 * names: it must hold every distinctive word of one of a mention's names or aliases, so that
 * "RENAPESS General Assembly" does not name the UN General Assembly, nor "UN forum" anything.
 * The text's words are all read, common ones included: "un" is a French article, but in
 * "events general assembly un" it is the UN.
 */
export function namedMentions(kb: KnowledgeBase, text: string): Mention[] {
  const typed = tokenize(text);
  if (typed.length === 0) return [];
  return namesOf(kb)
    .filter(({ names }) =>
      names.some(
        (distinctive) => distinctive.length > 0 && distinctive.every((word) => typed.some((t) => sameWord(t, word))),
      ),
    )
    .map(({ mention }) => mention);
}

/** Each mention with the distinctive words of each of its names, folded once per knowledge base. */
const NAMES = new WeakMap<KnowledgeBase, readonly { mention: Mention; names: readonly string[][] }[]>();

function namesOf(kb: KnowledgeBase): readonly { mention: Mention; names: readonly string[][] }[] {
  let names = NAMES.get(kb);
  if (!names) {
    names = kb.catalog.programmes.mentions.map((mention) => ({
      mention,
      names: [...allLanguages(mention.name), ...mention.aliases].map((name) => distinctiveWords(kb, name)),
    }));
    NAMES.set(kb, names);
  }
  return names;
}

/**
 * The words of a name that identify it: all but common words ("of", "de la"); an acronym written
 * in capitals (UN, ONU, UCLG) always counts, even where it spells a common word.
 */
function distinctiveWords(kb: KnowledgeBase, name: string): string[] {
  return name
    .split(/[^\p{Letter}\p{Number}]+/u)
    .filter((word) => word !== '')
    .filter((word) => isAcronym(word) || !kb.dictionary.isStopword(normalize(word)))
    .map(normalize);
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
}

function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  const [shorter, longer] = typed.length < word.length ? [typed, word] : [word, typed];
  return shorter.length >= SHORTEST_STEM && longer.startsWith(shorter);
}
