import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { parseDocument } from 'yaml';
import { exportCli } from '../../src/cli/export-events.js';
import { importCli } from '../../src/cli/import-events.js';
import { DATA_DIR } from '../support/test-bot.js';

export const SEED_CALENDAR = path.resolve(import.meta.dirname, '../fixtures/seed-calendar-2019.csv');

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A temporary folder, removed after the test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'gsef-import-test-'));
  folders.push(folder);
  return folder;
}

/** A copy of the test data folder, to import into. */
export async function dataCopy(): Promise<string> {
  const folder = path.join(await tempFolder(), 'data');
  await cp(DATA_DIR, folder, { recursive: true, dereference: true });
  return folder;
}

/**
 * A copy whose calendar is empty: events.yaml keeps its caveat and lists no event, and the other
 * files name no event (an import gives its rows new ids, so references to the old ones would dangle).
 */
export async function emptyDataCopy(): Promise<string> {
  const folder = await dataCopy();
  await editYaml(path.join(folder, 'events.yaml'), (doc) => doc.setIn(['events'], doc.createNode([])));
  await editYaml(path.join(folder, 'meetings.yaml'), (doc) => {
    for (const list of [
      ['steeringCommittee', 'occurrences'],
      ['advisors', 'meetings'],
    ])
      (doc.getIn(list) as { items: unknown[] }).items.forEach((_, i) => doc.deleteIn([...list, i, 'event']));
  });
  await editYaml(path.join(folder, 'programmes.yaml'), (doc) =>
    (doc.getIn(['programmes']) as { items: unknown[] }).items.forEach((_, i) =>
      doc.deleteIn(['programmes', i, 'events']),
    ),
  );
  return folder;
}

async function editYaml(file: string, edit: (doc: ReturnType<typeof parseDocument>) => void): Promise<void> {
  const doc = parseDocument(await readFile(file, 'utf8'));
  edit(doc);
  await writeFile(file, doc.toString());
}

export interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** `gsef import …` in process, its output captured. */
export async function runImport(...args: string[]): Promise<Run> {
  const run: Run = { code: 0, out: [], err: [] };
  run.code = await importCli(
    args,
    {},
    (line) => run.out.push(line),
    (line) => run.err.push(line),
  );
  return run;
}

/** `gsef export …` in process. */
export async function runExport(...args: string[]): Promise<Run> {
  const run: Run = { code: 0, out: [], err: [] };
  run.code = await exportCli(
    args,
    {},
    (line) => run.out.push(line),
    (line) => run.err.push(line),
  );
  return run;
}

/** The raw entries of a folder's events.yaml. */
export async function eventEntries(folder: string): Promise<Record<string, unknown>[]> {
  const doc = parseDocument(await readFile(path.join(folder, 'events.yaml'), 'utf8'));
  return (doc.toJS() as { events: Record<string, unknown>[] }).events;
}
