import { escapeUnprintable } from '../one-line.js';

/** One problem in a data file: where it is (file, line, field) and what is wrong. */
export interface DataProblem {
  file: string;
  /** 1-based line; absent when the problem concerns the file as a whole. */
  line?: number;
  /** The field's path, as `events[3].title.es`. */
  field?: string;
  message: string;
}

/** Bad data: start-up stops with every problem found, each naming its file, line and field. */
export class DataError extends Error {
  constructor(readonly problems: readonly DataProblem[]) {
    super(`The data has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'DataError';
  }
}

/** The problems listed on a terminal; a broken file can yield thousands, and the first ones say what to fix. */
const MAX_REPORTED_PROBLEMS = 20;

/**
 * For a terminal: one problem is one line, `{lead}{file}:{line}: {field}: {message}`; several are
 * `{lead}the data has N problem(s):` then one indented line per problem (the first 20).
 */
export function problemReport(lead: string, error: DataError): string[] {
  const { problems } = error;
  if (problems.length === 1) return [`${lead}${formatProblem(problems[0]!)}`];
  const listed = problems.slice(0, MAX_REPORTED_PROBLEMS).map((problem) => `  ${formatProblem(problem)}`);
  const more =
    problems.length > MAX_REPORTED_PROBLEMS ? [`  … and ${problems.length - MAX_REPORTED_PROBLEMS} more`] : [];
  return [`${lead}the data has ${problems.length} problem(s):`, ...listed, ...more];
}

/**
 * A file path, a field or a message may quote the data or the data folder given (a key, a list of
 * unknown keys, a folder named with a line break): each is cut and its control characters
 * escaped, to keep the report to one readable line per problem.
 */
const oneLine = (text: string, max: number) => escapeUnprintable(text.length > max ? `${text.slice(0, max)}…` : text);

export function formatProblem(problem: DataProblem): string {
  const file = oneLine(problem.file, 300);
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  const message = oneLine(problem.message, 300);
  return problem.field ? `${where}: ${oneLine(problem.field, 120)}: ${message}` : `${where}: ${message}`;
}

/** `['events', 3, 'title', 'es']` -> `events[3].title.es` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
