import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/test-data.js';
import { runNodeRecordingLoads } from './module-loads.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');
const BUNDLE = path.resolve(import.meta.dirname, '../../dist/bundle');

/**
 * What a one-shot answer has no use for: the tools' packages, the parser and the schemas (the
 * cache has the data; no stored value is read), the platforms, the log. It runs the bundle's CLI
 * script (bin/bundle.js), which holds the program's own modules and runs each when first imported;
 * the packages it does not hold are loaded from node_modules when used.
 */
const UNUSED = [
  String.raw`/node_modules/(yaml|zod|read-excel-file|csv-parse|fflate|discord\.js|@discordjs|@slack|pino)/`,
];
/** The program's own modules, bundled or not: a one-shot answer comes from the CLI script, none of them. */
const PROGRAM = String.raw`/dist/(src|bundle)/.*\.js$`;
const RECORDED = new RegExp([...UNUSED, PROGRAM].join('|'));

/**
 * The modules of `loaded` that a one-shot answer has no use for, among them any file of the
 * bundle holding a package (the chat platforms' libraries are bundled: bin/bundle.js lists them).
 */
function unused(loaded: readonly string[]): string[] {
  const holdsPackages = JSON.parse(readFileSync(path.join(BUNDLE, 'bundled-packages.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  return loaded.filter(
    (module) =>
      UNUSED.some((p) => new RegExp(p).test(module)) ||
      path.relative(BUNDLE, module.startsWith('file:') ? fileURLToPath(module) : module) in holdsPackages,
  );
}

describe('a one-shot `gsef` answer', { timeout: 120_000 }, () => {
  it('runs the bundle, and loads no tool, no parser or zod once the data is cached, no platform and no logger', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-cache-'));
    const env = { GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: 'memory://', GSEF_CACHE_DIR: cacheDir };
    const args = [BIN, 'next-event', 'africa', '--now', '2019-05-10'];
    const first = await runNodeRecordingLoads(args, env, RECORDED);
    expect(first.loaded.join('\n')).toMatch(/node_modules\/yaml\//);
    expect(first.loaded.join('\n')).toMatch(/node_modules\/zod\//);
    const cached = await runNodeRecordingLoads(args, env, RECORDED);
    expect(cached).toMatchObject({ code: 0, stderr: '' });
    // Neither a package it has no use for, nor a module of the program outside the CLI script.
    expect(cached.loaded).toEqual([]);
    expect(cached.stdout).toContain('Africa Policy Dialogue');
    expect(cached.stdout).toBe(first.stdout);
  });

  it('runs the CLI script with the code V8 compiled for it in the first run, and compiles it again when that code is damaged', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-cache-'));
    const env = { GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: 'memory://', GSEF_CACHE_DIR: cacheDir };
    const args = [BIN, 'next-event', 'africa', '--now', '2019-05-10'];
    const first = await runNodeRecordingLoads(args, env, RECORDED);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const [codeCache, ...others] = (await readdir(cacheDir)).filter((name) => name.startsWith('code-'));
    expect(others).toEqual([]);
    const file = path.join(cacheDir, codeCache!);
    const written = await stat(file);

    // Used, so not written again.
    expect(await runNodeRecordingLoads(args, env, RECORDED)).toMatchObject({ code: 0, stdout: first.stdout });
    expect((await stat(file)).mtimeMs).toBe(written.mtimeMs);

    const damaged = Buffer.concat([(await readFile(file)).subarray(0, 32), Buffer.alloc(1000, 1)]);
    await writeFile(file, damaged);
    expect(await runNodeRecordingLoads(args, env, RECORDED)).toMatchObject({
      code: 0,
      stderr: '',
      stdout: first.stdout,
    });
    const rewritten = await readFile(file);
    expect(rewritten.equals(damaged)).toBe(false);
    expect(rewritten.length).toBeGreaterThan(100_000);
  });

  it('loads no zod for someone who chose a language and a time zone (the values read by every answer)', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gsef-loads-'));
    const env = {
      GSEF_DATA_DIR: DATA_DIR,
      GSEF_STORE_URL: `sqlite://${path.join(folder, 'store.db')}`,
      GSEF_CACHE_DIR: folder,
    };
    for (const choice of [
      ['lang', 'fr'],
      ['tz', 'Europe/Paris'],
    ])
      expect(await runNodeRecordingLoads([BIN, '--as', 'ana', ...choice], env, RECORDED)).toMatchObject({ code: 0 });
    const args = [BIN, '--as', 'ana', 'next-event', 'africa', '--now', '2019-05-10'];
    const answered = await runNodeRecordingLoads(args, env, RECORDED);
    expect(answered).toMatchObject({ code: 0, stderr: '' });
    expect(answered.stdout).toContain('Dialogue Politique Afrique');
    expect(unused(answered.loaded)).toEqual([]);
  });

  it('takes a first word that only an object has (`toString`) for chat text, not for a tool', async () => {
    const { code, stderr } = await runNodeRecordingLoads(
      [BIN, 'toString'],
      { GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: 'memory://' },
      RECORDED,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('I don\'t know the command "toString"');
  });
});
