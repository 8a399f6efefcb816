import type { Logger as BoltLogger } from '@slack/bolt';
import { LogLevel } from './bolt.js';
import type { Logger } from '../../logger.js';

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * Bolt, its Web API client and its Socket Mode client log through this adapter, so that their
 * lines join the bot's own JSON lines on stderr. Debug lines (every request and payload) are
 * dropped unless Bolt is asked for them.
 */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let threshold = level;
  let name = 'bolt';
  const write =
    (at: LogLevel, sink: (message: string, context: Record<string, unknown>) => void) =>
    (...parts: unknown[]) => {
      if (RANK[at] < RANK[threshold]) return;
      const error = parts.find((p) => p instanceof Error);
      const message = parts
        .filter((p) => p !== error)
        .map(describe)
        .join(' ');
      sink(message, error ? { source: name, error } : { source: name });
    };
  return {
    debug: write(LogLevel.DEBUG, (m, c) => logger.info(m, c)),
    info: write(LogLevel.INFO, (m, c) => logger.info(m, c)),
    warn: write(LogLevel.WARN, (m, c) => logger.warn(m, c)),
    error: write(LogLevel.ERROR, (m, c) => logger.error(m, c)),
    setLevel: (next) => {
      threshold = next;
    },
    getLevel: () => threshold,
    setName: (next) => {
      name = next;
    },
  };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part); // a circular object: its name is better than nothing
  }
}
