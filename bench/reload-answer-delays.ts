/**
 * How long the console waits for its answers while the server reloads data it must parse: the
 * server (`npm start`'s bundled main, or MAIN) answers `next-event` over and over at 1x data, the
 * folder's files are replaced by N times the data (the cache cold), and each answer is timed from its
 * question until the reload is logged and a few answers after. A reload parsed on the answering
 * thread shows as one answer waiting for the whole parse.
 */
import { spawn } from 'node:child_process';
import { copyFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/project-root.js';
import { writeSyntheticData } from './synthetic-data.js';

const PROMPT = 'gsef> ';
const RELOADED = '"message":"data reloaded';
const ANSWERS_AFTER_RELOAD = 3;

export interface ReloadDelays {
  /** Each answer's wait, in ms, from the change of the files until after the reload. */
  delaysMs: number[];
  /** From the change of the files to the log of the reload. */
  reloadMs: number;
}

/** Runs `main` on a copy of `sourceDir`, then replaces its data files by `times` times theirs. */
export async function answerDelaysDuringReload(main: string, sourceDir: string, times: number): Promise<ReloadDelays> {
  const folder = await mkdtemp(path.join(tmpdir(), 'gsef-reload-'));
  const [dataDir, largerDir, cacheDir] = ['data', 'larger', 'cache'].map((name) => path.join(folder, name)) as [
    string,
    string,
    string,
  ];
  await cp(sourceDir, dataDir, { recursive: true, dereference: true });
  await writeSyntheticData(sourceDir, largerDir, times);
  const env = {
    ...process.env,
    GSEF_DATA_DIR: dataDir,
    GSEF_CACHE_DIR: cacheDir,
    GSEF_STORE_URL: 'memory://',
    GSEF_NOW: '2019-05-01',
    GSEF_LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, [main], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let heard = () => {};
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), heard()));
  child.stderr.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), heard()));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  child.on('close', () => heard());
  const until = (done: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (done()) resolve();
        else if (child.exitCode !== null) reject(new Error(`the server exited before ${what}: ${stderr.trim()}`));
        else heard = check;
      };
      check();
    });
  const prompts = () => stdout.split(PROMPT).length - 1;
  const ask = async () => {
    const before = prompts();
    const askedAt = performance.now();
    child.stdin.write('next-event\n');
    await until(() => prompts() > before, 'answering');
    return performance.now() - askedAt;
  };
  try {
    await until(() => prompts() > 0 && stderr.includes('following the data folder'), 'starting');
    // Warmed up: the first answers build what answers use.
    for (let i = 0; i < 5; i++) await ask();
    // The parts the larger data changes (its locales are the same).
    const parts = (await readdir(largerDir)).filter((name) => name.endsWith('.yaml'));
    await Promise.all(parts.map((name) => copyFile(path.join(largerDir, name), path.join(dataDir, name))));
    const changedAt = performance.now();
    const delaysMs: number[] = [];
    let reloadMs: number | undefined;
    let after = 0;
    while (after < ANSWERS_AFTER_RELOAD) {
      delaysMs.push(await ask());
      if (reloadMs === undefined && stderr.includes(RELOADED)) reloadMs = performance.now() - changedAt;
      if (reloadMs !== undefined) after += 1;
    }
    return { delaysMs, reloadMs: reloadMs! };
  } finally {
    child.kill();
    await exited;
    await rm(folder, { recursive: true, force: true });
  }
}

// `node dist/bench/reload-answer-delays.js [MAIN] [TIMES]`: the figures on stdout.
if (process.argv[1] === import.meta.filename) {
  const main = path.resolve(process.argv[2] ?? path.join(PROJECT_ROOT, 'dist/bundle/main.js'));
  const times = Number(process.argv[3] ?? 100);
  const { delaysMs, reloadMs } = await answerDelaysDuringReload(main, path.join(PROJECT_ROOT, 'data'), times);
  const longest = Math.max(...delaysMs);
  console.log(
    `${times}x reload logged after ${reloadMs.toFixed(0)} ms; ${delaysMs.length} answers meanwhile and after, the longest waited ${longest.toFixed(0)} ms`,
  );
}
