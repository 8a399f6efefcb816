import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { shownPath } from '../../shown-path.js';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import { DataError, type DataProblem } from '../../errors.js';
import type { Lang } from '../../domain/vocabulary.js';
import { loadCatalog } from '../load-catalog.js';
import { placesFile, type PlacesFile } from '../schema.js';
import { readYamlSource } from '../yaml-source.js';
import { readLayout, type Column } from './columns.js';
import { readEntries } from './event-entries.js';
import { foldText } from './fold-text.js';
import { planImport, type EventEntry, type Outcome } from './plan-import.js';
import { readRows, type CellProblem, type EventDraft } from './read-rows.js';
import { readSpreadsheet } from './spreadsheet.js';
import { addCitiesText, editEventsText } from './yaml-edits.js';

export interface ImportRequest {
  /** The .csv or .xlsx file. */
  file: string;
  dataDir: string;
  /** The year of day-and-month dates; else a year column, else a year in the file's name. */
  year?: number;
  /** The language of a plain "title" column. */
  titleLang: Lang;
  /** Draft a city places.yaml lacks (in a country it has) instead of refusing its row. */
  addPlaces: boolean;
}

export interface NewCity {
  id: string;
  name: string;
  country: string;
}

export interface ImportPlan {
  outcomes: Outcome[];
  newCities: NewCity[];
  /** Events of events.yaml that no row names: kept as they are. */
  untouched: number;
  files: { path: string; before: string; after: string }[];
}

/**
 * What importing a spreadsheet into a data folder would do, checked as check-data checks the
 * folder: the edited files are written to a copy of the folder and loaded, so every rule of the
 * data (the schema, the references between files) applies with check-data's own messages, each
 * moved from its line of events.yaml to the row and column it came from. Throws a DataError with
 * every problem; writes nothing (see {@link writeImport}).
 */
export async function planEventsImport(request: ImportRequest): Promise<ImportPlan> {
  const sheetName = path.basename(request.file);
  const rows = await readSpreadsheet(request.file);
  if (rows.length === 0) throw new DataError([{ file: sheetName, message: 'has no rows' }]);
  const layout = readLayout(rows[0]!.cells);
  if ('problem' in layout)
    throw new DataError([
      { file: `${sheetName} row ${rows[0]!.row}, column ${layout.index + 1}`, message: layout.problem },
    ]);

  const placesPath = path.join(request.dataDir, 'places.yaml');
  const eventsPath = path.join(request.dataDir, 'events.yaml');
  const places = await readPlaces(placesPath);
  const entries = await readEntries(eventsPath);

  const year = request.year ?? yearInName(sheetName);
  const read = readRows(rows.slice(layout.headerRows), layout.columns, places.value, {
    year,
    titleLang: request.titleLang,
  });
  const newCities = placeNewCities(read.drafts, places.value, request.addPlaces, read.problems);
  const plan = planImport(entries, read.drafts, sheetName);
  const cellProblems = [...read.problems, ...plan.problems].map((problem) => ({
    ...problem,
    column: columnName(problem.column, layout.columns),
  }));

  const eventsBefore = await readFile(eventsPath, 'utf8');
  const placesBefore = await readFile(placesPath, 'utf8');
  const eventsAfter = editEventsText(eventsBefore, plan.outcomes);
  checkEdit(eventsAfter, entries, plan.outcomes);
  const placesAfter = addCitiesText(placesBefore, newCities);

  const rowOfIndex = new Map<number, number>();
  let added = entries.length;
  for (const outcome of plan.outcomes) {
    if (outcome.kind === 'changed') rowOfIndex.set(outcome.index, outcome.row);
    if (outcome.kind === 'added') rowOfIndex.set(added++, outcome.row);
  }
  const dataProblems = await problemsOfFolder(request.dataDir, {
    'events.yaml': eventsAfter,
    'places.yaml': placesAfter,
  });
  // In the sheet's order, whichever check found them; problems outside the sheet's rows last.
  const problems: DataProblem[] = [
    ...cellProblems.map((problem) => ({ row: problem.row, problem: cellProblem(sheetName, problem) })),
    ...dataProblems.map((problem) => atRow(problem, sheetName, rowOfIndex, layout.columns, request.titleLang)),
  ]
    .sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity))
    .map(({ problem }) => problem);
  if (problems.length > 0) throw new DataError(problems);

  const named = new Set(plan.outcomes.flatMap((outcome) => (outcome.kind === 'added' ? [] : [outcome.index])));
  return {
    outcomes: plan.outcomes,
    newCities,
    untouched: entries.length - named.size,
    files: [
      { path: placesPath, before: placesBefore, after: placesAfter },
      { path: eventsPath, before: eventsBefore, after: eventsAfter },
    ].filter((file) => file.after !== file.before),
  };
}

/**
 * Writes the plan's files (none when nothing changes: an import of unchanged rows writes nothing),
 * places.yaml first: a running bot that reloads between the two sees a new city no event uses yet,
 * never an event in a city it does not know. Each file is written whole, then renamed over the old
 * one, so a reload never reads half a file.
 */
export async function writeImport(plan: ImportPlan): Promise<void> {
  for (const file of plan.files) {
    const partial = `${file.path}.import-${process.pid}`;
    await writeFile(partial, file.after);
    await rename(partial, file.path);
  }
}

/**
 * The column a problem found after reading the cells names by its field (`place`, `date`), as the
 * file names it (`Lieu`, `Jour`); a name already from the file stays.
 */
function columnName(name: string, columns: readonly Column[]): string {
  const fields =
    name === 'date'
      ? ['when', 'day', 'month']
      : name === 'title'
        ? ['title', 'title_fr', 'title_en', 'title_es']
        : [name];
  return columns.find((column) => fields.includes(column.field))?.name ?? name;
}

function cellProblem(sheetName: string, { row, column, message }: CellProblem): DataProblem {
  return { file: `${sheetName} row ${row}, column ${column}`, message };
}

async function readPlaces(placesPath: string): Promise<{ value: PlacesFile }> {
  const { source, problems } = await readYamlSource(placesPath, placesPath);
  if (!source) throw new DataError(problems);
  const parsed = placesFile.safeParse(source.value);
  if (!parsed.success)
    throw new DataError(parsed.error.issues.map((issue) => source.problemAt(issue.path, issue.message)));
  return { value: parsed.data };
}

/** 2019 in "seed-calendar-2019.csv". */
function yearInName(name: string): number | undefined {
  const match = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Gives each draft naming a city places.yaml lacks its new city, drafted once per name (with
 * --add-places), or a problem naming its cell (without).
 */
function placeNewCities(
  drafts: EventDraft[],
  places: PlacesFile,
  addPlaces: boolean,
  problems: CellProblem[],
): NewCity[] {
  const cities: NewCity[] = [];
  for (const draft of [...drafts]) {
    if (!draft.newCity) continue;
    const { name, country } = draft.newCity;
    if (!addPlaces) {
      problems.push({
        row: draft.row,
        column: 'place',
        message: `"${name}" is not a city of places.yaml: add it there, or run again with --add-places to draft it`,
      });
      drafts.splice(drafts.indexOf(draft), 1);
      continue;
    }
    let city = cities.find((known) => foldText(known.name) === foldText(name) && known.country === country);
    if (!city) {
      const stem =
        foldText(name)
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'city';
      let id = stem;
      for (let n = 2; places.cities[id] || cities.some((known) => known.id === id); n++) id = `${stem}-${n}`;
      city = { id, name, country };
      cities.push(city);
    }
    draft.place = { city: city.id };
  }
  return cities;
}

/** The edit must say exactly what the plan means; a difference is a bug of the import, not of the data. */
function checkEdit(text: string, entries: readonly EventEntry[], outcomes: readonly Outcome[]): void {
  const expected = [...entries];
  for (const outcome of outcomes) {
    if (outcome.kind === 'changed') expected[outcome.index] = outcome.entry;
    if (outcome.kind === 'added') expected.push(outcome.entry);
  }
  const written = (parseDocument(text).toJS() as { events?: unknown } | null)?.events;
  if (!isDeepStrictEqual(written, expected))
    throw new Error('the edited events.yaml does not say what the spreadsheet says; nothing was written');
}

/** check-data's problems with the folder once the files are edited, in a copy of it. */
async function problemsOfFolder(dataDir: string, edited: Record<string, string>): Promise<DataProblem[]> {
  const copy = await mkdtemp(path.join(tmpdir(), 'gsef-import-'));
  try {
    await cp(dataDir, copy, { recursive: true });
    for (const [name, text] of Object.entries(edited)) await writeFile(path.join(copy, name), text);
    await loadCatalog(copy);
    return [];
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const shownCopy = shownPath(copy);
    const shownData = shownPath(dataDir);
    return error.problems.map((problem) => ({
      ...problem,
      file: problem.file.startsWith(shownCopy)
        ? path.join(shownData, problem.file.slice(shownCopy.length))
        : problem.file,
    }));
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/**
 * A problem in an event the import adds or changes, moved to its row and column: "events[34].when"
 * is the row's date cell. Problems elsewhere keep their file and line.
 */
function atRow(
  problem: DataProblem,
  sheetName: string,
  rowOfIndex: ReadonlyMap<number, number>,
  columns: readonly Column[],
  titleLang: Lang,
): { row: number | undefined; problem: DataProblem } {
  const match = /^events\[(\d+)\](?:\.(\w+)(?:\.(\w+))?)?/.exec(problem.field ?? '');
  const row = match ? rowOfIndex.get(Number(match[1])) : undefined;
  if (!path.basename(problem.file).startsWith('events.yaml') || row === undefined) return { row: undefined, problem };
  const [, , field, sub] = match!;
  const wanted = field === 'title' && sub ? [`title_${sub}`, ...(sub === titleLang ? ['title'] : [])] : [field];
  const column =
    columns.find((c) => wanted.includes(c.field))?.name ??
    (field === 'when' ? columns.find((c) => c.field === 'day' || c.field === 'month')?.name : undefined) ??
    (field === undefined ? 'id' : [field, sub].filter(Boolean).join('.'));
  return { row, problem: { file: `${sheetName} row ${row}, column ${column}`, message: problem.message } };
}
