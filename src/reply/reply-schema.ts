import type { z as zod } from 'zod';
import { LANGS } from '../domain/vocabulary.js';
import type { Reply } from './reply.js';

/**
 * A Reply read back from where it was kept (a notice waiting in the store's outbox), checked before
 * it is sent: built with the zod it is given, by the notice's stored schema, so that zod is loaded
 * only when a notice is read.
 */
export const storedReply = (z: typeof zod) => {
  const time = z.object({
    type: z.literal('time'),
    start: z.number(),
    end: z.number().optional(),
    organiser: z.string(),
    fallback: z.object({ start: z.string(), end: z.string().optional() }),
    text: z.string(),
  });
  const text = z.union([z.string(), time]);
  return z.object({
    status: z.enum(['ok', 'empty', 'invalid', 'error']),
    title: z.string(),
    blocks: z.array(
      z.discriminatedUnion('type', [
        z.object({ type: z.literal('text'), text: z.string() }),
        z.object({
          type: z.literal('fields'),
          lang: z.enum(LANGS),
          fields: z.array(z.object({ label: z.string(), value: text })),
        }),
        z.object({
          type: z.literal('list'),
          heading: z.string().optional(),
          items: z.array(z.object({ title: z.string(), details: z.array(text) })),
        }),
        z.object({ type: z.literal('note'), text: z.string() }),
      ]),
    ),
    attachment: z.object({ filename: z.string(), mediaType: z.string(), content: z.string() }).optional(),
    fileExpected: z.boolean().optional(),
    visibility: z.enum(['private', 'public']),
    actions: z
      .array(
        z.object({
          label: z.string(),
          command: z.string(),
          style: z.enum(['primary', 'danger']).optional(),
          eachReader: z.literal(true).optional(),
        }),
      )
      .optional(),
  }) satisfies zod.ZodType<Reply>;
};
