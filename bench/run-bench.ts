/**
 * `npm run bench`: everything on 127.0.0.1, one table on stdout, the figures in
 * bench/results/latest.json.
 *
 * 1. Slack path: the bot (SQLite store, Discord and the reminders running) vs a bare Bolt app,
 *    alternately, at 10 and 50 connections; then the bot at 80 % of the bare app's peak rate; then
 *    a sustained load of varied questions, the bot's resident memory sampled throughout.
 * 2. Socket Mode and Discord: the bot against the same library used bare (bench/platform-path.ts).
 * 3. Cold start: the one-shot CLI beside `node -e 0`, and `npm start` to /healthz (bench/startup.ts).
 * 4. Scale: start-up, memory and query latency at 1× the seed and at the largest the loader accepts.
 * 5. News intake: durable submissions per second into SQLite, and into PostgreSQL and Redis when
 *    their servers are installed (started as the tests start them).
 * 6. Memory: resident memory of the bot after start with Slack, Discord and the reminders running.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDatabaseServers } from '../test/support/database-servers.js';
import { measureNewsThroughput } from './news-throughput.js';
import { measureDiscordPath } from './discord-path.js';
import type { PathLevel } from './platform-path.js';
import { measureScale, type ScaleResult } from './scale.js';
import { measureSocketModePath } from './socket-mode-path.js';
import { measureCli, measureStartup, RSS_METHOD } from './startup.js';
import { LARGEST_SUPPORTED_TIMES } from './synthetic-data.js';
import {
  load,
  residentMb,
  signedSlashCommand,
  startBareBolt,
  startBot,
  startServices,
  sustainedLoad,
  type LoadResult,
} from './slack-path.js';

const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
const RESULTS = path.resolve(import.meta.dirname, '../../bench/results/latest.json');
const CONCURRENCY = [10, 50];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const SUSTAINED_SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 180);
const ROUNDS = 3;
/** What the sustained load asks, in turn (with a never-asked text every fifth request). */
const SUSTAINED_TEXTS = ['next-event', 'events', 'member bamako', 'agenda', 'quand est le prochain événement ?'];

const fakes = await startServices();
const storeDir = await mkdtemp(path.join(tmpdir(), 'gsef-bench-store-'));
const bot = await startBot(fakes.services, { withDiscord: true, storeUrl: `sqlite://${storeDir}/gsef.sqlite` });
const memoryAfterStartMb = await residentMb(bot.process.pid!);
const bare = await startBareBolt(fakes.services);
const request = signedSlashCommand(fakes.services, 'next-event');

// A short warm-up of each (the JIT, the bot's first answers), then bare and bot alternately, so
// that any drift of the machine during the run hits both alike.
await load('bare', bare, request, 10, 2);
await load('bot', bot, request, 10, 2);
const loads: LoadResult[] = [];
for (const connections of CONCURRENCY) {
  for (let round = 0; round < ROUNDS; round++) {
    loads.push(await load('bare', bare, request, connections, SECONDS));
    loads.push(await load('bot', bot, request, connections, SECONDS));
  }
}
const byLevel = CONCURRENCY.map((connections) => {
  const of = (app: LoadResult['app']) => loads.filter((l) => l.app === app && l.connections === connections);
  const mean = (rows: LoadResult[], key: 'requestsPerSecond' | 'p50' | 'p99' | 'cpuMicrosPerRequest') =>
    rows.reduce((sum, r) => sum + r[key], 0) / rows.length;
  const figures = (rows: LoadResult[]) => ({
    requestsPerSecond: mean(rows, 'requestsPerSecond'),
    p50: mean(rows, 'p50'),
    p99: mean(rows, 'p99'),
    cpuMicrosPerRequest: mean(rows, 'cpuMicrosPerRequest'),
  });
  const [b, o] = [of('bare'), of('bot')];
  return {
    connections,
    bare: figures(b),
    bot: figures(o),
    ratio: mean(o, 'requestsPerSecond') / mean(b, 'requestsPerSecond'),
    failures: [...b, ...o].reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
});
const barePeak = Math.max(...byLevel.map((l) => l.bare.requestsPerSecond));
const atEightyPercent = await load('bot', bot, request, 10, SECONDS, Math.floor(barePeak * 0.8));
bare.stop();
const sustained = await sustainedLoad(
  fakes.services,
  bot,
  SUSTAINED_TEXTS,
  Math.floor(barePeak / 2),
  SUSTAINED_SECONDS,
);
const memoryAfterLoadMb = await residentMb(bot.process.pid!);
bot.stop();
fakes.stop();

const platformPaths: { title: string; levels: PathLevel[] }[] = [
  { title: 'Slack Socket Mode', levels: await measureSocketModePath({ seconds: SECONDS }) },
  { title: 'Discord interaction', levels: await measureDiscordPath({ seconds: SECONDS }) },
];
const cli = await measureCli();
const startup = [...(await measureStartup(1)), ...(await measureStartup(LARGEST_SUPPORTED_TIMES))];

global.gc?.();
const scale: ScaleResult[] = [];
for (const times of [1, LARGEST_SUPPORTED_TIMES]) scale.push(await measureScale(DATA_DIR, times, 3000));
const news = [
  await measureNewsThroughput(
    DATA_DIR,
    'SQLite',
    `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-bench-news-'))}/gsef.sqlite`,
    5000,
    8,
  ),
];
// PostgreSQL and Redis, on the throwaway servers the tests use, when this machine has them.
const databases = await startDatabaseServers().catch((error: unknown) => {
  console.error(`PostgreSQL and Redis not measured: ${error instanceof Error ? error.message : String(error)}`);
  return undefined;
});
if (databases) {
  news.push(await measureNewsThroughput(DATA_DIR, 'PostgreSQL', databases.postgresUrl, 5000, 8));
  news.push(await measureNewsThroughput(DATA_DIR, 'Redis', databases.redisUrl, 5000, 8));
  await databases.stop();
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  slack: { levels: byLevel, barePeak, atEightyPercent, sustained },
  platformPaths,
  cli: { rssMethod: RSS_METHOD, results: cli },
  startup,
  scale,
  news,
  memory: { afterStartMb: memoryAfterStartMb, afterLoadMb: memoryAfterLoadMb },
};
await mkdir(path.dirname(RESULTS), { recursive: true });
await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

const f = (n: number, digits = 2) => n.toFixed(digits);
const rows: string[][] = [['measure', 'value', 'target']];
for (const l of byLevel) {
  for (const app of ['bare', 'bot'] as const)
    rows.push([
      `Slack /gsef next-event, ${l.connections} conn: ${app} req/s, p50/p99 ms, CPU µs per request`,
      `${f(l[app].requestsPerSecond, 0)}, ${f(l[app].p50)}/${f(l[app].p99)}, ${f(l[app].cpuMicrosPerRequest, 0)}`,
      '',
    ]);
  rows.push([`  bot/bare throughput (failures: ${l.failures})`, `${f(l.ratio * 100, 1)} %`, '>= 95 %']);
}
rows.push([
  `bot p99 at 80 % of the bare peak (${f(barePeak * 0.8, 0)} req/s offered)`,
  `${f(atEightyPercent.p99)} ms (${f(atEightyPercent.requestsPerSecond, 0)} req/s)`,
  '< 10 ms',
]);
rows.push([
  `sustained load, ${sustained.seconds} s at ${f(barePeak / 2, 0)} req/s, varied questions: p99, failures`,
  `${f(sustained.p99)} ms, ${sustained.failures}`,
  '',
]);
rows.push(['  resident memory every 10 s (MB)', sustained.rssCurve.map(([, mb]) => f(mb, 0)).join(' '), 'no growth']);
for (const { title, levels } of platformPaths) {
  for (const l of levels) {
    // With a bare app sending the bot's own answer (Discord), the target is judged against it.
    const { sameAnswer } = l;
    rows.push([
      `${title} /gsef next-event, ${l.connections} in flight: bare${sameAnswer ? ' ("ok")' : ''} / bot answers/s`,
      `${f(l.bare.perSecond, 0)} / ${f(l.bot.perSecond, 0)} (p99 ${f(l.bare.p99)} / ${f(l.bot.p99)} ms)`,
      '',
    ]);
    rows.push([
      `  bot/bare${sameAnswer ? ' ("ok")' : ''} throughput`,
      `${f(l.ratio * 100, 1)} %`,
      sameAnswer ? '' : '>= 95 %',
    ]);
    if (sameAnswer) {
      rows.push([
        `  bare sending the bot's answer: answers/s`,
        `${f(sameAnswer.bare.perSecond, 0)} (p99 ${f(sameAnswer.bare.p99)} ms)`,
        '',
      ]);
      rows.push([`  bot/bare (the bot's answer) throughput`, `${f(sameAnswer.ratio * 100, 1)} %`, '>= 95 %']);
    }
  }
}
for (const c of cli) {
  // Each command beside the floor measured in the same environment.
  const floor = cli.find((f) => f.command === 'node -e 0' && f.environment === c.environment);
  rows.push([
    `${c.command}${c.environment ? ` (${c.environment})` : ''}: wall mean/p50 ms, max RSS (${RSS_METHOD})`,
    `${c.wall.meanMs}/${c.wall.p50Ms} ms, ${c.maxRssMb} MB`,
    c.command.startsWith('node bin/gsef.js') ? `< 300 ms, < 80 MB (floor ${floor?.wall.meanMs} ms)` : '',
  ]);
}
for (const s of startup)
  rows.push([
    `npm start to /healthz, ${s.times}x data, cache ${s.cache}${s.through ? ', through npm itself' : ''}: mean/p50 ms`,
    `${s.toHealthzMs.meanMs}/${s.toHealthzMs.p50Ms} ms`,
    s.times === 1 ? '< 1500 ms' : '< 1000 ms',
  ]);
for (const s of scale) {
  rows.push([
    `${s.times}x data (${s.events} events, ${s.members} members): start-up, heap`,
    `${f(s.startupMs, 0)} ms, ${f(s.heapMb, 1)} MB`,
    '',
  ]);
  for (const [name, q] of Object.entries(s.queries))
    rows.push([`  ${name} p50/p99`, `${f(q.p50, 3)}/${f(q.p99, 3)} ms`, s.times > 1 ? 'p99 < 1 ms' : '']);
}
for (const n of news)
  rows.push([
    `news submissions into ${n.store} (durable), ${n.concurrency} at a time`,
    `${f(n.perSecond, 0)} /s`,
    '>= 500 /s',
  ]);
rows.push([
  'resident memory after start (Slack + Discord + reminders, 1x)',
  `${f(memoryAfterStartMb, 1)} MB`,
  '< 150 MB',
]);
rows.push(['resident memory after the load', `${f(memoryAfterLoadMb, 1)} MB`, '']);
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
console.log(`\nfigures written to ${path.relative(process.cwd(), RESULTS)}`);
