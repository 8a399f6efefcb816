import { readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

/**
 * The malformed-input corpus: JSON files beside this one, each case with a `why`. The tests
 * replay them against the real Bolt app and the real discord.js client through the fakes.
 */

export function readCorpus<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as T;
}

/** A case built from a base payload: fields set (dotted paths, `actions.0.value`) or removed. */
export interface PatchCase {
  why: string;
  base: string;
  set?: Record<string, unknown>;
  unset?: string[];
}

/** An interactivity payload of the corpus: `refused` (dropped as malformed) or `handled` by the bot. */
export interface InteractionCase extends PatchCase {
  outcome: 'refused' | 'handled';
}

/** A platform's interactivity payloads: the bases and the cases patched from them. */
export function readInteractions(platform: 'slack' | 'discord'): {
  bases: Record<string, unknown>;
  cases: InteractionCase[];
} {
  return readCorpus(`interactions/${platform}.json`);
}

/**
 * The base with the case's changes, every `placeholders` key replaced by its value, and
 * `REPEAT:<text>:<n>` strings expanded (`<text>` n times), to keep huge values out of the files.
 */
export function patched(
  bases: Record<string, unknown>,
  patch: PatchCase,
  placeholders: Record<string, string> = {},
): Record<string, unknown> {
  const base = bases[patch.base];
  if (base === undefined) throw new Error(`no base "${patch.base}" for "${patch.why}"`);
  const result = structuredClone(base) as Record<string, unknown>;
  for (const path of patch.unset ?? []) {
    const { parent, key } = locate(result, path);
    delete parent[key];
  }
  for (const [path, value] of Object.entries(patch.set ?? {})) {
    const { parent, key } = locate(result, path);
    parent[key] = structuredClone(value);
  }
  return expanded(result, placeholders) as Record<string, unknown>;
}

function locate(root: Record<string, unknown>, path: string): { parent: Record<string, unknown>; key: string } {
  const keys = path.split('.');
  const key = keys.pop()!;
  const parent = keys.reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], root);
  if (typeof parent !== 'object' || parent === null) throw new Error(`no object at "${path}"`);
  return { parent: parent as Record<string, unknown>, key };
}

/** `value` with every `placeholders` key replaced by its value and `REPEAT:<text>:<n>` strings expanded. */
export function expanded(value: unknown, placeholders: Record<string, string> = {}): unknown {
  if (typeof value === 'string') {
    const repeat = /^REPEAT:(.*):(\d+)$/s.exec(value);
    if (repeat) return repeat[1]!.repeat(Number(repeat[2]));
    return placeholders[value] ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => expanded(v, placeholders));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expanded(v, placeholders)]));
  return value;
}

/**
 * Records every uncaught exception and unhandled rejection while the tests of a file run, so that
 * a test can assert there was none (vitest reports them too, but after the fact and not per file).
 */
export function watchForCrashes(): unknown[] {
  const crashes: unknown[] = [];
  const record = (error: unknown) => void crashes.push(error);
  beforeAll(() => {
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
  });
  afterAll(() => {
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });
  return crashes;
}

/** What a stack trace or a raw JavaScript error looks like in a message. */
export const STACK_TRACE =
  /\bat \S+ \(|\bat \S+:\d+:\d+|TypeError|ReferenceError|SyntaxError|Cannot read propert|undefined is not|is not a function/;
