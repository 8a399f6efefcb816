import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/domain/vocabulary.js';
import {
  apologyKey,
  ConfigError,
  DataError,
  describeFailure,
  InvalidDiscordCommandsError,
  PlatformRequestError,
  StoredValueError,
  StoreFileLostError,
  StoreTimeoutError,
  TargetNotEmptyError,
  UsageError,
  type GsefError,
} from '../src/errors.js';
import { Translator } from '../src/i18n/translator.js';
import { realCatalog } from './support/test-bot.js';

/** One error of each code, with the exit code and the apology the mapping gives it. */
const EACH_CODE: [GsefError, number, string][] = [
  [new ConfigError('GSEF_TZ', 'is not a zone'), 2, 'errors.apology'],
  [new UsageError("Unknown option '--x'", 'usage: gsef tool [--y]'), 2, 'errors.apology'],
  [new DataError([{ file: 'events.yaml', line: 3, message: 'bad' }]), 1, 'errors.apology'],
  [new TargetNotEmptyError(3), 2, 'errors.apology'],
  [new StoreTimeoutError(2_000), 1, 'errors.storeBusy'],
  [new StoreFileLostError('/var/gsef.sqlite'), 1, 'errors.apology'],
  [new StoredValueError('lang:slack:U1', 'expected one of en, fr, es'), 1, 'errors.apology'],
  [new InvalidDiscordCommandsError(['/gsef: too long']), 1, 'errors.apology'],
  [new PlatformRequestError('the registration failed: 401', new Error('401')), 1, 'errors.apology'],
];

describe('the one mapping from an error to what a person is told', () => {
  it.each(EACH_CODE)('%s: exit %i, apology %s', (error, exitCode, apology) => {
    expect(describeFailure('gsef: ', error, undefined).exitCode).toBe(exitCode);
    expect(apologyKey(error)).toBe(apology);
  });

  it('gives every code its own class name and a distinct code', () => {
    expect(new Set(EACH_CODE.map(([error]) => error.code)).size).toBe(EACH_CODE.length);
    expect(EACH_CODE.map(([error]) => error.name)).toEqual(EACH_CODE.map(([error]) => error.constructor.name));
  });

  it("prints a coded error's headline after the lead, then its details: a tool's usage, Discord's problems", () => {
    expect(describeFailure('gsef tool: ', new UsageError('expected `copy`', 'usage: a\n       b'), undefined)).toEqual({
      lines: ['gsef tool: expected `copy`', 'usage: a', '       b'],
      exitCode: 2,
    });
    expect(describeFailure('gsef discord-register: ', EACH_CODE[7]![0], undefined).lines).toEqual([
      "gsef discord-register: the Discord command definitions break Discord's rules:",
      '  /gsef: too long',
    ]);
  });

  it('prints anything else as one line with its name, exit 1, and apologizes in general terms', () => {
    const failure = new TypeError('x is not a function\n    at somewhere');
    expect(describeFailure('Cannot start: ', failure, undefined)).toEqual({
      lines: ['Cannot start: x is not a function (TypeError)'],
      exitCode: 1,
    });
    expect(apologyKey(failure)).toBe('errors.apology');
    expect(apologyKey('a string thrown')).toBe('errors.apology');
  });

  it("masks the store's credentials and escapes control characters in every line", () => {
    const url = 'postgres://gsef:s3cret@db/gsef';
    const { lines } = describeFailure('gsef: ', new Error(`cannot reach ${url}: s3cret\u001b[2J`), url);
    expect(lines).toEqual(['gsef: cannot reach postgres://gsef:***@db/gsef: ***\\u001b[2J (Error)']);
  });

  it('has every apology in every language', async () => {
    const translator = new Translator((await realCatalog()).locales);
    for (const key of new Set(EACH_CODE.map(([, , apology]) => apology)))
      for (const lang of LANGS) expect(translator.has(lang, key), `${key} in ${lang}`).toBe(true);
  });
});
