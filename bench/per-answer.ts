/**
 * The bot's own cost per answer, in process: CPU time and bytes allocated per `/gsef next-event`,
 * over the seed's data, as text (Slack's path) and as a Discord command's values (Discord's path),
 * kept (the answer cache, as the servers answer it) and computed (no cache). Run from the
 * project's folder: `node --expose-gc dist/bench/per-answer.js [answers]`; `--trace-gc` shows what scavenges keep.
 */
import type { Asker } from '../src/domain/asker.js';
import { Bot } from '../src/bot.js';
import { benchBot } from './scale.js';
import { discordMessage } from '../src/platforms/discord/discord-message.js';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

const slackAsker: Asker = { platform: 'slack', id: 'U0BENCH', isEditor: false, timeZone: 'Europe/Paris' };
const discordAsker: Asker = {
  platform: 'discord',
  id: '1234567890',
  displayName: 'bench',
  locale: 'en-US',
  isEditor: false,
  origin: { channel: '42' },
};

/** How many answers each allocation sample spans: few enough that most samples see no collection. */
const BATCH = 100;

let collections = 0;
new PerformanceObserver((list) => (collections += list.getEntries().length)).observe({ entryTypes: ['gc'] });

/**
 * CPU time and bytes allocated per answer. Bytes are the growth of the heap over a batch of
 * answers in which no collection ran (a collection frees what the batch allocated), the median of
 * the batches.
 */
async function perAnswer(name: string, answers: number, answerOnce: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 2000; i++) await answerOnce();
  global.gc?.();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let done = 0; done < answers; done += BATCH) {
    const seen = collections;
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < BATCH; i++) await answerOnce();
    const after = process.memoryUsage().heapUsed;
    // The observer reports a collection after it: let it run before reading the count.
    await new Promise((resolve) => setImmediate(resolve));
    if (collections === seen) samples.push((after - before) / BATCH);
  }
  const used = process.cpuUsage(cpu);
  samples.sort((a, b) => a - b);
  const bytes = samples[Math.floor(samples.length / 2)] ?? NaN;
  console.log(
    `${name.padEnd(34)} ${((used.user + used.system) / answers).toFixed(1).padStart(7)} µs CPU  ` +
      `${(bytes / 1024).toFixed(2).padStart(6)} KB (${samples.length} samples)`,
  );
}

async function main(): Promise<void> {
  const answers = Number(process.argv[2] ?? 10_000);
  const bot = await benchBot(path.resolve('test/fixtures/seed-2019'), 'running');
  const computing = new Bot({ ...bot.services, keptAnswers: 0 });
  const values = { command: 'next-event', values: new Map() };
  for (let round = 0; round < 2; round++) {
    await perAnswer('text, kept', answers, () => bot.answer('/gsef next-event', slackAsker));
    await perAnswer('values, kept', answers, () => bot.answerValues(values, discordAsker));
    await perAnswer('values, kept, Discord message', answers, async () =>
      discordMessage(bot, await bot.answerValues(values, discordAsker), 'en'),
    );
    await perAnswer('text, computed', answers, () => computing.answer('/gsef next-event', slackAsker));
    await perAnswer('values, computed', answers, () => computing.answerValues(values, discordAsker));
  }
}

void main();
