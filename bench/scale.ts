/**
 * The cost of the bot's own work as the data grows: start-up (load, validate, index), memory,
 * and the latency of typical questions, at 1×, 10× and 100× the seed.
 */
import { readReminderEnv } from '../src/config.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Asker } from '../src/domain/asker.js';
import { Bot } from '../src/bot.js';
import { createBot } from '../src/create-bot.js';
import { silentLogger } from '../src/logger.js';
import { memoryStore } from '../src/store/memory/memory-store.js';
import { measure } from './percentiles.js';
import { writeSyntheticData } from './synthetic-data.js';

export const QUERIES = {
  'next-event': 'next-event',
  'next-event africa': 'next-event africa',
  'events july 2019': 'events july 2019',
  'member bamako': 'member bamako',
  'search "world social forum"': 'event world social forum',
} as const;

export interface ScaleResult {
  times: number;
  events: number;
  members: number;
  startupMs: number;
  heapMb: number;
  queries: Record<keyof typeof QUERIES, { p50: number; p99: number }>;
}

const asker: Asker = { platform: 'console', id: 'bench', isEditor: false };

/**
 * A bot over `dataDir` as the benchmarks measure it: on 10 May 2019 (its clock stopped there, or
 * running from there), in English, its state in memory, its log silent.
 */
export function benchBot(dataDir: string, clock: 'stopped' | 'running'): Promise<Bot> {
  return createBot(
    {
      dataDir,
      now: '2019-05-10',
      lang: 'en',
      timeZone: undefined,
      storeUrl: 'memory://',
      logLevel: undefined,
      reminders: readReminderEnv({}),
    },
    memoryStore(),
    silentLogger,
    clock,
  );
}

export async function measureScale(dataDir: string, times: number, iterations: number): Promise<ScaleResult> {
  const dir = await mkdtemp(path.join(tmpdir(), `gsef-bench-${times}x-`));
  await writeSyntheticData(dataDir, dir, times);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const bot = await benchBot(dir, 'stopped');
  const startupMs = performance.now() - start;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  // The same bot keeping no answers: the cost of computing each one, not of finding it kept.
  const computing = new Bot({ ...bot.services, keptAnswers: 0 });
  const queries = {} as ScaleResult['queries'];
  for (const [name, text] of Object.entries(QUERIES) as [keyof typeof QUERIES, string][]) {
    queries[name] = await measure(() => computing.answer(text, asker, 'en'), iterations);
  }
  const { kb } = bot;
  return { times, events: kb.events.length, members: kb.members.length, startupMs, heapMb, queries };
}
