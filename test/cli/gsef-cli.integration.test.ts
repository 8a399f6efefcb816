import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { newsSeenAs } from '../support/long-news.js';
import { DATA_DIR } from '../support/test-bot.js';
import { copyOfTestData } from '../support/test-data.js';

// The compiled CLI, as `npx gsef` runs it (npm test builds it first).
const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');
const run = promisify(execFile);

async function gsef(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: 'memory://', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each test runs the compiled CLI, up to three times: on a busy machine a start alone can take seconds.
const RUNS_THE_CLI = { timeout: 120_000 };

describe('gsef CLI', RUNS_THE_CLI, () => {
  it('says on stderr that it created a new, empty SQLite store, once, and refuses a URL that names a folder', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'gsef-cli-'));
    const url = `sqlite://${folder}/typo.sqlit`;
    const news = ['news', 'A long enough piece of news for the queue, sent to a mistyped store.', '--as', 'ana'];
    const first = await gsef(news, { GSEF_STORE_URL: url });
    expect(first).toMatchObject({
      code: 0,
      stderr: `gsef: warning: created a new, empty store at ${folder}/typo.sqlit: if the bot kept its news elsewhere before, GSEF_STORE_URL names the wrong file\n`,
    });
    const status = await gsef(['reminders', '--status'], { GSEF_STORE_URL: url });
    expect(status).toMatchObject({ code: 0, stderr: '' });
    const asFolder = await gsef(['events'], { GSEF_STORE_URL: `sqlite://${folder}/` });
    expect(asFolder).toMatchObject({ code: 2, stdout: '' });
    expect(asFolder.stderr).toBe(
      `gsef: GSEF_STORE_URL: "sqlite://${folder}/" names a folder: name the store's file in it, such as sqlite://${folder}/gsef.sqlite\n`,
    );
  });

  it('answers once and exits 0, with --now and --lang', async () => {
    const { code, stdout } = await gsef(['next-event', 'afrique', '--now', '2019-05-10', '--lang', 'fr']);
    expect(code).toBe(0);
    expect(stdout).toContain('Dialogue Politique Afrique');
  });

  it('prints the reply as JSON with --json', async () => {
    const { code, stdout } = await gsef(['agenda', '--json'], { GSEF_NOW: '2026-11-25' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'ok', title: 'Steering Committee, Q1 2027' });
  });

  it('exits non-zero with a one-line reason on an unknown command', async () => {
    const { code, stderr } = await gsef(['nxt-event']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('next-event');
  });

  it('writes the calendar itself to stdout, and when no event matches writes nothing there and exits 1 saying why', async () => {
    const calendar = await gsef(['calendar', 'december']);
    expect(calendar).toMatchObject({ code: 0, stderr: '' });
    expect(calendar.stdout).toMatch(/^BEGIN:VCALENDAR\r\n[^]*END:VCALENDAR\r\n$/);
    const none = await gsef(['calendar', '2031', '--lang', 'fr']);
    expect(none).toMatchObject({ code: 1, stdout: '' });
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toMatch(/^gsef: Aucun événement ne correspond\./);
  });

  it('exits 2 with one line naming GSEF_STORE_URL, password masked, when the store cannot be reached', async () => {
    const { code, stdout, stderr } = await gsef(['next-event'], {
      GSEF_STORE_URL: 'postgres://gsef:s3cret@127.0.0.1:1/gsef',
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^gsef: GSEF_STORE_URL: cannot open the store at postgres:\/\/gsef:\*\*\*@127\.0\.0\.1:1\/gsef: .*ECONNREFUSED.*\n$/,
    );
  });

  it('exits 2 on a log level it does not know, and says which ones it takes', async () => {
    const { code, stderr } = await gsef(['next-event'], { GSEF_LOG_LEVEL: 'verbose' });
    expect(code).toBe(2);
    expect(stderr).toBe('gsef: GSEF_LOG_LEVEL: use one of info, warn, error\n');
  });

  it('exits non-zero on a bad --now or --lang', async () => {
    expect((await gsef(['agenda', '--now', 'yesterday'])).code).toBe(2);
    const { code, stderr } = await gsef(['agenda', '--lang', 'de']);
    expect(code).toBe(2);
    expect(stderr).toContain('--lang');
  });

  it('check-data passes on the test data and lists each problem of a broken copy', async () => {
    expect((await gsef(['check-data', DATA_DIR])).code).toBe(0);
    const dir = await copyOfTestData('gsef-cli-');
    const events = path.join(dir, 'events.yaml');
    await writeFile(
      events,
      (await readFile(events, 'utf8'))
        .replace('when: "2019-01-08"', 'when: "2019-01-32"')
        .replace('category: networking', 'category: partying'),
    );
    const { code, stderr } = await gsef(['check-data', dir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/events\.yaml:\d+: events\[0\]\.when: /);
    expect(stderr).toMatch(/events\.yaml:\d+: events\[\d+\]\.category: /);
  });

  it('runs the interactive console on standard input', async () => {
    // Not the project's own store, where a developer's `lang fr` would make the console answer in French.
    const child = execFile(process.execPath, [BIN, '--now', '2019-05-10'], {
      env: { ...process.env, GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: 'memory://' },
    });
    let output = '';
    child.stdout!.on('data', (chunk: string) => (output += chunk));
    child.stdin!.end('/gsef next-event\nagenda\nexit\n');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(output).toContain('RENAPESS General Assembly');
    expect(output).toContain('Steering Committee, Q3 2019');
  });
});

describe('gsef lang', RUNS_THE_CLI, () => {
  it('remembers the chosen language in the store across runs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gsef-store-'));
    const env = { GSEF_STORE_URL: `sqlite://${dir}/gsef.sqlite`, GSEF_NOW: '2019-05-10' };
    const saved = await gsef(['lang', 'es'], env);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('español');
    const { stdout } = await gsef(['next-event', 'africa'], env);
    expect(stdout).toContain('Diálogo Político');
  });

  it('refuses a language it does not speak', async () => {
    const { code, stderr } = await gsef(['lang', 'de'], { GSEF_STORE_URL: 'memory://' });
    expect(code).toBe(2);
    expect(stderr).toContain('de');
  });
});

describe('gsef news', RUNS_THE_CLI, () => {
  it('counts news as people see it: mentions made inert, accents, emoji sequences and flags count as they show', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gsef-store-'));
    const env = { GSEF_STORE_URL: `sqlite://${dir}/gsef.sqlite`, GSEF_NOW: '2026-11-10' };
    const tooShort = await gsef(['news', '@a @b @c @d @e @f', '--as', 'short', '--json'], env);
    expect(JSON.parse(tooShort.stdout)).toMatchObject({
      status: 'invalid',
      title: expect.stringContaining('at least 20'),
    });
    const seen = await gsef(['news', newsSeenAs(4000, 'Console, seen as 4,000'), '--as', 'seen', '--json'], env);
    expect(JSON.parse(seen.stdout)).toMatchObject({ status: 'ok' });
    const tooLong = await gsef(['news', newsSeenAs(4001, 'Console, seen as 4,001'), '--as', 'long', '--json'], env);
    expect(JSON.parse(tooLong.stdout)).toMatchObject({
      status: 'invalid',
      title: expect.stringContaining('4,000 characters at most'),
    });
  });
});

describe('gsef reminders', RUNS_THE_CLI, () => {
  it('prints the 2019 plan as JSON, sorted by time, with the fields a script needs', async () => {
    const { code, stdout } = await gsef(['reminders', '--from', '2019-01-01', '--to', '2019-12-31', '--json'], {
      GSEF_REMINDER_SLACK_CHANNEL: 'C123',
    });
    expect(code).toBe(0);
    const plan = JSON.parse(stdout) as {
      at: string;
      meeting: string;
      meetingStart: string;
      dateConfirmed: boolean;
      offset: string;
      targets: { platform: string }[];
    }[];
    expect(plan).toHaveLength(12);
    expect(plan[0]).toEqual({
      at: '2019-01-16T09:00:00+09:00',
      meeting: 'sc-2019-q1',
      meetingStart: '2019-01-30',
      dateConfirmed: true,
      offset: 'P14D',
      targets: [
        { platform: 'console', channel: 'secretariat', languages: ['en'] },
        { platform: 'slack', channel: 'C123', languages: ['en', 'fr', 'es'] },
      ],
    });
    expect(plan.map((r) => r.at)).toEqual([...plan.map((r) => r.at)].sort());
  });

  it('plans later years from the rule', async () => {
    const { stdout } = await gsef(['reminders', '--from', '2027-01-01', '--to', '2027-12-31', '--json']);
    const plan = JSON.parse(stdout) as { meetingStart: string; dateConfirmed: boolean }[];
    expect(new Set(plan.map((r) => r.meetingStart))).toEqual(
      new Set(['2027-01-25', '2027-04-24', '2027-07-08', '2027-10-22']),
    );
    expect(plan.every((r) => !r.dateConfirmed)).toBe(true);
  });

  it('refuses a bad window with a one-line reason', async () => {
    const { code, stderr } = await gsef(['reminders', '--from', '2019-13-01', '--to', '2019-12-31']);
    expect(code).toBe(2);
    expect(stderr).toContain('--from');
  });

  it('--status says what was posted and what is next', async () => {
    const { code, stdout } = await gsef(['reminders', '--status'], { GSEF_NOW: '2027-01-01' });
    expect(code).toBe(0);
    expect(stdout).toContain('next: 2027-01-11T09:00:00+09:00');
  });
});

describe('gsef attendance --csv', RUNS_THE_CLI, () => {
  it('writes the sheet itself to stdout: quoted fields, CRLF line ends, the switch before or after the meeting', async () => {
    const env = {
      GSEF_STORE_URL: `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-cli-'))}/gsef.sqlite`,
      GSEF_NOW: '2026-12-01',
    };
    const granted = await gsef(['role', 'grant', 'ana', 'city-of-seoul', 'representative', '--as', 'secretariat'], env);
    expect(granted.code).toBe(0);
    expect(await gsef(['rsvp', 'yes', '--as', 'ana'], env)).toMatchObject({
      code: 0,
      stdout: 'Noted: City of Seoul will attend — Steering Committee, Q1 2027.\n',
    });

    const next = await gsef(['attendance', '--csv'], env);
    expect(next).toMatchObject({ code: 0, stderr: '' });
    const lines = next.stdout.split('\r\n');
    expect(lines[0]).toBe('"meeting","respondent","name","answer","answered by","answered at (UTC)"');
    expect(lines[1]).toMatch(/^"sc-2027-q1","city-of-seoul","City of Seoul","will attend","console:ana","[^"]+"$/);
    expect(lines[2]).toBe('"sc-2027-q1","seoul-social-economy-network","Seoul Social Economy Network","","",""');
    // The header, the 13 members of the committee, and nothing after the last CRLF: no bare LF anywhere.
    expect(lines).toHaveLength(15);
    expect(lines.at(-1)).toBe('');
    expect(next.stdout.replaceAll('\r\n', '')).not.toContain('\n');

    const after = await gsef(['attendance', 'Q1', '2027', '--csv'], env);
    const before = await gsef(['attendance', '--csv', 'Q1', '2027'], env);
    expect(after).toEqual(next);
    expect(before).toEqual(next);
  });

  it('refuses `gsef --csv` alone as an unknown command, in one line', async () => {
    const { code, stdout, stderr } = await gsef(['--csv']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('gsef: I don\'t know the command "--csv". Type `help` for the list of commands.\n');
  });
});

describe('gsef agenda proposals --csv', RUNS_THE_CLI, () => {
  it('writes the proposals as CSV on stdout for the secretariat, exactly as the file is', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gsef-store-'));
    const env = { GSEF_STORE_URL: `sqlite://${dir}/gsef.sqlite`, GSEF_NOW: '2019-05-10' };
    const proposed = await gsef(['agenda', 'propose', '@sum, "budget"', '--as', 'secretariat'], env);
    expect(proposed.stdout).toContain('Proposal #1 received for Steering Committee, Q3 2019');
    const { code, stdout } = await gsef(['agenda', 'proposals', '--csv', '--as', 'secretariat'], env);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[1]).toMatch(
      /^"1","sc-2019-q3","Steering Committee, Q3 2019","Awaiting a decision","'@\u200Bsum, ""budget""",/,
    );
    expect(stdout.endsWith('\r\n')).toBe(true);
  });
});
