import { Info } from 'luxon';
import type { CommandDefinition } from './command.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import { tokenize } from '../domain/search/normalize.js';
import { LANGS, REGIONS, type Lang } from '../domain/vocabulary.js';
import { distinctiveWords, type LanguageWords } from '../i18n/detect-language.js';
import type { WordsKey } from '../i18n/message-keys.js';
import type { Translator } from '../i18n/translator.js';

/** The commands a question may reveal: those with phrases under `intents.<name>` in the locale files. */
type IntentCommand = WordsKey extends infer K ? (K extends `intents.${infer N}` ? N : never) : never;

/**
 * A phrase that reveals a command, folded, as its words. `open` marks the words after which any
 * number of words may come, the phrase then ending the question: "what … for" is "what are the
 * statutory meetings for?".
 */
export interface Intent {
  command: string;
  /** Its words joined: what its length is measured by. */
  phrase: string;
  words: readonly string[];
  open: ReadonlySet<number>;
}

/** What reading a question needs, gathered once: the commands, their phrases, the knowledge and each language's words. */
export interface QuestionReader {
  commands: readonly CommandDefinition[];
  /** Every command's revealing phrases, folded, longest first. */
  intents: readonly Intent[];
  kb: KnowledgeBase;
  /** Words only one of the three languages uses, for the language of a question. */
  languageWords: LanguageWords;
  /** Folded words that name the whole programme (`search.programmeOverview`) rather than a part of it. */
  overviewWords: ReadonlySet<string>;
  /** Folded words that name a quarter of the year (`search.quarter`): "quarter", "trimestre". */
  quarterWords: ReadonlySet<string>;
}

export function questionReader(
  commands: readonly CommandDefinition[],
  translator: Translator,
  kb: KnowledgeBase,
): QuestionReader {
  const intents = commands
    .filter(({ name }) => hasIntents(name, translator))
    .flatMap(({ name }) =>
      LANGS.flatMap((lang) =>
        translator.words(lang, `intents.${name as IntentCommand}`).map((phrase) => intent(name, phrase)),
      ),
    )
    .filter(({ phrase }) => phrase !== '')
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const overviewWords = new Set(
    LANGS.flatMap((lang) => translator.words(lang, 'search.programmeOverview')).flatMap(tokenize),
  );
  const quarterWords = new Set(LANGS.flatMap((lang) => translator.words(lang, 'search.quarter')).flatMap(tokenize));
  const languageWords = questionLanguageWords(translator, commands, kb);
  return { commands, intents, kb, languageWords, overviewWords, quarterWords };
}

function intent(command: string, typed: string): Intent {
  const words: string[] = [];
  const open = new Set<number>();
  for (const part of typed.split('…')) {
    words.push(...tokenize(part));
    open.add(words.length - 1);
  }
  open.delete(words.length - 1);
  return { command, phrase: words.join(' '), words, open };
}

function hasIntents(name: string, translator: Translator): boolean {
  return translator.has('en', `intents.${name}`);
}

/**
 * The words of each language a question may carry: its common words, stopwords, command phrases,
 * month, place and region names, and the titles of the data, folded. Command names are left out: everyone types `events`.
 */
function questionLanguageWords(
  translator: Translator,
  commands: readonly CommandDefinition[],
  kb: KnowledgeBase,
): LanguageWords {
  const { countries, cities } = kb.catalog.places;
  const places = [...Object.values(countries), ...Object.values(cities)];
  // The names are English and typed by everyone; the aliases in other languages (aide, ayuda) say something.
  const commandNames = new Set(commands.map((c) => c.name));
  const wordsOf = (lang: Lang): string[] => {
    const lists: WordsKey[] = ['news.languageWords', 'search.stopwords'];
    const phrases = [
      ...lists.flatMap((key) => translator.words(lang, key)),
      ...commands
        .filter(({ name }) => hasIntents(name, translator))
        .flatMap(({ name }) => translator.words(lang, `intents.${name as IntentCommand}`)),
      ...Info.months('long', { locale: lang }),
      // "Ouganda", "Corée", "Sudáfrica": place and region names often tell the language.
      ...places.map((place) => place.name[lang]),
      ...REGIONS.map((region) => translator.t(lang, `region.${region}`)),
    ];
    // So do the names of what is asked about ("communauté de pratique", "diálogo político"), save
    // their common words: an English title may hold French ones ("Rencontres du Mont Blanc").
    const titles = [
      ...kb.catalog.programmes.programmes.map((programme) => programme.title[lang]),
      ...kb.catalog.programmes.mentions.map((mention) => mention.name[lang]),
    ];
    // The events' title words come folded and without repeats from the knowledge base: at 100
    // times the data, folding each title again cost more than the rest of the reader.
    const titleWords = [...titles.flatMap((title) => tokenize(title)), ...kb.titleWords[lang]].filter(
      (word) => !kb.dictionary.isStopword(word),
    );
    return [...phrases.flatMap((phrase) => tokenize(phrase)), ...titleWords].filter((word) => !commandNames.has(word));
  };
  return distinctiveWords({ en: wordsOf('en'), fr: wordsOf('fr'), es: wordsOf('es') });
}
