import { Info } from 'luxon';
import { LANGS } from '../../domain/vocabulary.js';
import { foldText } from './fold-text.js';

/**
 * Month names in the three working languages, long and short, as luxon's locale data writes them
 * ("février", "févr.", "Feb", "sept"), matched without accents or case: the seed writes "Février"
 * and "Aout"-like spellings. A short name may drop its dot ("janv"), but no name gains one:
 * "Juin." is refused rather than guessed at.
 */
const MONTHS: ReadonlyMap<string, number> = new Map(
  LANGS.flatMap((locale) =>
    (['long', 'short'] as const).flatMap((length) =>
      Info.months(length, { locale }).flatMap((name, i): [string, number][] => [
        [foldMonth(name), i + 1],
        [foldMonth(name.replace(/\.$/, '')), i + 1],
      ]),
    ),
  ),
);

/** Accents and case dropped, punctuation kept (see MONTHS). */
function foldMonth(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** The month (1 to 12) a cell names, by name or number, or undefined. */
export function monthNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const month = Number(trimmed);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  return MONTHS.get(foldMonth(trimmed));
}

/**
 * The half of the year a cell names: the seed's "2ème semestre", "1er semestre", and their English
 * and Spanish forms ("2nd half", "second half", "H2", "segundo semestre", "2º semestre").
 */
export function halfOfYear(text: string): 1 | 2 | undefined {
  const folded = foldText(text).replace(/\s+/g, ' ');
  const first = /^(1|1er|1re|1ere|1st|1o|1º|premier|premiere|first|primer|primero) (semestre|half|semester)$|^h1$/;
  const second = /^(2|2e|2eme|2nd|2o|2º|deuxieme|second|segundo) (semestre|half|semester)$|^h2$/;
  if (first.test(folded)) return 1;
  if (second.test(folded)) return 2;
  return undefined;
}
