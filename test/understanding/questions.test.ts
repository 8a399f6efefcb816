import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Bot } from '../../src/bot.js';
import { criterionKey, EVERY_CRITERION } from '../../src/domain/search/criterion.js';
import { parseFilter } from '../../src/domain/search/filter.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { renderText } from '../../src/reply/render-text.js';
import type { Reply } from '../../src/reply/reply.js';
import { botAt, member } from '../support/test-bot.js';
import { questionRow, type QuestionRow } from './question-rows.js';

/**
 * The question table (questions.yaml): each question, asked as a member who chose no language
 * would ask it, reaches its command with what it names understood, and is answered in the
 * question's language with the fact the seed gives.
 */
const ROWS = z.array(questionRow).parse(parse(readFileSync(path.join(import.meta.dirname, 'questions.yaml'), 'utf8')));

// Before the first event of the programme: every event is still to come.
const NOW = '2019-01-01';

let bot: Bot;
beforeAll(async () => {
  bot = await botAt(NOW);
});

/** Non-breaking spaces and dashes are typography, not content: a fact matches either way ("2–3", "2-3"). */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u2013\u2014]/g, '-');
}

/** The table's `month:7` / `month:2019-7`, as the filter names them (`month:-7`, `month:2019-7`). */
function tableKey(key: string): string {
  const month = /^month:(\d+)$/.exec(key);
  return month ? `month:-${month[1]}` : key;
}

/** The checks a `filter` entry that names one thing makes of the answer. */
function namesThing(key: string, reply: Reply, lang: Lang): boolean | undefined {
  const [kind, id = ''] = key.split(':') as [string, string | undefined];
  switch (kind) {
    case 'event':
      return reply.title === bot.kb.eventById(id)?.event.title[lang];
    case 'member':
      return reply.title === bot.kb.memberById(id)?.member.name[lang];
    case 'programme': {
      // Section 1 is the meetings' data, not a programme of programmes.yaml.
      if (id === 'statutory-meetings') return reply.title === bot.t(lang, 'programme.section.statutory-meeting');
      const programme = bot.kb.programmeById(id);
      return programme ? plain(renderText(reply)).includes(plain(programme.title[lang])) : undefined;
    }
    case 'meeting':
      return new RegExp(`\\b[QT]${id.slice(1)}\\b`).test(reply.title);
    default:
      return undefined;
  }
}

describe.each(['en', 'fr', 'es'] as const)('questions in %s', (lang) => {
  const rows = ROWS.filter((row) => row.lang === lang);

  it.each(rows.map((row): [string, QuestionRow] => [row.q, row]))('"%s"', async (_, row) => {
    const invocation = bot.understand(row.q);
    expect(invocation.kind === 'command' ? invocation.command.name : 'not understood').toBe(row.command);
    const reply = await bot.answer(row.q, member);
    expect(reply.lang).toBe(row.lang);
    const text = plain(renderText(reply));
    expect(text).toContain(plain(row.fact));
    if (invocation.kind !== 'command') return;
    const understood = parseFilter(invocation.argument, bot.kb.dictionary, EVERY_CRITERION).understood.map(
      criterionKey,
    );
    for (const key of row.filter) {
      const thing = namesThing(key, reply, row.lang);
      if (thing !== undefined) expect(thing, `${key} in "${reply.title}"`).toBe(true);
      else if (key !== 'mention' && !key.startsWith('orientation:')) expect(understood).toContain(tableKey(key));
    }
  });
});
