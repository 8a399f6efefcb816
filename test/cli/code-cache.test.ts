import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runWithCodeCache } from '../../bin/code-cache.js';
import { runNode } from '../support/run-child.js';

const CODE_CACHE = pathToFileURL(path.resolve(import.meta.dirname, '../../bin/code-cache.js')).href;

/**
 * The script run in a process of its own, as gsef runs it, then its cache saved: within one
 * process V8 keeps what it compiled in memory and would not read the cache file at all.
 */
async function runInOwnProcess(script: string, cacheFile: string) {
  const program = `import { runWithCodeCache } from ${JSON.stringify(CODE_CACHE)};
const run = runWithCodeCache(${JSON.stringify(script)}, ${JSON.stringify(cacheFile)});
process.stdout.write(JSON.stringify({ cacheUsed: run.cacheUsed, exports: run.exports }));
run.saveCache();`;
  const { code, stdout, stderr } = await runNode(['--input-type=module', '-e', program], {});
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(stdout) as { cacheUsed: boolean; exports: Record<string, unknown> };
}

/** A script in a folder of its own, with a function that runs (so that the cache holds more than the top level). */
async function scriptFolder(source = 'exports.answer = [1, 2, 3].map((n) => n * 2).join(" ");\n') {
  const folder = await mkdtemp(path.join(tmpdir(), 'gsef-code-cache-'));
  const script = path.join(folder, 'script.cjs');
  await writeFile(script, source);
  return { folder, script, cacheFile: path.join(folder, 'cache', 'script.v8') };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

describe('a script run with its code cache (bin/code-cache.js, the bundled CLI)', { timeout: 30_000 }, () => {
  it('runs the script, writes its compiled code once it has run, and compiles nothing the next time', async () => {
    const { script, cacheFile } = await scriptFolder();
    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: false, exports: { answer: '2 4 6' } });
    const written = await readFile(cacheFile);
    expect(written.subarray(0, 32)).toEqual(sha256(await readFile(script, 'utf8')));
    expect(written.length).toBeGreaterThan(32);

    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: true, exports: { answer: '2 4 6' } });
    expect(await readFile(cacheFile)).toEqual(written);
  });

  it('gives the script its own require, module and file names', async () => {
    const { folder, script, cacheFile } = await scriptFolder(
      'module.exports = { sibling: require("./sibling.cjs"), file: __filename, dir: __dirname };\n',
    );
    await writeFile(path.join(folder, 'sibling.cjs'), 'module.exports = "beside";\n');
    expect(runWithCodeCache(script, cacheFile).exports).toEqual({ sibling: 'beside', file: script, dir: folder });
  });

  it('never runs the code of another script of the same length, which V8 alone would accept', async () => {
    const { script, cacheFile } = await scriptFolder('exports.version = "first";\n');
    await runInOwnProcess(script, cacheFile);
    const rebuilt = 'exports.version = "again";\n';
    await writeFile(script, rebuilt);

    // V8 checks the length of the source, its own version and its flags, not the source itself.
    const v8Data = (await readFile(cacheFile)).subarray(32);
    expect(new vm.Script(module.wrap(rebuilt), { filename: script, cachedData: v8Data }).cachedDataRejected).toBe(
      false,
    );

    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: false, exports: { version: 'again' } });
    expect((await readFile(cacheFile)).subarray(0, 32)).toEqual(sha256(rebuilt));
    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: true, exports: { version: 'again' } });
  });

  it.each([
    ['data V8 rejects after the right digest', (digest: Buffer) => Buffer.concat([digest, Buffer.alloc(4096, 7)])],
    ['a digest alone', (digest: Buffer) => digest],
    ['half a digest', (digest: Buffer) => digest.subarray(0, 16)],
    ['an empty file', () => Buffer.alloc(0)],
  ])('runs the script from its source when the cache holds %s, and writes a good one', async (_, damaged) => {
    const { script, cacheFile } = await scriptFolder();
    await runInOwnProcess(script, cacheFile);
    await writeFile(cacheFile, damaged(sha256(await readFile(script, 'utf8'))));

    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: false, exports: { answer: '2 4 6' } });
    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: true, exports: { answer: '2 4 6' } });
  });

  it('never reads a cache that another user could have written, and writes its own for this user alone', async () => {
    const { script, cacheFile } = await scriptFolder();
    await runInOwnProcess(script, cacheFile);
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    await chmod(cacheFile, 0o620);

    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: false, exports: { answer: '2 4 6' } });
    expect((await stat(cacheFile)).mode & 0o777).toBe(0o600);
    expect(await runInOwnProcess(script, cacheFile)).toEqual({ cacheUsed: true, exports: { answer: '2 4 6' } });
  });

  it('runs as well when the cache cannot be written, and leaves no partial file', async () => {
    const { folder, script } = await scriptFolder();
    // The cache's folder would be a file: it cannot be made.
    await writeFile(path.join(folder, 'not-a-folder'), '');
    const run = runWithCodeCache(script, path.join(folder, 'not-a-folder', 'script.v8'));
    expect(run.exports).toEqual({ answer: '2 4 6' });
    expect(() => run.saveCache()).not.toThrow();
    expect(await readdir(folder)).toEqual(['not-a-folder', 'script.cjs']);
    expect((await stat(path.join(folder, 'not-a-folder'))).size).toBe(0);
  });

  it('lets a script fail as it would without the cache', async () => {
    const { script, cacheFile } = await scriptFolder('throw new RangeError("bad start");\n');
    expect(() => runWithCodeCache(script, cacheFile)).toThrow(RangeError);
  });
});
