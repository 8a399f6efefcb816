/**
 * `node dist/bench/run-platform-paths.js`: the Socket Mode and Discord paths, bot against bare, one
 * table on stdout. BENCH_SECONDS sets the seconds per measurement (5), BENCH_ROUNDS the
 * measurements per app and level (3), BENCH_PATHS which paths to measure (`socket-mode,discord`),
 * BENCH_PROFILE_DIR a folder where the bot writes a CPU profile of each path (`node
 * dist/bench/cpu-profile-summary.js <file>` sums it up), BENCH_BOT_FLAGS more Node.js flags for the bot.
 */
import { measureDiscordPath } from './discord-path.js';
import { DEFAULT_ROUNDS, type PathLevel, type SideFigures } from './platform-path.js';
import { measureSocketModePath } from './socket-mode-path.js';

const PATHS = {
  'socket-mode': { title: 'Slack Socket Mode /gsef next-event', measure: measureSocketModePath },
  discord: { title: 'Discord /gsef next-event', measure: measureDiscordPath },
};
const chosen = (process.env.BENCH_PATHS ?? Object.keys(PATHS).join(',')).split(',') as (keyof typeof PATHS)[];
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** Measurements per app and level (3): more, shorter ones steady the ratio on a busy machine. */
const rounds = Number(process.env.BENCH_ROUNDS ?? DEFAULT_ROUNDS);
const profileDir = process.env.BENCH_PROFILE_DIR;
/** More Node.js flags for the bot, after `npm start`'s (space-separated): to try another setting. */
const extraFlags = process.env.BENCH_BOT_FLAGS?.split(' ').filter(Boolean) ?? [];

const f = (n: number, digits = 2) => n.toFixed(digits);
/** The app's CPU time per answer: less sensitive than the rate to other work on a shared machine. */
const side = (s: SideFigures) =>
  `${f(s.perSecond, 0)}, ${f(s.p50)}/${f(s.p99)}, ${f(s.appCores)}/${f(s.driverCores)}, ${f((s.appCores / s.perSecond) * 1e6, 0)}${s.failures > 0 ? `, ${s.failures} failed` : ''}`;
const rows: string[][] = [['measure', 'answers/s, p50/p99 ms, CPU cores app/driver, app CPU µs per answer', 'target']];
for (const name of chosen) {
  const path = PATHS[name];
  if (!path) throw new Error(`unknown path ${name}: choose among ${Object.keys(PATHS).join(', ')}`);
  const profileFlags = profileDir
    ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=bot-${name}.cpuprofile`]
    : [];
  const levels: PathLevel[] = await path.measure({ seconds, rounds, botFlags: [...extraFlags, ...profileFlags] });
  for (const l of levels) {
    const at = `${path.title}, ${l.connections} in flight`;
    // With a bare app sending the bot's own answer, the target is judged against it (bench/discord-path.ts).
    const { sameAnswer } = l;
    rows.push([`${at}: bare${sameAnswer ? ' ("ok")' : ''}`, side(l.bare), '']);
    if (sameAnswer) rows.push([`${at}: bare (the bot's answer)`, side(sameAnswer.bare), '']);
    rows.push([`${at}: bot`, side(l.bot), '']);
    rows.push([
      `  bot/bare${sameAnswer ? ' ("ok")' : ''} throughput`,
      `${f(l.ratio * 100, 1)} %`,
      sameAnswer ? '' : '>= 95 %',
    ]);
    if (sameAnswer)
      rows.push(["  bot/bare (the bot's answer) throughput", `${f(sameAnswer.ratio * 100, 1)} %`, '>= 95 %']);
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
