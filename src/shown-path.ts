import path from 'node:path';

/**
 * A path as a person at this terminal reads it best: relative to the working directory when it
 * lies inside it (`data/events.yaml`, or `events.yaml` from inside data/), absolute otherwise
 * (rather than a chain of `../`).
 */
export function shownPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath);
  if (relative === '') return '.';
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative;
}
