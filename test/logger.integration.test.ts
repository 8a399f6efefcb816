import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNode } from './support/run-child.js';

const dist = (module: string) => pathToFileURL(path.resolve(import.meta.dirname, '../dist/src', module)).href;

/** More than a pipe holds (64 KiB): the reader is still busy with the first lines when the process exits. */
const LINES = 2000;

/**
 * A program that logs a megabyte, then a last line, then exits at once, as main.ts does after a
 * failure; `asRunningBot` first sets up stderr as a running bot does (Node then makes a piped
 * stderr non-blocking).
 */
const logThenExit = (asRunningBot: boolean) => `
  import { createLogger } from '${dist('logger.js')}';
  import { keepServingWhenTheReaderLeaves } from '${dist('broken-pipe.js')}';
  if (${asRunningBot}) keepServingWhenTheReaderLeaves();
  const logger = createLogger('info');
  for (let i = 0; i < ${LINES}; i++) logger.info('filler', { i, padding: 'x'.repeat(500) });
  logger.error('the last line before exit', { exitCode: 3 });
  process.exit(3);
`;

describe('the logger on stderr', () => {
  it.each([
    ['a one-shot command', false],
    ['a running bot', true],
  ])('loses no line when %s calls process.exit right after logging', async (_, asRunningBot) => {
    const { code, stdout, stderr } = await runNode(['--input-type=module', '-e', logThenExit(asRunningBot)], {});
    expect({ code, stdout }).toEqual({ code: 3, stdout: '' });
    const entries = stderr
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(LINES + 1);
    expect(entries.slice(0, LINES).map((entry) => entry.i)).toEqual([...Array(LINES).keys()]);
    expect(entries.at(-1)).toEqual({
      time: expect.any(String),
      level: 'error',
      message: 'the last line before exit',
      exitCode: 3,
    });
  });
});
