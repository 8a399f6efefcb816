// `npm start` runs the built program through bin/start.js, without compiling; the console and the
// one-shot CLI load neither Bolt nor discord.js, which cost them a third of their start-up time and
// about 30 MB of memory.
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../platforms/slack/fake-slack-api.js';
import { DATA_DIR } from '../support/test-bot.js';
import { runNode } from '../support/run-child.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START = path.join(ROOT, 'bin/start.js');
const GSEF = path.join(ROOT, 'bin/gsef.js');
// The server as `npm start` runs it: bundled (test/support/build-program.ts makes the bundle current).
const MAIN = path.join(ROOT, 'dist/bundle/main.js');
const RECORDER = path.join(ROOT, 'dist/test/support/record-packages.js');
/** Bolt, the Slack clients it brings, discord.js and its own packages. */
const PLATFORM_PACKAGE = /^(@slack\/|@discordjs\/|discord\.js$)/;

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'gsef-start-'));
  folders.push(folder);
  return folder;
}

/** Runs `node --import RECORDER ARGS` (standard input closed) and lists the packages it loaded. */
async function packagesLoaded(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const file = path.join(await temporaryFolder(), 'packages.txt');
  const outcome = await runNode(['--import', RECORDER, ...args], {
    GSEF_DATA_DIR: DATA_DIR,
    GSEF_STORE_URL: 'memory://',
    GSEF_TEST_PACKAGES_FILE: file,
    ...env,
  });
  const packages = (await readFile(file, 'utf8')).split('\n').filter((name) => name !== '');
  return { outcome, packages, platformPackages: packages.filter((name) => PLATFORM_PACKAGE.test(name)) };
}

describe('the packages a process loads', () => {
  it('the console (`npm start` without Slack or Discord settings) loads neither Bolt nor discord.js', async () => {
    const { outcome, packages, platformPackages } = await packagesLoaded([START]);
    expect(outcome.stdout).toContain('GSEF bot console.');
    expect(outcome.code).toBe(0);
    // The recorder saw the program's own packages: an empty list would prove nothing. (Not yaml:
    // with the data cache warm, the data is not parsed.)
    expect(packages).toEqual(expect.arrayContaining(['zod', 'luxon']));
    expect(platformPackages).toEqual([]);
  });

  it('a one-shot answer (`gsef next-event`) loads neither Bolt nor discord.js', async () => {
    const folder = await temporaryFolder();
    const { outcome, packages, platformPackages } = await packagesLoaded([GSEF, 'next-event', '--now', '2019-05-10'], {
      GSEF_STORE_URL: `sqlite://${path.join(folder, 'store.db')}`,
    });
    expect(outcome.stdout).toContain('RENAPESS General Assembly');
    expect(outcome.code).toBe(0);
    // The recorder saw what the CLI's script required: an empty list would prove nothing.
    expect(packages).toContain('better-sqlite3');
    expect(platformPackages).toEqual([]);
    // Nor does the script hold them (bin/bundle.js leaves them to the tools that need them).
    const held = JSON.parse(await readFile(path.join(ROOT, 'dist/bundle/bundled-packages.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    expect(held['cli/main.cjs']).toEqual(expect.arrayContaining(['luxon', 'keyv']));
    expect(held['cli/main.cjs']!.filter((name) => PLATFORM_PACKAGE.test(name))).toEqual([]);
  });

  it('with Slack configured, Bolt is loaded (and still not discord.js)', async () => {
    const slack = await FakeSlackApi.start();
    // A refused token stops start-up right after Bolt checked it: the process ends by itself.
    slack.refusals.set('auth.test', 'invalid_auth');
    try {
      const { outcome, platformPackages } = await packagesLoaded([MAIN], {
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-secret',
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      expect(outcome.stderr).toMatch(/invalid_auth/);
      expect(platformPackages).toContain('@slack/bolt');
      expect(platformPackages.filter((name) => /discord/.test(name))).toEqual([]);
    } finally {
      await slack.close();
    }
  });

  it('the bundle holds Bolt and discord.js, and counts the last `npm install` among what it was made from', async () => {
    const held = JSON.parse(await readFile(path.join(ROOT, 'dist/bundle/bundled-packages.json'), 'utf8')) as Record<
      string,
      string[]
    >;
    const packages = new Set(Object.values(held).flat());
    expect([...packages]).toEqual(expect.arrayContaining(['@slack/bolt', '@slack/web-api', 'discord.js']));
    // Their files keep their tarball's times: npm's record of the install stands for them, so a
    // package upgraded after the bundle makes bin/start.js run dist/src until the next build.
    const inputs = JSON.parse(await readFile(path.join(ROOT, 'dist/bundle/inputs.json'), 'utf8')) as string[];
    expect(inputs).toContain('node_modules/.package-lock.json');
    expect(inputs.filter((input) => input.includes('/node_modules/') || input.startsWith('node_modules/@'))).toEqual(
      [],
    );
  });

  it('`gsef discord-register`, the one tool that needs it, loads discord.js', async () => {
    const { outcome, platformPackages } = await packagesLoaded([GSEF, 'discord-register'], {
      DISCORD_TOKEN: '',
      DISCORD_APPLICATION_ID: '',
    });
    expect(outcome.code).toBe(2);
    expect(platformPackages).toContain('discord.js');
  });
});

describe('bin/start.js runs the build in dist/', () => {
  const BUILT_AT = new Date('2026-01-02T00:00:00Z');
  const EDITED_BEFORE = new Date('2026-01-01T00:00:00Z');
  const EDITED_AFTER = new Date('2026-01-03T00:00:00Z');

  /** A project with bin/start.js (and the module it uses), two sources and their build, built after they were edited. */
  async function project(): Promise<string> {
    const root = await temporaryFolder();
    await Promise.all(
      ['bin', 'src', 'commands', 'dist/src', 'dist/commands'].map((dir) =>
        mkdir(path.join(root, dir), { recursive: true }),
      ),
    );
    await copyFile(START, path.join(root, 'bin/start.js'));
    await copyFile(path.join(path.dirname(START), 'build-freshness.js'), path.join(root, 'bin/build-freshness.js'));
    await writeFile(path.join(root, 'package.json'), '{ "type": "module" }\n');
    const files: [string, string, Date][] = [
      ['src/main.ts', "console.log('the program');\n", EDITED_BEFORE],
      ['commands/help.ts', 'export {};\n', EDITED_BEFORE],
      ['dist/src/main.js', "console.log('the program, built');\n", BUILT_AT],
      ['dist/commands/help.js', 'export {};\n', BUILT_AT],
    ];
    for (const [file, text, time] of files) {
      await writeFile(path.join(root, file), text);
      await utimes(path.join(root, file), time, time);
    }
    return root;
  }

  const start = (root: string) => runNode([path.join(root, 'bin/start.js')], {});

  it('starts a build newer than its sources, silently', async () => {
    const { code, stdout, stderr } = await start(await project());
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'the program, built\n', stderr: '' });
  });

  it('starts a build older than a source, with a one-line warning naming the source and the fix', async () => {
    const root = await project();
    await utimes(path.join(root, 'commands/help.ts'), EDITED_AFTER, EDITED_AFTER);
    const { code, stdout, stderr } = await start(root);
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'the program, built\n' });
    expect(stderr).toMatch(
      /^gsef: warning: the build in dist\/ is older than commands\/help\.ts: .*`npm run build`.*\n$/,
    );
  });

  it('counts a source never built as newer than the build', async () => {
    const root = await project();
    await writeFile(path.join(root, 'src/new-module.ts'), 'export {};\n');
    const { code, stderr } = await start(root);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^gsef: warning: the build in dist\/ is older than src\/new-module\.ts: .*\n$/);
  });

  it('refuses to start without a build, in one line saying what to run', async () => {
    const root = await project();
    await rm(path.join(root, 'dist'), { recursive: true });
    const { code, stdout, stderr } = await start(root);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/^gsef: cannot start: the program is not built .*`npm run build`.*`npm run dev`.*\n$/);
  });
});
