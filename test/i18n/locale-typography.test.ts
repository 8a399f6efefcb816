import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATA_DIR } from '../support/test-bot.js';

/** Every text of a locale file (messages and lists of words), with its key. */
async function texts(lang: 'fr' | 'es'): Promise<[string, string][]> {
  const tree: unknown = parse(await readFile(path.join(DATA_DIR, 'locales', `${lang}.yaml`), 'utf8'));
  const found: [string, string][] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') found.push([key, value]);
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${key}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [name, item] of Object.entries(value)) walk(item, key ? `${key}.${name}` : name);
  };
  walk(tree, '');
  return found;
}

/**
 * The prose of a message: what is in `code`, {placeholders} and URLs is not French or Spanish
 * punctuation, and is blanked (so that what stood before it still counts as a word).
 */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, 'x')
    .replace(/\{\w+\}/g, 'x')
    .replace(/https?:\/\/\S+/g, 'x');
}

/** What breaks French typography in a message, one phrase each. */
function frenchProblems(text: string): string[] {
  const problems: string[] = [];
  const shown = prose(text);
  // A mark ending a word or the text (not 10:30, not https:) must follow a no-break space.
  for (const match of shown.matchAll(/(.)([;:!?])(?=\s|$|»)/gu))
    if (match[1] !== '\u00a0' && !/[;:!?]/.test(match[1]!))
      problems.push(`"${match[2]}" after "${match[1]}" instead of a no-break space`);
  if (/«(?!\u00a0)/u.test(shown)) problems.push('« without a no-break space after it');
  if (/(?<!\u00a0)»/u.test(shown)) problems.push('» without a no-break space before it');
  if (/["“”]/u.test(shown)) problems.push('English quotation marks instead of « »');
  if (/(^|\D)1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/u.test(shown))
    problems.push('"1 <month>" instead of "1er <month>"');
  return problems;
}

function spanishProblems(text: string): string[] {
  const problems: string[] = [];
  const shown = prose(text);
  if (/["“”]/u.test(shown)) problems.push('English quotation marks instead of «»');
  // A question or exclamation is opened as it is closed: each sentence ending in ? or ! holds ¿ or ¡.
  for (const sentence of shown.split(/(?<=[.?!])\s+/u)) {
    if (sentence.includes('?') && !sentence.includes('¿')) problems.push(`no ¿ in "${sentence}"`);
    if (sentence.includes('!') && !sentence.includes('¡')) problems.push(`no ¡ in "${sentence}"`);
  }
  return problems;
}

describe('French typography checks', () => {
  it('find each fault a French message may have, and pass what French writes', () => {
    expect(frenchProblems('Lieu : Paris ; voir « ici » !')).toEqual([
      '":" after " " instead of a no-break space',
      '";" after " " instead of a no-break space',
      '"!" after " " instead of a no-break space',
      '« without a no-break space after it',
      '» without a no-break space before it',
    ]);
    expect(frenchProblems('Lieu: Paris')).toEqual(['":" after "u" instead of a no-break space']);
    expect(frenchProblems('le "forum"')).toEqual(['English quotation marks instead of « »']);
    expect(frenchProblems('le 1 juillet')).toEqual(['"1 <month>" instead of "1er <month>"']);
    expect(
      frenchProblems(
        'Lieu\u00a0: Paris, à 10:30\u00a0; voir «\u00a0{name}\u00a0» sur https://gsef.net/x?a=1\u00a0! `actualité :` le 1er juillet, le 11 juillet',
      ),
    ).toEqual([]);
  });
});

describe('Spanish typography checks', () => {
  it('find English quotes and a question or exclamation not opened', () => {
    expect(spanishProblems('El "foro". Quiere verlo? Gracias!')).toEqual([
      'English quotation marks instead of «»',
      'no ¿ in "Quiere verlo?"',
      'no ¡ in "Gracias!"',
    ]);
    expect(spanishProblems('El «foro». ¿Quiere verlo? ¡Gracias! `{cmd}help`')).toEqual([]);
  });
});

describe('the locale files', () => {
  it('write French with a no-break space before : ; ! ? and inside « », « » for quotations and 1er for the first', async () => {
    const faults = (await texts('fr')).flatMap(([key, text]) => frenchProblems(text).map((p) => `${key}: ${p}`));
    expect(faults).toEqual([]);
  });

  it('write Spanish with «» for quotations and ¿ ¡ opening questions and exclamations', async () => {
    const faults = (await texts('es')).flatMap(([key, text]) => spanishProblems(text).map((p) => `${key}: ${p}`));
    expect(faults).toEqual([]);
  });
});
