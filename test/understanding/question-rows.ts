import { z } from 'zod';
import { CATEGORIES, LANGS, MEMBER_KINDS, REGIONS, ROLES } from '../../src/domain/vocabulary.js';

/**
 * The rows of the question table (questions.yaml): a question, the language its answer must be
 * in, the command it must reach, what that command must have understood (`filter`), and a fact
 * its answer must hold. Read by the table's own check (questions-file.test.ts) and by the test
 * that asks the bot (questions.test.ts).
 */

const COMMAND_NAMES = [
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
] as const;

/** The filter words that name no data id: each is checked against its closed vocabulary. */
const CLOSED_FILTER_TOKENS = new Set<string>([
  ...REGIONS.map((region) => `region:${region}`),
  ...CATEGORIES.map((category) => `category:${category}`),
  ...ROLES.map((role) => `role:${role}`),
  ...MEMBER_KINDS.map((kind) => `member-kind:${kind}`),
  ...Array.from({ length: 12 }, (_, i) => [`month:${i + 1}`, `month:2019-${i + 1}`]).flat(),
  ...[1, 2, 3, 4].flatMap((n) => [`meeting:Q${n}`, `orientation:${n}`]),
  'year:2019',
  'online',
  // A thing the seed mentions with no date and no calendar row.
  'mention',
]);

/** The filter words that name one thing of the data, by its id. */
export const ID_TOKEN = /^(event|member|programme|city|country):([A-Za-z0-9-]+)$/;

const filterToken = z
  .string()
  .refine((token) => CLOSED_FILTER_TOKENS.has(token) || ID_TOKEN.test(token), 'not a filter word');

export const questionRow = z.strictObject({
  q: z.string().trim().min(1),
  lang: z.enum(LANGS),
  command: z.enum(COMMAND_NAMES),
  filter: z.array(filterToken),
  fact: z.string().trim().min(1),
});

export type QuestionRow = z.infer<typeof questionRow>;
