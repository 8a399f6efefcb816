import { escapeUnprintable } from './one-line.js';
import { maskCredentials } from './url-credentials.js';

/**
 * The project's errors, each with a code, and the one mapping from an error to what a person is
 * told: the exit code and the lines an entry point prints (`describeFailure`), and the message a
 * person in a chat gets (`apologyKey`). Exit codes: 2 for input to fix (a setting, a flag, a
 * command line, a target), 1 for a failure.
 *
 * The mapping is keyed by code. An error without one (a bug, a driver's error) is a failure: exit
 * 1 and one line, the general apology in a chat.
 */
const FAILURES = {
  /** ConfigError: a setting (an environment variable) or a flag's value cannot be used. */
  'bad-setting': { exitCode: 2, apology: 'errors.apology' },
  /** UsageError: a command line a tool cannot read (an unknown flag, a missing word). */
  'bad-usage': { exitCode: 2, apology: 'errors.apology' },
  /** DataError: the data files break their schema or contradict each other. */
  'bad-data': { exitCode: 1, apology: 'errors.apology' },
  /** TargetNotEmptyError: `gsef store copy` was given a store that already holds news. */
  'store-not-empty': { exitCode: 2, apology: 'errors.apology' },
  /** StoreTimeoutError: the store did not answer in time (a frozen server, a held SQLite lock). */
  'store-timeout': { exitCode: 1, apology: 'errors.storeBusy' },
  /** StoreFileLostError: the SQLite file was deleted or replaced while the bot ran. */
  'store-file-lost': { exitCode: 1, apology: 'errors.apology' },
  /** StoredValueError: what the store holds at a key fails its schema (edited by hand, corrupt). */
  'stored-value-invalid': { exitCode: 1, apology: 'errors.apology' },
  /** InvalidDiscordCommandsError: the command definitions break Discord's rules; nothing was sent. */
  'discord-commands-invalid': { exitCode: 1, apology: 'errors.apology' },
  /** PlatformRequestError: a chat platform refused or failed a request a tool made. */
  'platform-request-failed': { exitCode: 1, apology: 'errors.apology' },
} as const satisfies Record<string, { exitCode: 1 | 2; apology: ApologyKey }>;

export type ErrorCode = keyof typeof FAILURES;

/** The messages (data/locales) a person in a chat gets when answering them failed. */
export type ApologyKey = 'errors.apology' | 'errors.storeBusy';

/** An error of the project's own: its code says what went wrong, and so what to tell whom. */
export abstract class GsefError extends Error {
  abstract readonly code: ErrorCode;

  /**
   * @param headline one line saying what went wrong and, where it helps, what to do.
   * @param details lines shown under it on a terminal (each problem found, a tool's usage).
   */
  protected constructor(
    readonly headline: string,
    readonly details: readonly string[] = [],
    options?: ErrorOptions,
  ) {
    super([headline, ...details].join('\n'), options);
    this.name = new.target.name;
  }

  /** What a terminal shows, `lead` (the program's name) first. */
  report(lead: string): string[] {
    return [`${lead}${this.headline}`, ...this.details];
  }
}

/** A setting that cannot be used: start-up stops and says which variable (or flag) to fix, and how. */
export class ConfigError extends GsefError {
  readonly code = 'bad-setting';

  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/** A command line a tool cannot read: what is wrong with it, and the tool's usage when it helps. */
export class UsageError extends GsefError {
  readonly code = 'bad-usage';

  constructor(message: string, usage?: string) {
    super(message, usage === undefined ? [] : usage.split('\n'));
  }
}

/** One problem in a data file: where it is (file, line, field) and what is wrong. */
export interface DataProblem {
  file: string;
  /** 1-based line; absent when the problem concerns the file as a whole. */
  line?: number;
  /** 1-based column, where it is known (a YAML syntax error). */
  column?: number;
  /** The field's path, as `events[3].title.es`. */
  field?: string;
  message: string;
}

/** The problems listed on a terminal; a broken file can yield thousands, and the first ones say what to fix. */
const MAX_REPORTED_PROBLEMS = 20;

/** Bad data: start-up stops with every problem found, each naming its file, line and field. */
export class DataError extends GsefError {
  readonly code = 'bad-data';

  constructor(readonly problems: readonly DataProblem[]) {
    super(`The data has ${problems.length} problem(s):`, problems.map(formatProblem));
  }

  /**
   * One problem is one line, `{lead}{file}:{line}: {field}: {message}`; several are
   * `{lead}the data has N problem(s):` then one indented line per problem (the first 20).
   */
  override report(lead: string): string[] {
    const { problems } = this;
    if (problems.length === 1) return [`${lead}${formatProblem(problems[0]!)}`];
    const listed = problems.slice(0, MAX_REPORTED_PROBLEMS).map((problem) => `  ${formatProblem(problem)}`);
    const more =
      problems.length > MAX_REPORTED_PROBLEMS ? [`  … and ${problems.length - MAX_REPORTED_PROBLEMS} more`] : [];
    return [`${lead}the data has ${problems.length} problem(s):`, ...listed, ...more];
  }
}

/**
 * A file path, a field or a message may quote the data or the data folder given (a key, a list of
 * unknown keys, a folder named with a line break): each is cut and its control characters
 * escaped, to keep the report to one readable line per problem.
 */
const oneLine = (text: string, max: number) => escapeUnprintable(text.length > max ? `${text.slice(0, max)}…` : text);

export function formatProblem(problem: DataProblem): string {
  const file = oneLine(problem.file, 300);
  const where =
    problem.line === undefined
      ? file
      : `${file}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  const message = oneLine(problem.message, 300);
  return problem.field ? `${where}: ${oneLine(problem.field, 120)}: ${message}` : `${where}: ${message}`;
}

/** The target of a copy already holds news: copying would mix two queues' numbers. */
export class TargetNotEmptyError extends GsefError {
  readonly code = 'store-not-empty';

  constructor(readonly items: number) {
    super(`the target store already holds ${items} news item(s); copy only into an empty store`);
  }
}

/** A store operation that got no answer in time. */
export class StoreTimeoutError extends GsefError {
  readonly code = 'store-timeout';

  constructor(ms: number, options?: ErrorOptions) {
    super(`the store did not answer within ${ms} ms`, [], options);
  }
}

/** The store's file is no longer the one the store opened. */
export class StoreFileLostError extends GsefError {
  readonly code = 'store-file-lost';

  constructor(readonly file: string) {
    super(
      `the store file ${file} was deleted or replaced while the bot was running: nothing is accepted any more, since it would be ` +
        'written where nobody will find it; restart the bot (it then opens whatever is at that path)',
    );
  }
}

/**
 * What the store holds at `key` is not what the bot wrote there: it fails its schema (a row
 * edited by hand, a value written by another program). Each reader decides what that means:
 * taken as absent with a warning, or this error, which names the key so that it can be mended.
 */
export class StoredValueError extends GsefError {
  readonly code = 'stored-value-invalid';

  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`the store holds an unreadable value at ${key}: ${problem}`);
  }
}

/** Definitions that break Discord's rules: nothing is sent. */
export class InvalidDiscordCommandsError extends GsefError {
  readonly code = 'discord-commands-invalid';

  constructor(readonly problems: readonly string[]) {
    super(
      "the Discord command definitions break Discord's rules:",
      problems.map((p) => `  ${p}`),
    );
  }
}

/** A request a tool made to a chat platform failed; `headline` says which and what to check. */
export class PlatformRequestError extends GsefError {
  readonly code = 'platform-request-failed';

  constructor(headline: string, cause: unknown) {
    super(headline, [], { cause });
  }
}

/**
 * What an entry point prints when it stops on an error, and its exit code. One of the project's
 * errors says what went wrong in its own words (a bad setting names the variable, bad data one
 * line per problem naming the file and line); anything else is one line saying what failed. Never
 * a stack trace; never the store's credentials, whichever message quotes them; never a control
 * character, whichever value a message quotes, so that each line stays one line.
 */
export function describeFailure(
  lead: string,
  error: unknown,
  storeUrl: string | undefined,
): { lines: string[]; exitCode: number } {
  const mask = (line: string) => escapeUnprintable(storeUrl ? maskCredentials(line, storeUrl) : line);
  if (error instanceof GsefError)
    return { lines: error.report(lead).map(mask), exitCode: FAILURES[error.code].exitCode };
  const message = error instanceof Error ? `${error.message.split('\n')[0]} (${error.name})` : String(error);
  return { lines: [mask(`${lead}${message}`)], exitCode: 1 };
}

/**
 * The message a person in a chat gets when answering them failed with `error`: polite, in their
 * language, without any detail of the error (which goes to the log).
 */
export function apologyKey(error: unknown): ApologyKey {
  return error instanceof GsefError ? FAILURES[error.code].apology : 'errors.apology';
}
