import { copyFile, mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const FRESHNESS = path.resolve(import.meta.dirname, '../../bin/build-freshness.js');

/**
 * A project of its own with a copy of bin/build-freshness.js (whose ROOT is the folder above its
 * own), a compiled program of two files and a bundle made from them a minute later.
 */
async function projectWithBundle() {
  const root = await mkdtemp(path.join(tmpdir(), 'gsef-program-folder-'));
  await mkdir(path.join(root, 'bin'));
  await mkdir(path.join(root, 'dist/src/cli'), { recursive: true });
  await mkdir(path.join(root, 'dist/bundle/cli'), { recursive: true });
  // Each copy is a module of its own: no test sees another's folders.
  await copyFile(FRESHNESS, path.join(root, 'bin/build-freshness.js'));
  const compiledAt = new Date(Date.now() - 120_000);
  const bundledAt = new Date(Date.now() - 60_000);
  const inputs = ['dist/src/cli/main.js', 'dist/src/answer.js'];
  for (const input of inputs) {
    await writeFile(path.join(root, input), 'export {};\n');
    await utimes(path.join(root, input), compiledAt, compiledAt);
  }
  await writeFile(path.join(root, 'dist/bundle/cli/main.js'), 'export {};\n');
  const inputsFile = path.join(root, 'dist/bundle/inputs.json');
  await writeFile(inputsFile, JSON.stringify(inputs));
  await utimes(inputsFile, bundledAt, bundledAt);
  const { programFolder, BUNDLE, COMPILED } = (await import(
    pathToFileURL(path.join(root, 'bin/build-freshness.js')).href
  )) as typeof import('../../bin/build-freshness.js');
  return { root, programFolder, BUNDLE, COMPILED, inputsFile, bundledAt };
}

describe('the folder bin/gsef.js and bin/start.js run the program from', () => {
  it('is the bundle while no file it was made from is newer than it', async () => {
    const { root, programFolder, BUNDLE } = await projectWithBundle();
    expect(BUNDLE).toBe(path.join(root, 'dist/bundle'));
    expect(programFolder()).toBe(BUNDLE);
  });

  it('is the compiled program once a file of it was compiled again after the bundle (a `tsc` alone)', async () => {
    const { root, programFolder, COMPILED } = await projectWithBundle();
    await writeFile(path.join(root, 'dist/src/answer.js'), 'export const changed = true;\n');
    expect(COMPILED).toBe(path.join(root, 'dist/src'));
    expect(programFolder()).toBe(COMPILED);
  });

  it('is the compiled program when a file the bundle was made from is gone', async () => {
    const { root, programFolder, COMPILED } = await projectWithBundle();
    await rm(path.join(root, 'dist/src/answer.js'));
    expect(programFolder()).toBe(COMPILED);
  });

  it.each([
    ['no list of inputs (a bundle never finished)', undefined],
    ['a list that is not JSON', '["dist/src/cli/main.js"'],
    ['an empty list', '[]'],
    ['a list of something else', '{"dist/src/cli/main.js": true}'],
    ['a list holding a number', '[1]'],
  ])('is the compiled program with %s', async (_, content) => {
    const { programFolder, COMPILED, inputsFile, bundledAt } = await projectWithBundle();
    if (content === undefined) await rm(inputsFile);
    else {
      await writeFile(inputsFile, content);
      await utimes(inputsFile, bundledAt, bundledAt);
    }
    expect(programFolder()).toBe(COMPILED);
  });
});
