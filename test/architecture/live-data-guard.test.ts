import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The tests read the seed frozen in test/fixtures/seed-2019, never the live data/ folder, which
 * the secretariat edits (`check-data` checks that one in `npm test`). The locale tests need no
 * exception: the fixture's `locales` is a link to data/locales, and they reach it through it.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIVE_DATA = path.join(ROOT, 'data');
const THIS_FILE = path.relative(ROOT, import.meta.filename);

/** A string literal: its text, without the quotes (template literals only without `${}`). */
const LITERAL = String.raw`'[^'\n]*'|"[^"\n]*"|` + '`[^`$]*`';
/** `[const NAME =] path.resolve|join(BASE, 'literal', …)`, BASE a name or import.meta.dirname. */
const PATH_CALL = new RegExp(
  String.raw`(?:\b(?:const|let)\s+([A-Za-z_$][\w$]*)\s*=\s*)?\bpath\.(?:resolve|join)\(\s*(import\.meta\.dirname|[A-Za-z_$][\w$]*)((?:\s*,\s*(?:${LITERAL}))+)`,
  'g',
);
/** A literal path that climbs out of the test's folder (`'../../data/events.yaml'`). */
const CLIMBING = new RegExp(String.raw`(['"\`])((?:\.\./)+[^'"\`$\n]*)\1`, 'g');
/** A literal path into data/, as seen from the project root, where the tests run. */
const FROM_ROOT = /(['"`])(?:\.\/)?(data\/[\w./-]+)\1/g;
/** The data folder given to a program by its default name. */
const DEFAULT_DIR = /GSEF_DATA_DIR\s*:\s*(['"`])(?:\.\/)?data\/?\1/g;
/** Running the program (a quoted path: comments name it in backquotes): without GSEF_DATA_DIR, it reads data/. */
const RUNS_PROGRAM = /(['"])[^'"\n]*(?:bin\/gsef\.js|bin\/start\.js|dist\/(?:src|bundle)\/main\.js)\1/;

/** A copy of the test data that keeps its locales link: a write to the copy's locales/ lands in data/locales. */
const LINKED_COPY = /\bcp\(\s*DATA_DIR\b(?![^)]*dereference:\s*true)/g;

const isLive = (target: string) => target === LIVE_DATA || target.startsWith(LIVE_DATA + path.sep);
const unquote = (literal: string) => literal.trim().slice(1, -1);
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Where the test file `file` (relative to the project root), holding `text`, reads or may write data/. */
function liveDataReferences(file: string, text: string): string[] {
  const dir = path.join(ROOT, path.dirname(file));
  const found: string[] = [];
  const report = (index: number, why: string) => found.push(`${file}:${lineOf(text, index)}: ${why}`);
  // Names bound to a folder in this file; ROOT is the project root, as bin/build-freshness.js exports it.
  const folders = new Map<string, string>([['ROOT', ROOT]]);

  for (const call of text.matchAll(PATH_CALL)) {
    const [, name, base, rest] = call;
    const from = base === 'import.meta.dirname' ? dir : folders.get(base!);
    if (from === undefined) continue;
    const target = path.resolve(from, ...[...rest!.matchAll(new RegExp(LITERAL, 'g'))].map(([l]) => unquote(l)));
    if (name) folders.set(name, target);
    if (isLive(target)) report(call.index, `${path.relative(ROOT, target)} is the live data`);
  }
  for (const literal of text.matchAll(CLIMBING))
    if (isLive(path.resolve(dir, literal[2]!))) report(literal.index, `'${literal[2]}' is the live data`);
  for (const literal of text.matchAll(FROM_ROOT)) report(literal.index, `'${literal[2]}' is the live data`);
  for (const setting of text.matchAll(DEFAULT_DIR)) report(setting.index, 'GSEF_DATA_DIR names the live data');
  for (const copy of text.matchAll(LINKED_COPY))
    report(copy.index, 'copies the test data with its locales link: use copyOfTestData()');
  const run = RUNS_PROGRAM.exec(text);
  if (run && !text.includes('GSEF_DATA_DIR'))
    report(run.index, 'runs the program without GSEF_DATA_DIR, so it reads the live data');
  return [...new Set(found)];
}

function testFiles(): string[] {
  return readdirSync(path.join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .map((name) => path.join('test', name))
    .filter((file) => /\.(?:ts|js)$/.test(file) && file !== THIS_FILE);
}

describe('the tests and the live data folder', () => {
  it('no test file points at data/: they read test/fixtures/seed-2019', () => {
    const files = testFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => liveDataReferences(file, readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it.each([
    "path.resolve(import.meta.dirname, '../../data')",
    "path.join(import.meta.dirname, '../..', 'data', 'events.yaml')",
    "const root = path.resolve(import.meta.dirname, '../..');\nreadFile(path.join(root, 'data/meetings.yaml'))",
    "readFile(path.join(ROOT, 'data'), 'utf8')",
    "import locale from '../../data/locales/en.yaml';",
    "readFileSync('data/events.yaml')",
    "runNode([MAIN], { GSEF_DATA_DIR: 'data' })",
    "const MAIN = 'dist/src/main.js';\nrunNode([MAIN], {});",
    "const MAIN = 'dist/bundle/main.js';\nrunNode([MAIN], {});",
    'await cp(DATA_DIR, dir, { recursive: true });',
  ])('finds %s', (code) => {
    expect(liveDataReferences('test/cli/example.test.ts', code)).not.toEqual([]);
  });

  it.each([
    "path.resolve(import.meta.dirname, '../fixtures/seed-2019')",
    "path.join(import.meta.dirname, '../../test/fixtures/seed-2019', 'events.yaml')",
    "path.join(await mkdtemp(path.join(tmpdir(), 'gsef-dir-')), 'data')",
    "describe('platform names in data/settings.yaml', () => {})",
    "runNode([MAIN], { GSEF_DATA_DIR: DATA_DIR });\nconst MAIN = 'dist/src/main.js';",
    "path.resolve(import.meta.dirname, '../../src/data')",
    'await cp(DATA_DIR, dir, { recursive: true, dereference: true });',
  ])('lets %s be', (code) => {
    expect(liveDataReferences('test/cli/example.test.ts', code)).toEqual([]);
  });
});
