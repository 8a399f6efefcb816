/**
 * `node dist/bench/run-platform-paths.js`: the Socket Mode and Discord paths, bot against bare, one
 * table on stdout. BENCH_SECONDS sets the seconds per measurement (5), BENCH_PATHS which paths to
 * measure (`socket-mode,discord`).
 */
import { measureDiscordPath } from './discord-path.js';
import type { PathLevel, SideFigures } from './platform-path.js';
import { measureSocketModePath } from './socket-mode-path.js';

const PATHS = {
  'socket-mode': { title: 'Slack Socket Mode /gsef next-event', measure: measureSocketModePath },
  discord: { title: 'Discord /gsef next-event', measure: measureDiscordPath },
};
const chosen = (process.env.BENCH_PATHS ?? Object.keys(PATHS).join(',')).split(',') as (keyof typeof PATHS)[];
const seconds = Number(process.env.BENCH_SECONDS ?? 5);

const f = (n: number, digits = 2) => n.toFixed(digits);
const side = (s: SideFigures) =>
  `${f(s.perSecond, 0)}, ${f(s.p50)}/${f(s.p99)}, ${f(s.appCores)}/${f(s.driverCores)}${s.failures > 0 ? `, ${s.failures} failed` : ''}`;
const rows: string[][] = [['measure', 'answers/s, p50/p99 ms, CPU cores app/driver', 'target']];
for (const name of chosen) {
  const path = PATHS[name];
  if (!path) throw new Error(`unknown path ${name}: choose among ${Object.keys(PATHS).join(', ')}`);
  const levels: PathLevel[] = await path.measure({ seconds });
  for (const l of levels) {
    rows.push([`${path.title}, ${l.connections} in flight: bare`, side(l.bare), '']);
    rows.push([`${path.title}, ${l.connections} in flight: bot`, side(l.bot), '']);
    rows.push(['  bot/bare throughput', `${f(l.ratio * 100, 1)} %`, '>= 95 %']);
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
