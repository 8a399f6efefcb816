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

/** For a terminal: `{lead}the data has N problem(s):`, then one indented line per problem. */
export function problemReport(lead: string, error: DataError): string[] {
  return [`${lead}the data has ${error.problems.length} problem(s):`, ...error.problems.map((problem) => `  ${formatProblem(problem)}`)];
}

export function formatProblem(problem: DataProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.field ? `${where}: ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** `['events', 3, 'title', 'es']` -> `events[3].title.es` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
