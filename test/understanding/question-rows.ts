import { parse } from 'yaml';
import { z } from 'zod';
import { LANGS } from '../../src/domain/vocabulary.js';

/** One row of the question table: a question, the command and criteria it must reach, a fact its answer must hold. */
const questionRow = z.strictObject({
  q: z.string().min(1),
  lang: z.enum(LANGS),
  command: z.enum([
    'next-event',
    'events',
    'event',
    'members',
    'member',
    'agenda',
    'meetings',
    'calendar',
    'programme',
    'help',
  ]),
  filter: z.array(z.string().regex(/^[a-z-]+(:[\w-]+)?$/)),
  fact: z.string().min(1),
});

export type QuestionRow = z.infer<typeof questionRow>;

export function questionRows(yamlText: string): QuestionRow[] {
  return z.array(questionRow).parse(parse(yamlText));
}
