import { execFile } from 'node:child_process';
import { chmod, copyFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { openStore } from '../../src/store/open-store.js';
import { freshSqliteUrl, newsItem, storesClosedAfterEach } from '../support/store-fixtures.js';

const run = promisify(execFile);
const open = storesClosedAfterEach();
const fileOf = (url: string) => url.slice('sqlite://'.length);

/**
 * Makes a file read-only for this process. Root writes through permission bits, so as root the
 * file is made immutable instead (as a read-only mount would make it); undone after each test.
 */
const undo: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of undo.splice(0)) await step();
});
async function makeReadOnly(file: string): Promise<void> {
  if (process.getuid?.() === 0) {
    await run('chattr', ['+i', file]);
    undo.push(() => run('chattr', ['-i', file]));
  } else {
    await chmod(file, 0o444);
  }
}

async function openError(url: string): Promise<Error> {
  const error: unknown = await openStore(url).then(
    (store) => store.close().then(() => undefined),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as Error;
}

describe('a SQLite store file', () => {
  it('that can be read but not written is refused at start-up, as an unreachable store is', async () => {
    const url = await freshSqliteUrl();
    const before = await openStore(url);
    await before.news.insert(newsItem('An item written while the file was writable.'));
    await before.close();
    await makeReadOnly(fileOf(url));
    expect((await openError(url)).message).toMatch(
      /^GSEF_STORE_URL: cannot open the store at sqlite:\/\/.*: .*gsef\.sqlite can be read but not written: make the file and its folder writable/,
    );
  });

  it('in a folder that does not exist is refused, and no folder is made', async () => {
    const folder = path.join(path.dirname(fileOf(await freshSqliteUrl())), 'no', 'such', 'dir');
    expect((await openError(`sqlite://${folder}/gsef.sqlite`)).message).toContain(
      `the folder ${folder} does not exist: create it, or correct the path`,
    );
    await expect(stat(path.dirname(folder))).rejects.toThrow(/ENOENT/);
  });

  it('created afresh says so in the warnings an operator sees at start-up, and not when opened again', async () => {
    const url = await freshSqliteUrl();
    expect((await open(url)).warnings).toEqual([
      expect.stringContaining(`created a new, empty store at ${fileOf(url)}`),
    ]);
    expect((await open(url)).warnings).toEqual([]);
  });

  it.each([
    [
      'deleted',
      async (file: string) => {
        for (const name of await readdir(path.dirname(file))) await rm(path.join(path.dirname(file), name));
      },
    ],
    [
      'replaced by another file (a restore with mv)',
      async (file: string) => {
        await copyFile(file, `${file}.copy`);
        await rename(`${file}.copy`, file);
      },
    ],
  ])('%s while the bot runs: nothing more is acknowledged', async (_, change) => {
    const url = await freshSqliteUrl();
    const store = await open(url);
    expect(await store.news.insert(newsItem('Acknowledged before the file changed.'))).toMatchObject({
      inserted: { id: 1 },
    });
    await change(fileOf(url));
    await expect(store.news.insert(newsItem('Sent after the file changed.'))).rejects.toThrow(
      /the store file .*gsef\.sqlite was deleted or replaced while the bot was running/,
    );
    await expect(store.values.set('lang:slack:U1', 'fr')).rejects.toThrow(/deleted or replaced/);
    await expect(
      store.notices.add(
        { platform: 'slack', kind: 'channel', id: 'C1' },
        { status: 'ok', title: 'x', blocks: [], visibility: 'public' },
        1,
      ),
    ).rejects.toThrow(/deleted or replaced/);
  });
});
