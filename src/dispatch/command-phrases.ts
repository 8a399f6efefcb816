import { normalize } from '../domain/search/normalize.js';
import type { QuestionReader } from './question-reader.js';

/*
 * Finding the phrases of the locale files' `intents.<command>` in a question: in order, with a
 * word or two between, open phrases framing its end, the longest winning.
 */

/**
 * Whether a text that starts with a command name starts with a longer phrase of a command:
 * "statutory meetings 2019" is the phrase "statutory meetings", not the alias `statutory` of
 * `meetings` with the year "meetings 2019".
 */
export function startsWithCommandPhrase(text: string, reader: QuestionReader): boolean {
  return startsWithPhrase(text.trim().split(/\s/)[0] ?? '', intentOf(normalize(text), reader));
}

/**
 * Whether the phrase found starts the text, holds its first word as typed whole (`next-event` is
 * one word) and goes on beyond it: "statutory meetings 2019" is a phrase, but in
 * "next-event meeting" the phrase "next … meeting" skips part of the command's name.
 */
export function startsWithPhrase(
  typedFirst: string,
  intent: { at: number; length: number; phrase: string } | undefined,
): boolean {
  const first = normalize(typedFirst);
  return (
    intent !== undefined &&
    intent.at === 0 &&
    intent.length > first.length &&
    `${intent.phrase} `.startsWith(`${first} `)
  );
}

/**
 * Commands whose phrases ask for a list or a date ("what happens in", "statutory meetings", "quand"),
 * and the one whose phrases name a part of the programme: "what happens in research *phase 2*",
 * "*à quoi servent* les réunions statutaires" and "quand commence la *phase* 1" are about the
 * programme, whatever the length of the phrases.
 */
const GENERAL_PHRASES: ReadonlySet<string> = new Set(['events', 'meetings', 'event']);
const SPECIFIC_PHRASES = 'programme';

/** How many words may stand between two words of a phrase: "réunion *d'octobre* du comité directeur". */
const MAX_GAP = 2;

/**
 * The longest phrase found, its words in order with at most MAX_GAP other words between two of
 * them; of equally long ones the one with fewer words between, then the earliest ("when are the
 * … meetings"). Gives its command, where it starts (in words) and the words left.
 */
export function intentOf(
  folded: string,
  reader: QuestionReader,
): { command: string; phrase: string; rest: string; at: number; length: number } | undefined {
  const tokens = folded.split(' ');
  let best = longestPhrase(tokens, reader.intents);
  if (!best) return undefined;
  if (GENERAL_PHRASES.has(best.command))
    best =
      longestPhrase(
        tokens,
        reader.intents.filter((i) => i.command === SPECIFIC_PHRASES),
      ) ?? best;
  const used = new Set(best.used);
  const rest = tokens.filter((_, i) => !used.has(i)).join(' ');
  return { command: best.command, phrase: best.phrase, at: best.at, length: best.length, rest };
}

interface FoundPhrase {
  command: string;
  phrase: string;
  /** Where the phrase starts, in words. */
  at: number;
  /** The phrase's length in characters: the longer, the more it says. */
  length: number;
  /** How many other words stand between its words. */
  gaps: number;
  /** The positions of its words. */
  used: number[];
}

function longestPhrase(tokens: readonly string[], intents: QuestionReader['intents']): FoundPhrase | undefined {
  let best: FoundPhrase | undefined;
  for (const { command, phrase, words, open } of intents) {
    if (best && phrase.length < best.length) break;
    const found = findPhrase(tokens, words, open);
    if (!found) continue;
    const better = !best || found.gaps < best.gaps || (found.gaps === best.gaps && found.used[0]! < best.at);
    if (better) best = { command, phrase, at: found.used[0]!, length: phrase.length, ...found };
  }
  return best;
}

/**
 * The first place the words of a phrase stand in order, with the fewest words between them there:
 * at most MAX_GAP between two words, any number after an `open` one (whose phrase must then end
 * the text).
 */
function findPhrase(
  tokens: readonly string[],
  words: readonly string[],
  open: ReadonlySet<number>,
): { used: number[]; gaps: number } | undefined {
  // An open phrase frames the whole end of the question: "what is the agenda for Q3?" is not "what … for".
  if (open.size > 0 && tokens[tokens.length - 1] !== words[words.length - 1]) return undefined;
  let best: { used: number[]; gaps: number } | undefined;
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== words[0]) continue;
    const used = [start];
    for (let w = 1; w < words.length; w++) {
      const from = used[w - 1]! + 1;
      // After an open word, the last word is the text's last (checked above), wherever it stands before.
      const closing = open.has(w - 1) && w === words.length - 1;
      const at = closing
        ? tokens.length - 1
        : indexWithin(tokens, words[w]!, from, open.has(w - 1) ? Infinity : MAX_GAP);
      if (at < 0) break;
      used.push(at);
    }
    if (used.length !== words.length) continue;
    if (open.size > 0 && used[used.length - 1] !== tokens.length - 1) continue;
    const gaps = used[used.length - 1]! - start + 1 - words.length;
    if (!best || gaps < best.gaps) best = { used, gaps };
    if (gaps === 0) break;
  }
  return best;
}

/** Where `word` stands in `tokens` from `from`, at most `gap` words further; -1 when it does not. */
function indexWithin(tokens: readonly string[], word: string, from: number, gap: number): number {
  const end = Math.min(tokens.length - 1, from + gap);
  for (let i = from; i <= end; i++) if (tokens[i] === word) return i;
  return -1;
}
