import { z } from 'zod';
import { capped } from './schema.js';

/** Keys are short names; a message is a paragraph at most (the longest today is under 300 characters). */
const message = capped(2000);

/**
 * A locale file (`data/locales/<lang>.yaml`): nested keys ending in a message or a list of words.
 * A message may hold `{placeholders}`, filled in by the translator.
 */
export type LocaleTree = { [key: string]: string | string[] | LocaleTree };

export const localeTree: z.ZodType<LocaleTree> = z.lazy(() =>
  z.record(capped(80), z.union([message, z.array(message), localeTree])),
);

/** Flattens a locale tree to `a.b.c` keys. */
export function flattenLocale(tree: LocaleTree, prefix = ''): Map<string, string | string[]> {
  const flat = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) flat.set(path, value);
    else for (const [k, v] of flattenLocale(value, path)) flat.set(k, v);
  }
  return flat;
}

/** The `{name}` placeholders of a message, sorted, to compare translations. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
