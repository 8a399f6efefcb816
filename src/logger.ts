/** A structured logger: one JSON line per entry on stderr, so that stdout stays for answers. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** From the most to the least verbose. */
export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Writes the entries of `minLevel` and above. */
export function createLogger(
  minLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const log = (level: LogLevel) =>
    LOG_LEVELS.indexOf(level) < LOG_LEVELS.indexOf(minLevel)
      ? () => {}
      : (message: string, context: Record<string, unknown> = {}) =>
          write(JSON.stringify({ time: new Date().toISOString(), level, message, ...serialize(context) }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that keeps nothing, for quiet one-shot CLI runs and tests that do not look at logs. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function serialize(context: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(context).map(([key, value]) => [
      key,
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
    ]),
  );
}
