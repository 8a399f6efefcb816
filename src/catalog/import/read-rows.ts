import { removeInvisibleCharacters } from '../../invisible-characters.js';
import { LANGS, type Lang } from '../../domain/vocabulary.js';
import type { Place, PlacesFile } from '../schema.js';
import { calendarDate } from './calendar-dates.js';
import type { Column, Field } from './columns.js';
import { foldText } from './fold-text.js';
import { readPlace } from './place-names.js';
import type { SheetRow } from './spreadsheet.js';

/** What one row of the spreadsheet says about an event: only the fields its cells give. */
export interface EventDraft {
  row: number;
  id?: string;
  when?: string;
  title: Partial<Record<Lang, string>>;
  place?: Place;
  /** A city places.yaml does not know yet, in a country it does. */
  newCity?: { name: string; country: string };
  category?: string;
  partners?: string[];
  programme?: string;
  confirmed?: boolean;
  source?: string;
}

/** A problem with a cell, named by its row and its column as the spreadsheet names them. */
export interface CellProblem {
  row: number;
  column: string;
  message: string;
}

export interface ReadOptions {
  /** The year of a day-and-month date when the file has no year column. */
  year: number | undefined;
  /** The language of a plain "title" column (the seed's table is French). */
  titleLang: Lang;
}

const YES = new Set(['yes', 'y', 'true', 'oui', 'si', 'x', '1']);
const NO = new Set(['no', 'n', 'false', 'non', '0']);

/** The drafts of the rows, and every problem of their cells (a row with one is left out). */
export function readRows(
  rows: readonly SheetRow[],
  columns: readonly Column[],
  places: PlacesFile,
  options: ReadOptions,
): { drafts: EventDraft[]; problems: CellProblem[] } {
  const drafts: EventDraft[] = [];
  const problems: CellProblem[] = [];
  for (const { row, cells } of rows) {
    const before = problems.length;
    const problem = (column: Column | undefined, message: string) =>
      problems.push({ row, column: column?.name ?? 'date', message });
    const cell = (field: Field): { column: Column; text: string } | undefined => {
      const column = columns.find((c) => c.field === field);
      if (!column) return undefined;
      const text = cleanCell(cells[column.index] ?? '');
      if (typeof text !== 'string') {
        problem(column, text.problem);
        return undefined;
      }
      return text === '' ? undefined : { column, text };
    };
    const draft: EventDraft = { row, title: {} };

    const id = cell('id');
    if (id) draft.id = id.text;
    const when = cell('when');
    const day = cell('day');
    const month = cell('month');
    if (when) draft.when = when.text;
    else if (day || month) {
      const yearCell = cell('year');
      const year = yearCell ? Number(yearCell.text) : options.year;
      if (yearCell && !/^\d{4}$/.test(yearCell.text)) problem(yearCell.column, `"${yearCell.text}" is not a year`);
      else if (year === undefined)
        problem(month?.column ?? day?.column, 'no year: give --year YYYY, a year column, or a year in the file name');
      else {
        const date = calendarDate(day?.text ?? '', month?.text ?? '', year);
        if ('when' in date) draft.when = date.when;
        else
          problem(
            date.column === 'day' ? (day?.column ?? month?.column) : (month?.column ?? day?.column),
            date.problem,
          );
      }
    }

    const plain = cell('title');
    if (plain) draft.title[options.titleLang] = plain.text;
    for (const lang of LANGS) {
      const title = cell(`title_${lang}`);
      if (title) draft.title[lang] = title.text;
    }

    const place = cell('place');
    if (place) {
      const reading = readPlace(place.text, places);
      if ('place' in reading) draft.place = reading.place;
      else if ('newCity' in reading) draft.newCity = reading.newCity;
      else problem(place.column, reading.problem);
    }
    const category = cell('category');
    if (category) draft.category = category.text;
    const partners = cell('partners');
    if (partners)
      draft.partners = partners.text
        .split(';')
        .map((name) => name.trim())
        .filter((name) => name !== '');
    const programme = cell('programme');
    if (programme) draft.programme = programme.text;
    const confirmed = cell('confirmed');
    if (confirmed) {
      const answer = foldText(confirmed.text);
      if (YES.has(answer)) draft.confirmed = true;
      else if (NO.has(answer)) draft.confirmed = false;
      else problem(confirmed.column, `"${confirmed.text}" is not yes or no`);
    }
    const source = cell('source');
    if (source) draft.source = source.text;
    if (problems.length === before) drafts.push(draft);
  }
  return { drafts, problems };
}

/**
 * A cell's text on one line, or why it is refused: a control character (a spreadsheet cell holds
 * none that a person typed), or a formula ("=cmd|' /C calc'!A0"), which a spreadsheet that opens
 * an export would run; "'=text" is the text "=text". Invisible characters (zero-width spaces, bidirectional marks) are dropped,
 * as the bot drops them from messages; line breaks inside a cell become spaces.
 */
function cleanCell(raw: string): string | { problem: string } {
  const control = /[^\P{Cc}\t\n\r]/u.exec(raw);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { problem: `the control character U+${code} is not allowed` };
  }
  const text = removeInvisibleCharacters(raw).replace(/\s+/g, ' ').trim();
  if (/^[=+@]/.test(text))
    return { problem: `"${text.slice(0, 40)}" is a spreadsheet formula: type the value itself, not a formula` };
  // A leading apostrophe is how spreadsheets (and gsef export) write text that would be a formula.
  return /^'[=+@-]/.test(text) ? text.slice(1) : text;
}
