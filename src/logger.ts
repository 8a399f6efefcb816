import { createRequire } from 'node:module';
import type { DestinationStream, Logger as PinoLogger, pino as PinoFactory } from 'pino';

/** A structured logger: one JSON line per entry on stderr, so that stdout stays for answers. */
export interface Logger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

/** From the most to the least verbose. */
export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Writes the entries of `minLevel` and above through pino, each as one JSON line: `level` (the
 * word), `time` (ISO 8601), the context's fields, `message`. The lines go to stderr, or, without
 * their line break, to `write` (for tests).
 */
export function createLogger(minLevel: LogLevel = 'info', write?: (line: string) => void): Logger {
  let entries: PinoLogger | undefined;
  const open = () => (entries ??= pinoLogger(minLevel, write));
  // Decided once: a call below the minimum level is a call to an empty function.
  const at = (level: LogLevel) =>
    LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(minLevel)
      ? (message: string, context?: Record<string, unknown>) => open()[level](context, message)
      : () => {};
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * pino, loaded when the first entry is written: a one-shot `gsef` answer, which logs nothing, does
 * not load it and its dozen modules. It is CommonJS, so `require` loads it at once, in the call.
 */
function loadPino(): typeof PinoFactory {
  return (createRequire(import.meta.url)('pino') as { pino: typeof PinoFactory }).pino;
}

function pinoLogger(minLevel: LogLevel, write: ((line: string) => void) | undefined): PinoLogger {
  const pino = loadPino();
  return pino(
    {
      level: minLevel,
      // No pid or hostname: the process supervisor that collects stderr already knows both.
      base: null,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: contextFields },
      // pino's own serializer for a key named `err` would rewrite the error contextFields spelled out.
      serializers: { err: (value: unknown) => value },
    },
    write ? { write: (line: string) => write(line.slice(0, -1)) } : stderr(pino),
  );
}

/** A logger that keeps nothing, for quiet one-shot CLI runs and tests that do not look at logs. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The fields every entry has. A context key with one of these names is written as `context_<name>`
 * rather than dropped: it must not replace the entry's own field (nor repeat the key in the line),
 * and what it holds is worth keeping (Discord's handlers log the id of the message they handled as
 * `message`).
 */
const ENTRY_FIELDS = new Set(['time', 'level', 'message']);

/**
 * The context as written: keys named like an entry field renamed, each Error as its name, message
 * and stack. Most contexts need neither, and are written as they are, without a copy.
 */
function contextFields(context: Record<string, unknown>): Record<string, unknown> {
  let fields: Record<string, unknown> | undefined;
  for (const key of Object.keys(context)) {
    const value = context[key];
    const renamed = ENTRY_FIELDS.has(key);
    if (!renamed && !(value instanceof Error)) continue;
    fields ??= { ...context };
    if (renamed) delete fields[key];
    fields[renamed ? `context_${key}` : key] =
      value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return fields ?? context;
}

/** While stderr fails, at most this much of the log waits to be written; later lines are dropped. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

let stderrDestination: DestinationStream | undefined;

/**
 * File descriptor 2, shared by every logger. Written synchronously: the program often logs and then
 * calls process.exit (a failed start, the end of a one-shot command), and a line still queued in an
 * asynchronous stream or in a worker-thread transport would die with the process.
 */
function stderr(pino: typeof PinoFactory): DestinationStream {
  if (!stderrDestination) {
    const destination = pino.destination({ dest: 2, sync: true, maxLength: MAX_PENDING_BYTES });
    // pino stops writing once the reader has left (EPIPE). Any other failure must not throw into the
    // code that is logging, often while handling another error: the line waits, and is retried with the next.
    destination.on('error', () => {});
    stderrDestination = destination;
  }
  return stderrDestination;
}
