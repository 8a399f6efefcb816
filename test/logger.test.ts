import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

describe('the logger', () => {
  it('writes one JSON line per entry at or above its level, with errors spelled out', () => {
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    logger.info('reminders scheduled');
    logger.warn('reminder skipped', { reminder: 'q1@P14D' });
    logger.error('post failed', { error: new TypeError('socket hang up') });
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      { time: expect.any(String), level: 'warn', message: 'reminder skipped', reminder: 'q1@P14D' },
      {
        time: expect.any(String),
        level: 'error',
        message: 'post failed',
        error: { name: 'TypeError', message: 'socket hang up', stack: expect.stringContaining('socket hang up') },
      },
    ]);
  });
});
