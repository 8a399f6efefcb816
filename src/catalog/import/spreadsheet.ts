import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { DateTime } from 'luxon';
import { readSheet } from 'read-excel-file/node';
import { DataError } from '../../errors.js';

/**
 * The largest spreadsheet read: a year's calendar is a few dozen rows (the seed's, 34 rows, is
 * 5 KB as CSV and under 10 KB as XLSX), and events.yaml itself may hold at most 256 KB. A larger
 * file is a wrong file, refused before it is read.
 */
export const MAX_SPREADSHEET_BYTES = 1024 * 1024;
/** The most rows read: events.yaml's 256 KB hold about 400 events. */
export const MAX_SPREADSHEET_ROWS = 2000;

/**
 * The most an .xlsx file may unpack to. An .xlsx is a zip archive: the seed's calendar unpacks to
 * under 100 KB, while a 1 MB "zip bomb" can unpack to gigabytes. The sizes the archive declares are
 * summed before anything is unpacked.
 */
export const MAX_XLSX_UNPACKED_BYTES = 32 * 1024 * 1024;

/** A row of cells as text, with its number as the spreadsheet shows it (1 is the first row). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** The rows of a .csv or .xlsx file (the first sheet), blank rows left out. */
export async function readSpreadsheet(file: string): Promise<SheetRow[]> {
  const shown = path.basename(file);
  const refuse = (message: string): never => {
    throw new DataError([{ file: shown, message }]);
  };
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx')
    refuse('is neither a .csv nor an .xlsx file: save the spreadsheet as CSV UTF-8 or as Excel (.xlsx)');
  const info = await stat(file).catch((error: NodeJS.ErrnoException) =>
    refuse(error.code === 'ENOENT' ? 'the file is missing' : `cannot be read (${error.code ?? error.message})`),
  );
  if (!info.isFile()) refuse('is not a regular file');
  if (info.size > MAX_SPREADSHEET_BYTES)
    refuse(
      `is ${Math.ceil(info.size / 1024)} KB: a spreadsheet to import may hold at most ${MAX_SPREADSHEET_BYTES / 1024} KB`,
    );
  const bytes = await readFile(file);
  const rows = extension === '.csv' ? csvRows(bytes, refuse) : await xlsxRows(bytes, refuse);
  if (rows.length > MAX_SPREADSHEET_ROWS)
    refuse(
      `has more than ${MAX_SPREADSHEET_ROWS} rows: a spreadsheet to import may hold at most ${MAX_SPREADSHEET_ROWS}`,
    );
  return rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
}

function csvRows(bytes: Buffer, refuse: (message: string) => never): SheetRow[] {
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    refuse('is not UTF-8 text: save it as "CSV UTF-8"');
  }
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      // One more than the limit, to tell "too many" from "just enough" without parsing the rest.
      to: MAX_SPREADSHEET_ROWS + 1,
    }) as string[][];
    // A record is a row, blank lines included, as a spreadsheet opening the file numbers them
    // (a cell may hold a line break, so line numbers would not do).
    return records.map((cells, i) => ({ row: i + 1, cells }));
  } catch (error) {
    return refuse(`is not a CSV file the import can read: ${(error as Error).message.split('\n')[0]}`);
  }
}

/**
 * The seed's table is tab-separated, a spreadsheet in French saves with semicolons, an English one
 * with commas: the first line's most frequent of the three (outside quotes) is the separator.
 */
function delimiterOf(text: string): string {
  const firstLine = (text.split('\n')[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ['\t', ';', ','].map((delimiter) => ({ delimiter, count: firstLine.split(delimiter).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

async function xlsxRows(bytes: Buffer, refuse: (message: string) => never): Promise<SheetRow[]> {
  let unpacked = 0;
  try {
    // Lists the entries without unpacking any.
    unzipSync(bytes, {
      filter: (entry) => {
        unpacked += entry.originalSize;
        return false;
      },
    });
  } catch (error) {
    refuse(`is not an Excel file the import can read: ${(error as Error).message.split('\n')[0]}`);
  }
  if (unpacked > MAX_XLSX_UNPACKED_BYTES)
    refuse(
      `unpacks to ${Math.ceil(unpacked / 1024 / 1024)} MB: an .xlsx file to import may unpack to at most ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB`,
    );
  let sheet: unknown[][] = [];
  try {
    sheet = (await readSheet(bytes)) as unknown[][];
  } catch (error) {
    refuse(`is not an Excel file the import can read: ${(error as Error).message.split('\n')[0]}`);
  }
  return sheet.map((cells, i) => ({ row: i + 1, cells: cells.map(cellText) }));
}

/** A cell as the text it shows: a number as written, a date as its day, a boolean as yes or no. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: 'utc' }).toISODate() ?? '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
