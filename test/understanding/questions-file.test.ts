import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { LANGS, type Lang } from '../../src/domain/vocabulary.js';
import { DATA_DIR } from '../support/test-data.js';
import { ID_TOKEN, questionRow, type QuestionRow } from './question-rows.js';

/**
 * Checks the question table (questions.yaml) itself, not the bot: its rows are well formed, it
 * covers the three languages, and every id and every fact it expects exists in the bot's data, so
 * that a failing question means the bot is wrong, not the table.
 */

const QUESTIONS_FILE = path.resolve(import.meta.dirname, 'questions.yaml');

const MIN_ROWS = 180;
const MIN_ROWS_PER_LANG = 60;

function readYaml(file: string): unknown {
  return parse(readFileSync(file, 'utf8'));
}

const rawRows = z.array(z.unknown()).parse(readYaml(QUESTIONS_FILE));
const rows = rawRows.flatMap((row) => {
  const parsed = questionRow.safeParse(row);
  return parsed.success ? [parsed.data] : [];
});

const dataFiles = readdirSync(DATA_DIR)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readYaml(path.join(DATA_DIR, name)));
const [events, members, programmes, places] = ['events', 'members', 'programmes', 'places'].map((name) =>
  readYaml(path.join(DATA_DIR, `${name}.yaml`)),
);

const WithIds = z.array(z.object({ id: z.string() }));
const knownIds: Record<string, Set<string>> = {
  event: new Set(
    z
      .object({ events: WithIds })
      .parse(events)
      .events.map(({ id }) => id),
  ),
  member: new Set(
    z
      .object({ members: WithIds })
      .parse(members)
      .members.map(({ id }) => id),
  ),
  // Section 1 of the seed (the statutory meetings) is a part of the programme kept in meetings.yaml.
  programme: new Set([
    ...z
      .object({ programmes: WithIds })
      .parse(programmes)
      .programmes.map(({ id }) => id),
    'statutory-meetings',
  ]),
  city: new Set(Object.keys(z.object({ cities: z.record(z.string(), z.unknown()) }).parse(places).cities)),
  country: new Set(Object.keys(z.object({ countries: z.record(z.string(), z.unknown()) }).parse(places).countries)),
};

function isLocalizedText(value: object): value is Record<Lang, unknown> {
  const keys = Object.keys(value);
  return keys.length === LANGS.length && LANGS.every((lang) => keys.includes(lang));
}

/**
 * Every text of a YAML document an answer in `lang` can show: of a text given in the three
 * languages, only its `lang` version (a French fact must be French data); other strings and
 * numbers as they are.
 */
function textsIn(lang: Lang, value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(lang, item));
  if (value !== null && typeof value === 'object') {
    if (isLocalizedText(value)) return textsIn(lang, value[lang]);
    return Object.values(value).flatMap((item) => textsIn(lang, item));
  }
  return [];
}

/** Per language, all the data's texts in that language, lower-cased (accents kept), in one string. */
const dataTextByLang = new Map(
  LANGS.map((lang) => {
    const locale = readYaml(path.join(DATA_DIR, 'locales', `${lang}.yaml`));
    const texts = [...dataFiles, locale].flatMap((document) => textsIn(lang, document));
    return [lang, texts.join('\n').toLowerCase()] as const;
  }),
);

function describeRow(row: QuestionRow): string {
  return `${row.lang} "${row.q}"`;
}

describe('the question table (test/understanding/questions.yaml)', () => {
  it('has only well-formed rows', () => {
    const malformed = rawRows.flatMap((row, index) => {
      const parsed = questionRow.safeParse(row);
      return parsed.success ? [] : [{ index, row, issues: parsed.error.issues.map((issue) => issue.message) }];
    });
    expect(malformed).toEqual([]);
  });

  it(`has at least ${MIN_ROWS} questions, at least ${MIN_ROWS_PER_LANG} in each language`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(MIN_ROWS);
    for (const lang of LANGS) {
      expect(rows.filter((row) => row.lang === lang).length, lang).toBeGreaterThanOrEqual(MIN_ROWS_PER_LANG);
    }
  });

  it('asks each question once', () => {
    const seen = new Set<string>();
    const repeated = rows.filter((row) => {
      const key = row.q.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    expect(repeated.map(describeRow)).toEqual([]);
  });

  it('names only events, members, programmes, cities and countries that are in the data', () => {
    const unknown = rows.flatMap((row) =>
      row.filter.flatMap((token) => {
        const match = ID_TOKEN.exec(token);
        if (!match) return [];
        const [, kind, id] = match;
        return knownIds[kind!]!.has(id!) ? [] : [`${describeRow(row)}: ${token}`];
      }),
    );
    expect(unknown).toEqual([]);
  });

  it("expects only facts the data words in the question's language", () => {
    const invented = rows
      .filter((row) => !dataTextByLang.get(row.lang)!.includes(row.fact.toLowerCase()))
      .map((row) => `${describeRow(row)}: ${row.fact}`);
    expect(invented).toEqual([]);
  });
});
