import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startNode, type RunningNode } from '../support/run-child.js';
import { waitFor } from '../support/wait-for.js';
import {
  AFRICA_DIALOGUE_BROKEN as BROKEN,
  AFRICA_DIALOGUE_MOVED as MOVED,
  AFRICA_DIALOGUE_WHEN,
  dataCopy,
  editFile,
} from './data-copy.js';

// The server as `npm start` runs it: bundled (test/support/build-program.ts makes the bundle current).
const MAIN = path.resolve(import.meta.dirname, '../../dist/bundle/main.js');

const SETTINGS = `admin: { console: secretariat }
announcements:
  targets:
    - { platform: console, channel: calendar, languages: [en] }`;

const PROBLEM_NOTICE = '[secretariat] The data files changed but have a problem';
const FIXED_NOTICE = '[secretariat] The data files load again';
const REFUSED_LOG = 'the data changed but has problems';
const RELOADED_LOG = '"message":"data reloaded';

const count = (text: string, part: string) => text.split(part).length - 1;

/** Types a question at the console and waits until `expected` appears once more on its output. */
async function ask(bot: RunningNode, question: string, expected: string): Promise<void> {
  const before = count(bot.stdout(), expected);
  bot.stdin.write(`${question}\n`);
  await waitFor(() => count(bot.stdout(), expected) > before, `"${expected}" in the answer to "${question}"`);
}

/** Waits until the log has `line` `times` times in all. */
const logged = (bot: RunningNode, line: string, times: number) =>
  waitFor(() => count(bot.stderr(), line) >= times, `${times} log lines "${line}"`);

// The real program starts, then every step waits for a reload: give a busy machine room.
describe('npm start following the data folder', { timeout: 120_000 }, () => {
  it('answers from changed files without a restart, keeps the old data while they are broken, and says so once', async () => {
    const dir = await dataCopy(SETTINGS);
    const store = `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-live-'))}/gsef.sqlite`;
    const bot = startNode([MAIN], {
      GSEF_DATA_DIR: dir,
      GSEF_STORE_URL: store,
      GSEF_NOW: '2019-05-01',
      GSEF_LOG_LEVEL: 'info',
    });
    await logged(bot, 'following the data folder', 1);
    await ask(bot, 'event africa policy dialogue', '13 – 17 May 2019');

    await editFile(dir, 'events.yaml', (text) => text.replace(AFRICA_DIALOGUE_WHEN, MOVED));
    await logged(bot, RELOADED_LOG, 1);
    await ask(bot, 'event africa policy dialogue', '20 – 24 May 2019');
    await waitFor(
      () => bot.stdout().includes('[calendar] Calendar update: 1 change'),
      'the announcement of the change',
    );
    expect(bot.stdout()).toContain(
      'Changed: Africa Policy Dialogue, now 20 – 24 May 2019, Bamako, Mali (To be confirmed)',
    );

    await editFile(dir, 'events.yaml', (text) => text.replace(MOVED, BROKEN));
    await waitFor(() => bot.stdout().includes(PROBLEM_NOTICE), 'the notice of the problem');
    expect(bot.stdout()).toMatch(/events\.yaml:\d+: events\[\d+\]\.when: 2019-05-33 is not a real day/);
    await ask(bot, 'event africa policy dialogue', '20 – 24 May 2019');
    // Saved again, still broken: logged again, not told again.
    await editFile(dir, 'events.yaml', (text) => `${text}\n# still being edited\n`);
    await logged(bot, REFUSED_LOG, 2);
    expect(count(bot.stdout(), PROBLEM_NOTICE)).toBe(1);

    await editFile(dir, 'events.yaml', (text) => text.replace(BROKEN, MOVED.replace('20/2019-05-24', '27/2019-05-31')));
    await waitFor(() => bot.stdout().includes(FIXED_NOTICE), 'the notice that the data is fixed');
    await ask(bot, 'event africa policy dialogue', '27 – 31 May 2019');
    await editFile(dir, 'events.yaml', (text) => `${text}\n# a comment\n`);
    await logged(bot, RELOADED_LOG, 3);
    expect(count(bot.stdout(), FIXED_NOTICE)).toBe(1);
    expect(count(bot.stdout(), PROBLEM_NOTICE)).toBe(1);
  });
});
