import { describe, expect, it } from 'vitest';
import { createLogger, LOG_LEVELS, type LogLevel } from '../src/logger.js';

/** A logger at `minLevel` whose lines are kept, parsed, with the raw lines beside them. */
function capturing(minLevel: LogLevel) {
  const lines: string[] = [];
  const logger = createLogger(minLevel, (line) => lines.push(line));
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('the logger', () => {
  it.each([
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('at %s writes the entries of %j', (minLevel, written) => {
    const { logger, entries } = capturing(minLevel);
    for (const level of LOG_LEVELS) logger[level](`a ${level} entry`);
    expect(entries().map((entry) => entry.level)).toEqual(written);
  });

  it('writes the time, the level as a word, the message and the context at the top level, and nothing else', () => {
    const { logger, entries } = capturing('info');
    const before = Date.now();
    logger.warn('reminder skipped', { reminder: 'q1@P14D', late: true, attempts: 2, targets: ['slack:C1'] });
    const [entry] = entries();
    expect(entry).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'warn',
      message: 'reminder skipped',
      reminder: 'q1@P14D',
      late: true,
      attempts: 2,
      targets: ['slack:C1'],
    });
    expect(Date.parse(entry!.time as string)).toBeGreaterThanOrEqual(before);
  });

  it('spells out an error as its name, message and stack, leaving the context as it was', () => {
    const { logger, entries } = capturing('info');
    const context = { error: new TypeError('socket hang up'), err: new RangeError('too far') };
    logger.error('post failed', context);
    expect(entries()).toEqual([
      {
        time: expect.any(String),
        level: 'error',
        message: 'post failed',
        error: { name: 'TypeError', message: 'socket hang up', stack: expect.stringContaining('socket hang up') },
        err: { name: 'RangeError', message: 'too far', stack: expect.stringContaining('too far') },
      },
    ]);
    expect(context.error).toBeInstanceOf(TypeError);
  });

  it('writes a context key named like an entry field as context_<name>, leaving the entry and the context as they were', () => {
    const { logger, lines, entries } = capturing('info');
    const context = { message: '1183', time: 'yesterday', level: 'high', channel: 'C1' };
    logger.error('discord message answer failed', context);
    expect(entries()).toEqual([
      {
        time: expect.not.stringMatching('yesterday'),
        level: 'error',
        message: 'discord message answer failed',
        context_message: '1183',
        context_time: 'yesterday',
        context_level: 'high',
        channel: 'C1',
      },
    ]);
    // JSON.parse keeps the last of repeated keys: the line itself must name each field once.
    for (const field of ['time', 'level', 'message']) expect(lines[0]!.split(`"${field}":`)).toHaveLength(2);
    expect(context).toEqual({ message: '1183', time: 'yesterday', level: 'high', channel: 'C1' });
  });

  it('keeps an entry on one line, verbatim, and writes it even when JSON.stringify could not', () => {
    const { logger, lines, entries } = capturing('info');
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    logger.warn('first line\nsecond line, 100% %s', { loop, count: 12n });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(entries()[0]).toMatchObject({
      message: 'first line\nsecond line, 100% %s',
      loop: { name: 'loop', self: '[Circular]' },
      count: 12,
    });
  });

  it('does no work for an entry below its level: the context is not even read', () => {
    const { logger, lines } = capturing('error');
    let reads = 0;
    const context = {
      get reminder() {
        reads += 1;
        return 'q1@P14D';
      },
    };
    logger.info('reminder posted', context);
    logger.warn('reminder skipped', context);
    expect({ reads, lines }).toEqual({ reads: 0, lines: [] });
  });
});
