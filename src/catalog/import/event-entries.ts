import { DataError, type DataProblem } from '../../errors.js';
import { event } from '../schema.js';
import { readYamlSource, type YamlSource } from '../yaml-source.js';
import type { EventEntry } from './plan-import.js';

/**
 * events.yaml's entries as written. Each must be a valid event for the import to match rows to it,
 * but the list may be empty: an empty calendar is where a first import starts.
 */
export async function readEntries(eventsPath: string): Promise<EventEntry[]> {
  const { source, problems } = await readYamlSource(eventsPath, eventsPath);
  if (!source) throw new DataError(problems);
  const list = (source.value as { events?: unknown } | null)?.events;
  if (!Array.isArray(list)) throw new DataError([source.problemAt(['events'], 'must be a list of events')]);
  const entryProblems = list.flatMap((entry: unknown, i) => entryProblemsOf(entry, i, source));
  if (entryProblems.length > 0) throw new DataError(entryProblems);
  return list as EventEntry[];
}

function entryProblemsOf(entry: unknown, index: number, source: YamlSource): DataProblem[] {
  const parsed = event.safeParse(entry);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => source.problemAt(['events', index, ...issue.path], issue.message));
}
