/**
 * `node dist/bench/run-startup.js`: the cold-start figures alone (bench/startup.ts), as a table on
 * stdout. RUNS sets the runs per figure (default 10 for the CLI, 5 for each start-up figure).
 */
import { FIRST_QUESTION, measureCli, measureStartup, RSS_METHOD } from './startup.js';
import { LARGEST_SUPPORTED_TIMES } from './synthetic-data.js';

const runs = Number(process.env.RUNS ?? 0) || undefined;

console.log(`One-shot CLI, whole processes (max RSS by ${RSS_METHOD})`);
for (const { command, environment, wall, maxRssMb } of await measureCli(runs)) {
  console.log(
    `  ${`${command}${environment ? ` (${environment})` : ''}`.padEnd(38)} mean ${wall.meanMs} ms  p50 ${wall.p50Ms} ms  max ${wall.maxMs} ms  (${wall.runs} runs)  max RSS ${maxRssMb} MB`,
  );
}
console.log('npm start (Slack over HTTP) from spawn to the first 200 from /healthz, then to its first answer');
for (const times of [1, LARGEST_SUPPORTED_TIMES]) {
  const results = await measureStartup(times, runs && Math.ceil(runs / 2)).catch((error: unknown) => {
    console.log(`  ${times}x data: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  });
  for (const { cache, through, toHealthzMs, toFirstAnswerMs } of results) {
    console.log(
      `  ${`${times}x data, cache ${cache}${through ? ' (npm)' : ''}`.padEnd(38)} mean ${toHealthzMs.meanMs} ms  p50 ${toHealthzMs.p50Ms} ms  max ${toHealthzMs.maxMs} ms  (${toHealthzMs.runs} runs)`,
    );
    console.log(
      `  ${'  then answered'.padEnd(38)} mean ${toFirstAnswerMs.meanMs} ms  p50 ${toFirstAnswerMs.p50Ms} ms  max ${toFirstAnswerMs.maxMs} ms  (\`${FIRST_QUESTION}\` from spawn)`,
    );
  }
}
