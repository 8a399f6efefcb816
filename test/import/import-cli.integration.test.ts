import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { dataCopy, SEED_CALENDAR, tempFolder } from './import-support.js';

// The compiled CLI, as `npx gsef` runs it: the routing of `gsef import` and `gsef export` included.
const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');

async function gsef(args: string[], dataDir: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { ...process.env, GSEF_DATA_DIR: dataDir, GSEF_STORE_URL: 'memory://' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('gsef import and export, as run from the command line', { timeout: 120_000 }, () => {
  it('exports the calendar as CSV on stdout, which imports back unchanged', async () => {
    const data = await dataCopy();
    const exported = await gsef(['export', 'events', '--csv'], data);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    expect(exported.stdout.split('\n')).toHaveLength(36);
    const file = path.join(await tempFolder(), 'events.csv');
    await writeFile(file, exported.stdout);
    const before = await readFile(path.join(data, 'events.yaml'), 'utf8');
    const imported = await gsef(['import', 'events', file, '--write'], data);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('0 added, 0 changed, 34 left alone.\n');
    expect(await readFile(path.join(data, 'events.yaml'), 'utf8')).toBe(before);
  });

  it('exits with 2 and the usage for a command line it cannot read, with 1 for a file with problems', async () => {
    const data = await dataCopy();
    expect(await gsef(['import', 'events'], data)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: gsef import events FILE.csv|FILE.xlsx'),
    });
    expect(await gsef(['import', 'events', SEED_CALENDAR, '--year', '19'], data)).toMatchObject({ code: 2 });
    const bad = path.join(await tempFolder(), 'bad.csv');
    await writeFile(bad, 'Date,Mois,Description,Lieu\n3,Juin.,Trois,Paris\n');
    expect(await gsef(['import', 'events', bad, '--year', '2027'], data)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'gsef import: bad.csv row 2, column Mois: "Juin." is not a month\n',
    });
  });
});
